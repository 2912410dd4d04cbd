package org.openinfusion.station.clinical.export;

import java.util.List;
import java.util.Locale;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.session.Medication;

/**
 * CDISC SDTM CM (concomitant and rescue medications) given during the sessions on a physician's order, as staff
 * recorded them (medication.given): drug as entered (CMTRT, not WHODrug-coded), category RESCUE or CONCOMITANT, dose,
 * unit, route, when given. SUPPCM holds the sponsor qualifiers: CMGIVBY and CMORDBY (the staff user ids who gave and
 * ordered it), CMSRC and CMSRCSEQ (the audit entry). A trail without medications gives the headers only.
 */
final class SdtmCm {
    static final List<String> COLUMNS = List.of("STUDYID", "DOMAIN", "USUBJID", "CMSEQ", "CMTRT", "CMCAT", "CMDOSE", "CMDOSU",
            "CMROUTE", "VISITNUM", "VISIT", "CMSTDTC");

    private SdtmCm() {
    }

    /** CM (with EPOCH) and SUPPCM. */
    static Sdtm.Parts tables(List<SessionTrail> sessions) {
        Csv csv = new Csv(COLUMNS);
        Sdtm.Supp supp = new Sdtm.Supp("CM");
        Sdtm.Sequence seq = new Sdtm.Sequence();
        for (SessionTrail s : sessions) {
            String usubjid = Sdtm.usubjid(s);
            String study = Sdtm.studyId(s);
            for (SessionHistory.Fact<Medication> f : s.history().medications()) {
                Medication m = f.event();
                int n = seq.next(usubjid);
                csv.row(study, "CM", usubjid, n, m.drug(), m.rescue() ? "RESCUE" : "CONCOMITANT", Sdtm.number(m.dose()), m.unit(),
                        m.route().toUpperCase(Locale.ROOT), Sdtm.visitNum(s), Sdtm.visit(s), Sdtm.dtc(m.givenAt()));
                supp.add(study, usubjid, n, "CMGIVBY", "Given By", m.givenBy(), "COLLECTED");
                supp.add(study, usubjid, n, "CMORDBY", "Ordered By", m.orderedBy(), "COLLECTED");
                supp.add(study, usubjid, n, "CMSRC", "Source Audit Entry Type", f.entry().written().type(), "ASSIGNED");
                supp.add(study, usubjid, n, "CMSRCSEQ", "Source Audit Entry Sequence", String.valueOf(f.entry().seq()), "ASSIGNED");
            }
        }
        return new Sdtm.Parts(Sdtm.withEpoch(csv, "CMSTDTC", sessions), supp.table());
    }
}

package org.openinfusion.station.clinical.export;

import java.util.List;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.session.Medication;

/**
 * CDISC SDTM CM (concomitant and rescue medications) given during the sessions on a physician's order, as staff
 * recorded them (medication.given): drug as entered (CMTRT, not WHODrug-coded), category RESCUE or CONCOMITANT, dose,
 * unit, route, when given; CMGIVENBY and CMORDBY (sponsor columns) name the staff user ids. CMSRC and CMSRCSEQ name the
 * audit entry. A trail without medications gives the header only.
 */
final class SdtmCm {
    static final List<String> COLUMNS = List.of("STUDYID", "DOMAIN", "USUBJID", "CMSEQ", "CMTRT", "CMCAT", "CMDOSE", "CMDOSU",
            "CMROUTE", "VISITNUM", "VISIT", "CMSTDTC", "CMGIVENBY", "CMORDBY", "CMSRC", "CMSRCSEQ");

    private SdtmCm() {
    }

    static String write(List<SessionTrail> sessions) {
        Csv csv = new Csv(COLUMNS);
        Sdtm.Sequence seq = new Sdtm.Sequence();
        for (SessionTrail s : sessions) {
            String usubjid = Sdtm.usubjid(s);
            for (SessionHistory.Fact<Medication> f : s.history().medications()) {
                Medication m = f.event();
                csv.row(Sdtm.studyId(s), "CM", usubjid, seq.next(usubjid), m.drug(), m.rescue() ? "RESCUE" : "CONCOMITANT",
                        Sdtm.number(m.dose()), m.unit(), m.route().toUpperCase(java.util.Locale.ROOT), Sdtm.visitNum(s), Sdtm.visit(s),
                        Sdtm.dtc(m.givenAt()), m.givenBy(), m.orderedBy(), f.entry().written().type(), f.entry().seq());
            }
        }
        return csv.toString();
    }
}

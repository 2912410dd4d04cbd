package org.openinfusion.station.clinical.export;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.openinfusion.station.clinical.history.SessionHistory;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.infusion.InfusionEvent;
import org.openinfusion.station.clinical.protocol.Pretreatment;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;

/**
 * CDISC SDTM EC (exposure as collected), blinded: the station never knows the arm, so the treatment is "BLINDED STUDY
 * INFUSION" (dose = volume infused, mL) or "BLINDED PRETREATMENT", with the kit id in ECREFID. SUPPEC's
 * ECBLIND says "BLINDED", or, once the session's history holds an unblinding,
 * "UNBLINDED: see randomisation list, kit K" (the trail records that the arm was revealed, never the arm).
 */
final class SdtmEc {
    static final List<String> COLUMNS = List.of("STUDYID", "DOMAIN", "USUBJID", "ECSEQ", "ECTRT", "ECCAT", "ECMOOD", "ECDOSE",
            "ECDOSU", "ECDOSFRM", "ECROUTE", "ECADJ", "ECREFID", "VISITNUM", "VISIT", "ECSTDTC", "ECENDTC");
    static final String INFUSION = "BLINDED STUDY INFUSION";
    static final String PRETREATMENT = "BLINDED PRETREATMENT";
    private static final Pattern SUBLINGUAL = Pattern.compile("(?i).*(\\bSL\\b|sublingual).*");

    private SdtmEc() {
    }

    /** EC and SUPPEC (ECBLIND, the blinding status of each row). */
    static Sdtm.Parts tables(List<SessionTrail> sessions, ProtocolCatalog protocols) {
        Csv csv = new Csv(COLUMNS);
        Sdtm.Supp supp = new Sdtm.Supp("EC");
        Sdtm.Sequence seq = new Sdtm.Sequence();
        for (SessionTrail s : sessions) {
            String usubjid = Sdtm.usubjid(s);
            String blind = s.unblinding().map(SdtmEc::unblinded).orElse("BLINDED");
            Optional<Instant> given = s.pretreatmentAt();
            if (given.isPresent()) {
                Optional<Pretreatment> pretreatment = s.protocol(protocols).pretreatment();
                int n = seq.next(usubjid);
                csv.row(Sdtm.studyId(s), "EC", usubjid, n, PRETREATMENT, "PRETREATMENT", "PERFORMED", "", "", "",
                        pretreatment.map(p -> route(p.label())).orElse(""), "", s.kitId(), Sdtm.visitNum(s), Sdtm.visit(s),
                        Sdtm.dtc(given.get()), Sdtm.dtc(given.get()));
                supp.add(Sdtm.studyId(s), usubjid, n, "ECBLIND", "Blinding Status", blind, "DERIVED");
            }
            Optional<Instant> start = s.infusionStart();
            if (start.isPresent()) {
                OptionalDouble volume = s.volumeInfusedMl();
                Optional<Instant> end = s.infusionEnd();
                int n = seq.next(usubjid);
                csv.row(Sdtm.studyId(s), "EC", usubjid, n, INFUSION, "INFUSION", "PERFORMED",
                        volume.isPresent() ? Sdtm.number(volume.getAsDouble()) : "", volume.isPresent() ? "mL" : "", "SOLUTION",
                        "INTRAVENOUS", adjustment(s), s.kitId(), Sdtm.visitNum(s), Sdtm.visit(s), Sdtm.dtc(start.get()),
                        Sdtm.dtc(end.orElse(null)));
                supp.add(Sdtm.studyId(s), usubjid, n, "ECBLIND", "Blinding Status", blind, "DERIVED");
            }
        }
        return new Sdtm.Parts(Sdtm.withEpoch(csv, "ECSTDTC", sessions), supp.table());
    }

    private static String unblinded(TrailEvent.Unblinded e) {
        String kit = e.kitId();
        return "UNBLINDED: see randomisation list, kit " + (kit == null ? "?" : kit);
    }

    /** ECADJ: pauses recorded by the infusion clock, or that the infusion never completed. */
    private static String adjustment(SessionTrail s) {
        if (s.infusionEnd().isEmpty()) {
            return "INFUSION NOT COMPLETED";
        }
        return s.history().infusion(InfusionEvent.Completed.class).map(SessionHistory.Fact::event).map(c -> {
            long pauses = c.pauses();
            long seconds = c.pausedTotal().toSeconds();
            return pauses == 0 ? "" : "PAUSED " + pauses + (pauses == 1 ? " TIME, " : " TIMES, ") + seconds + " S IN TOTAL";
        }).orElse("");
    }

    /** The protocol file does not state the pretreatment's route: sublingual when its label says so, else oral. */
    static String route(String label) {
        return SUBLINGUAL.matcher(label).matches() ? "SUBLINGUAL" : "ORAL";
    }
}

package org.openinfusion.station.clinical.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.audit.AuditEntry;

/**
 * CDISC SDTM AE (adverse events) as the station saw them: markers staff set for nausea, vomiting, an emergence
 * reaction, anxiety or headache, and every raised alarm on a systolic or diastolic blood-pressure limit that was
 * crossed upwards (hypertension). Terms are sponsor text, not MedDRA-coded; severity and seriousness are left blank
 * (neither is assessed at the bedside: the physician completes them). AESRC and AESRCSEQ name the audit entry.
 */
final class SdtmAe {
    static final List<String> COLUMNS = List.of("STUDYID", "DOMAIN", "USUBJID", "AESEQ", "AETERM", "AEDECOD", "AECAT", "AESEV",
            "AESER", "VISITNUM", "VISIT", "AESTDTC", "AEENDTC", "AESRC", "AESRCSEQ", "AENOTE");
    static final Set<MarkerKind> ADVERSE = Set.of(MarkerKind.NAUSEA, MarkerKind.VOMITING, MarkerKind.EMERGENCE_REACTION,
            MarkerKind.ANXIETY, MarkerKind.HEADACHE);
    /** Alarm ids of the protocol limits on the cuff's systolic and diastolic pressure (AlarmEngine's LIMIT:stream:...). */
    private static final List<String> BLOOD_PRESSURE_LIMITS = List.of("LIMIT:nibp_sys:", "LIMIT:nibp_dia:");

    private SdtmAe() {
    }

    static String write(List<SessionTrail> sessions) {
        Csv csv = new Csv(COLUMNS);
        Sdtm.Sequence seq = new Sdtm.Sequence();
        for (SessionTrail s : sessions) {
            String usubjid = Sdtm.usubjid(s);
            for (AuditEntry e : s.entries()) {
                Optional<MarkerKind> marker = adverseMarker(e);
                if (marker.isPresent()) {
                    csv.row(Sdtm.studyId(s), "AE", usubjid, seq.next(usubjid), marker.get().label(),
                            marker.get().label().toUpperCase(Locale.ROOT), "MARKED BY STAFF", "", "", Sdtm.visitNum(s),
                            Sdtm.visit(s), Sdtm.dtc(Payloads.at(e)), "", e.type(), e.seq(),
                            Optional.ofNullable(Payloads.text(e.payload(), "note")).orElse(""));
                } else if (isHypertension(e)) {
                    String alarm = Payloads.text(e.payload(), "alarm");
                    Optional<AuditEntry> cleared = s.entries().stream().filter(c -> c.seq() > e.seq()
                            && c.type().equals("alarm.cleared") && alarm.equals(Payloads.text(c.payload(), "alarm"))).findFirst();
                    csv.row(Sdtm.studyId(s), "AE", usubjid, seq.next(usubjid),
                            "Hypertension (" + Payloads.text(e.payload(), "message") + ")", "HYPERTENSION", "ALARM", "", "",
                            Sdtm.visitNum(s), Sdtm.visit(s), Sdtm.dtc(Payloads.at(e)),
                            cleared.map(c -> Sdtm.dtc(Payloads.at(c))).orElse(""), e.type(), e.seq(), "");
                }
            }
        }
        return csv.toString();
    }

    private static Optional<MarkerKind> adverseMarker(AuditEntry e) {
        if (!e.type().equals("marker.recorded")) {
            return Optional.empty();
        }
        String kind = Payloads.text(e.payload(), "kind");
        return Arrays.stream(MarkerKind.values()).filter(k -> k.name().equals(kind)).filter(ADVERSE::contains).findFirst();
    }

    /** A raised blood-pressure limit alarm whose message shows the value above the limit ("NIBP_SYS 186 > 180"). */
    static boolean isHypertension(AuditEntry e) {
        String alarm = Payloads.text(e.payload(), "alarm");
        String message = Payloads.text(e.payload(), "message");
        return e.type().equals("alarm.raised") && alarm != null && message != null && message.contains(" > ")
                && BLOOD_PRESSURE_LIMITS.stream().anyMatch(alarm::startsWith);
    }
}

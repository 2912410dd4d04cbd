package org.openinfusion.station.clinical.export;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;

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
            List<Recorded> entries = s.history().entries();
            for (Recorded e : entries) {
                Optional<MarkerKind> marker = adverseMarker(e);
                if (marker.isPresent() && e.event() instanceof TrailEvent.MarkerRecorded m) {
                    String note = m.note();
                    csv.row(Sdtm.studyId(s), "AE", usubjid, seq.next(usubjid), marker.get().label(),
                            marker.get().label().toUpperCase(Locale.ROOT), "MARKED BY STAFF", "", "", Sdtm.visitNum(s),
                            Sdtm.visit(s), Sdtm.dtc(e.at()), "", e.written().type(), e.seq(), Optional.ofNullable(note).orElse(""));
                } else if (e.event() instanceof TrailEvent.AlarmChanged a && isHypertension(a.alarm())) {
                    String alarm = a.alarm().alarmId();
                    Optional<Recorded> cleared = entries.stream().filter(c -> c.seq() > e.seq() && c.event() instanceof TrailEvent.AlarmChanged x
                            && x.alarm().kind() == AlarmEvent.Kind.CLEARED && alarm.equals(x.alarm().alarmId())).findFirst();
                    csv.row(Sdtm.studyId(s), "AE", usubjid, seq.next(usubjid),
                            "Hypertension (" + a.alarm().message() + ")", "HYPERTENSION", "ALARM", "", "",
                            Sdtm.visitNum(s), Sdtm.visit(s), Sdtm.dtc(e.at()),
                            cleared.map(c -> Sdtm.dtc(c.at())).orElse(""), e.written().type(), e.seq(), "");
                }
            }
        }
        return csv.toString();
    }

    private static Optional<MarkerKind> adverseMarker(Recorded e) {
        if (!(e.event() instanceof TrailEvent.MarkerRecorded m)) {
            return Optional.empty();
        }
        return Arrays.stream(MarkerKind.values()).filter(k -> k.name().equals(m.kind())).filter(ADVERSE::contains).findFirst();
    }

    /** A raised blood-pressure limit alarm whose message shows the value above the limit ("NIBP_SYS 186 > 180"). */
    static boolean isHypertension(AlarmEvent a) {
        return a.kind() == AlarmEvent.Kind.RAISED && a.message() != null && a.message().contains(" > ")
                && BLOOD_PRESSURE_LIMITS.stream().anyMatch(a.alarmId()::startsWith);
    }
}

package org.openinfusion.station.clinical.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openinfusion.station.clinical.alarm.AlarmEvent;
import org.openinfusion.station.clinical.api.MarkerKind;
import org.openinfusion.station.clinical.history.Recorded;
import org.openinfusion.station.clinical.history.TrailEvent;
import org.openinfusion.station.clinical.session.AdverseEvent;

/**
 * CDISC SDTM AE (adverse events) as the station saw them: markers staff set for nausea, vomiting, an emergence
 * reaction, anxiety or headache, and every raised alarm on a systolic or diastolic blood-pressure limit that was
 * crossed upwards (hypertension). Terms are sponsor text, not MedDRA-coded; severity and seriousness are left blank
 * (neither is assessed at the bedside: the physician completes them). AESRC and AESRCSEQ name the audit entry.
 * Adverse events recorded or confirmed by staff (ae.recorded, the latest entry per AE id) are rows of category
 * "RECORDED BY STAFF" with AESEV and AESER filled; when the export holds any, the columns AEREL, AEACN and AEOUT are
 * added at the end (empty on the other rows), so a file without them stays as it was.
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

    static final List<String> RECORDED_COLUMNS = List.of("AEREL", "AEACN", "AEOUT");

    static String write(List<SessionTrail> sessions) {
        boolean recorded = sessions.stream().anyMatch(s -> !s.history().adverseEvents().isEmpty());
        List<String> columns = new ArrayList<>(COLUMNS);
        if (recorded) {
            columns.addAll(RECORDED_COLUMNS);
        }
        Csv csv = new Csv(columns);
        Sdtm.Sequence seq = new Sdtm.Sequence();
        for (SessionTrail s : sessions) {
            String usubjid = Sdtm.usubjid(s);
            List<Recorded> entries = s.history().entries();
            Map<Long, AdverseEvent> latestBySeq = new HashMap<>();
            s.history().adverseEvents().forEach(f -> latestBySeq.put(f.entry().seq(), f.event()));
            for (Recorded e : entries) {
                Optional<MarkerKind> marker = adverseMarker(e);
                if (marker.isPresent() && e.event() instanceof TrailEvent.MarkerRecorded m) {
                    String note = m.note();
                    csv.row(padded(recorded, Sdtm.studyId(s), "AE", usubjid, seq.next(usubjid), marker.get().label(),
                            marker.get().label().toUpperCase(Locale.ROOT), "MARKED BY STAFF", "", "", Sdtm.visitNum(s),
                            Sdtm.visit(s), Sdtm.dtc(e.at()), "", e.written().type(), e.seq(), Optional.ofNullable(note).orElse("")));
                } else if (e.event() instanceof TrailEvent.AlarmChanged a && isHypertension(a.alarm())) {
                    String alarm = a.alarm().alarmId();
                    Optional<Recorded> cleared = entries.stream().filter(c -> c.seq() > e.seq() && c.event() instanceof TrailEvent.AlarmChanged x
                            && x.alarm().kind() == AlarmEvent.Kind.CLEARED && alarm.equals(x.alarm().alarmId())).findFirst();
                    csv.row(padded(recorded, Sdtm.studyId(s), "AE", usubjid, seq.next(usubjid),
                            "Hypertension (" + a.alarm().message() + ")", "HYPERTENSION", "ALARM", "", "",
                            Sdtm.visitNum(s), Sdtm.visit(s), Sdtm.dtc(e.at()),
                            cleared.map(c -> Sdtm.dtc(c.at())).orElse(""), e.written().type(), e.seq(), ""));
                } else if (latestBySeq.containsKey(e.seq())) {
                    AdverseEvent ae = latestBySeq.get(e.seq());
                    csv.row(Sdtm.studyId(s), "AE", usubjid, seq.next(usubjid), ae.term(), ae.term().toUpperCase(Locale.ROOT),
                            "RECORDED BY STAFF", ae.severity().name(), ae.serious() ? "Y" : "N", Sdtm.visitNum(s), Sdtm.visit(s),
                            Sdtm.dtc(ae.start()), ae.end().map(Sdtm::dtc).orElse(""), e.written().type(), e.seq(),
                            ae.fromAlarm().map(x -> "proposed from alarm " + x).orElse(""), relationship(ae.relationship()),
                            action(ae.action()), outcome(ae.outcome()));
                }
            }
        }
        return csv.toString();
    }

    /** A row of the base columns, with the recorded-AE columns left empty when the file has them. */
    private static List<Object> padded(boolean recorded, Object... cells) {
        List<Object> row = new ArrayList<>(Arrays.asList(cells));
        if (recorded) {
            RECORDED_COLUMNS.forEach(c -> row.add(""));
        }
        return row;
    }

    /** AEREL as sponsor terms (not a controlled terminology in SDTM). */
    static String relationship(AdverseEvent.Relationship r) {
        return r.name().replace('_', ' ');
    }

    /** AEACN controlled terms (C66767). */
    static String action(AdverseEvent.Action a) {
        return switch (a) {
            case DOSE_NOT_CHANGED -> "DOSE NOT CHANGED";
            case DRUG_INTERRUPTED -> "DRUG INTERRUPTED";
            case DRUG_WITHDRAWN -> "DRUG WITHDRAWN";
            case NOT_APPLICABLE -> "NOT APPLICABLE";
        };
    }

    /** AEOUT controlled terms (C66768). */
    static String outcome(AdverseEvent.Outcome o) {
        return switch (o) {
            case RECOVERED_RESOLVED -> "RECOVERED/RESOLVED";
            case RECOVERING_RESOLVING -> "RECOVERING/RESOLVING";
            case NOT_RECOVERED_NOT_RESOLVED -> "NOT RECOVERED/NOT RESOLVED";
            case RECOVERED_RESOLVED_WITH_SEQUELAE -> "RECOVERED/RESOLVED WITH SEQUELAE";
            case FATAL -> "FATAL";
            case UNKNOWN -> "UNKNOWN";
        };
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

package org.openinfusion.station.clinical.export;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.openinfusion.station.clinical.history.StudyVisits;
import org.openinfusion.station.clinical.protocol.Protocol;
import org.openinfusion.station.clinical.protocol.yaml.ProtocolCatalog;
import org.openinfusion.station.clinical.visit.Measures;
import org.openinfusion.station.clinical.visit.MeasureOutcome;
import org.openinfusion.station.clinical.visit.SubjectFacts;
import org.openinfusion.station.clinical.visit.SubjectTimeline;
import org.openinfusion.station.clinical.visit.VisitKind;
import org.openinfusion.station.clinical.visit.VisitSchedule;

/**
 * {@code visits-csv}: the subject-level summary of study visits (docs/exports.md, docs/visits.md). One row per visit
 * and measure rated there (a visit with none, e.g. missed or still to come, has one row with the measure columns empty):
 * the visit's place (period, VISITNUM, VISIT, VISITDY, the REDCap event name), its window and status, and each measure's
 * value with the change from the period's baseline, response and remission as the protocol defines them. Days are
 * UTC calendar days, as every export's times.
 */
final class VisitSummaryCsv {
    static final List<String> COLUMNS = List.of("study_id", "subject_code", "period", "visit_id", "visitnum", "visit", "visitdy",
            "redcap_event_name", "kind", "status", "out_of_window", "target_day", "window_start", "window_end", "held_on",
            "visit_session_id", "missed_reason", "unscheduled_reason", "measure", "value", "baseline", "change", "percent_change",
            "response", "remission");

    private VisitSummaryCsv() {
    }

    /** @param which the subjects to write; {@code asOf} the day window status is judged on */
    static String write(StudyVisits visits, Predicate<SubjectFacts> which, ProtocolCatalog protocols, LocalDate asOf) {
        Csv csv = new Csv(COLUMNS);
        for (SubjectFacts f : visits.subjects().stream().filter(which).toList()) {
            Optional<VisitSchedule> schedule = protocols.latest(f.protocolId()).flatMap(Protocol::visits);
            if (schedule.isEmpty()) {
                continue;
            }
            VisitSchedule s = schedule.get();
            SubjectTimeline t = SubjectTimeline.of(s, f, ZoneOffset.UTC, asOf);
            for (SubjectTimeline.Line l : t.lines()) {
                List<SubjectFacts.MeasuredRating> rated = l.kind() == VisitKind.INFUSION
                        ? l.ratings().stream().filter(r -> r.timePoint().equals(l.planned().baselineTimePoint())).toList() : l.ratings();
                Map<String, Integer> values = new LinkedHashMap<>();
                rated.stream().sorted(Comparator.comparing(SubjectFacts.MeasuredRating::finishedAt)).forEach(r -> values.putAll(r.measures()));
                String visitId = l.planned() == null ? "unscheduled" : l.planned().id();
                String event = RedcapProject.label(l.kind() == VisitKind.INFUSION ? l.planned().baselineTimePoint() : visitId, l.period(), 1)
                        + "_arm_1";
                List<Object> head = List.of(f.protocolId(), f.subject(), l.period(), visitId, Sdtm.number(l.visitNumber()),
                        l.visitLabel(s.periods() > 1), l.studyDay().map(String::valueOf).orElse(""), event,
                        l.kind().name().toLowerCase(Locale.ROOT), l.status().name(), l.status().outOfWindow() ? "Y" : "",
                        day(l.target()), day(l.windowStart()), day(l.windowEnd()), day(l.heldOn()),
                        l.visitSessionId() == null ? "" : l.visitSessionId(), text(l.missedReason()), text(l.unscheduledReason()));
                if (values.isEmpty()) {
                    csv.row(concat(head, List.of("", "", "", "", "", "", "")));
                }
                Map<String, MeasureOutcome> outcomes = new HashMap<>();
                l.outcomes().forEach(o -> outcomes.put(o.measure(), o));
                values.forEach((measure, value) -> {
                    MeasureOutcome o = outcomes.get(measure);
                    csv.row(concat(head, o == null ? List.of(measure, value, "", "", "", "", "")
                            : List.of(measure, value, opt(o.baseline()), opt(o.change()),
                                    o.percentChange() == null ? "" : String.format(Locale.ROOT, "%.1f", o.percentChange()),
                                    flag(o.response()), flag(o.remission()))));
                });
            }
        }
        return csv.toString();
    }

    /** The study visits of an export request: ratings measured with the request's instrument catalog. */
    static StudyVisits visits(ExportRequest request) {
        return new StudyVisits(request.history(), Measures.using(request.instruments()::get));
    }

    private static List<Object> concat(List<Object> a, List<Object> b) {
        List<Object> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String day(Optional<LocalDate> d) {
        return d.map(LocalDate::toString).orElse("");
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String opt(Integer i) {
        return i == null ? "" : String.valueOf(i);
    }

    private static String flag(Boolean b) {
        return b == null ? "" : b ? "Y" : "N";
    }
}

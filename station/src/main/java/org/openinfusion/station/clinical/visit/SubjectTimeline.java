package org.openinfusion.station.clinical.visit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.openinfusion.station.clinical.visit.SubjectFacts.Infusion;
import org.openinfusion.station.clinical.visit.SubjectFacts.MeasuredRating;
import org.openinfusion.station.clinical.visit.SubjectFacts.Missed;
import org.openinfusion.station.clinical.visit.SubjectFacts.VisitRecord;

/**
 * A subject's whole timeline on a given day: every planned visit of every period with its target day, window and
 * status, the unscheduled visits, and each visit's measures against the period's own baseline. Pure: the schedule,
 * the facts, the site's time zone (which day an instant falls on) and the day asked about.
 */
public record SubjectTimeline(String subject, String protocolId, LocalDate today, List<Line> lines) {
    public SubjectTimeline {
        lines = List.copyOf(lines);
    }

    /**
     * One visit on the timeline.
     *
     * @param planned the schedule's visit; null for an unscheduled one
     * @param target the planned day; empty while its anchor has not happened (and for an unscheduled visit)
     * @param heldOn the day it was completed (infusion: the infusion's day), or started when not yet completed
     * @param studyDay SDTM VISITDY: the target day counted from the first infusion's day (that day = 1, the day before = -1);
     *                 an unscheduled visit's held day; empty before the first infusion
     * @param visitSessionId the rating visit's id or the infusion session's id; null when not held
     * @param outcomes each of the protocol's measures rated at this visit, against the period's baseline
     */
    public record Line(PlannedVisit planned, String name, VisitKind kind, int period, double visitNumber, Optional<LocalDate> target,
                       Optional<LocalDate> windowStart, Optional<LocalDate> windowEnd, Optional<LocalDate> heldOn,
                       Optional<Integer> studyDay, WindowStatus status, String visitSessionId, String missedReason,
                       String unscheduledReason, List<String> instruments, List<MeasuredRating> ratings, List<MeasureOutcome> outcomes) {
        public Line {
            instruments = List.copyOf(instruments);
            ratings = List.copyOf(ratings);
            outcomes = List.copyOf(outcomes);
        }

        /** VISIT: the visit's name, with the period in a crossover, e.g. "P2 DAY 1". */
        public String visitLabel(boolean crossover) {
            String n = name.toUpperCase(Locale.ROOT);
            return crossover && (planned == null || planned.perPeriod()) ? "P" + period + " " + n : n;
        }

        /**
         * Whether the visit can be marked missed on {@code day}: a planned visit neither held nor already marked missed,
         * whose window has closed or closes that day (a visit in the future cannot be missed yet).
         */
        public boolean missableOn(LocalDate day) {
            return planned != null && visitSessionId == null && status != WindowStatus.MISSED && windowEnd.isPresent()
                    && !day.isBefore(windowEnd.get());
        }

        public Optional<MeasureOutcome> outcome(String measure) {
            return outcomes.stream().filter(o -> o.measure().equals(measure)).findFirst();
        }
    }

    public static SubjectTimeline of(VisitSchedule schedule, SubjectFacts facts, ZoneId zone, LocalDate today) {
        Objects.requireNonNull(zone, "zone");
        Map<Integer, Infusion> infusions = facts.infusions().stream().collect(Collectors.toMap(Infusion::period, Function.identity(), (a, b) -> a));
        Optional<LocalDate> firstInfusion = Optional.ofNullable(infusions.get(1)).map(i -> day(i.infusionStart(), zone));
        List<Line> lines = new ArrayList<>();
        for (int p = 1; p <= schedule.periods(); p++) {
            Map<String, Integer> baseline = baseline(schedule, facts, infusions.get(p));
            for (PlannedVisit v : schedule.visitsIn(p)) {
                lines.add(planned(schedule, facts, v, p, infusions, firstInfusion, baseline, zone, today));
            }
        }
        facts.visits().stream().filter(VisitRecord::unscheduled).sorted(Comparator.comparing(VisitRecord::startedAt)).forEach(r -> {
            LocalDate held = day(r.completedAt() != null ? r.completedAt() : r.startedAt(), zone);
            List<MeasuredRating> ratings = ratingsOf(facts, r.visitSessionId());
            lines.add(new Line(null, "Unscheduled", VisitKind.RATING, r.period(), r.period() * 100 + 90 + unscheduledIndex(facts, r),
                    Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(held), firstInfusion.map(f -> studyDay(f, held)),
                    WindowStatus.UNSCHEDULED, r.visitSessionId(), null, r.unscheduledReason(),
                    ratings.stream().map(MeasuredRating::instrumentId).distinct().toList(), ratings,
                    outcomes(schedule, ratings, baseline(schedule, facts, infusions.get(r.period())))));
        });
        return new SubjectTimeline(facts.subject(), facts.protocolId(), today, lines);
    }

    private static Line planned(VisitSchedule schedule, SubjectFacts facts, PlannedVisit v, int period, Map<Integer, Infusion> infusions,
                                Optional<LocalDate> firstInfusion, Map<String, Integer> baseline, ZoneId zone, LocalDate today) {
        Optional<LocalDate> target;
        int before = v.windowBeforeDays();
        int after = v.windowAfterDays();
        if (v.kind() == VisitKind.INFUSION && period > 1) {
            Washout w = schedule.washout().orElseThrow();
            target = Optional.ofNullable(infusions.get(period - 1)).map(i -> day(i.infusionStart(), zone).plusDays(w.days()));
            before = 0;
            after = w.windowAfterDays();
        } else {
            Optional<LocalDate> anchor = switch (v.anchor()) {
                case CONSENT -> Optional.of(facts.consentDay());
                case FIRST_INFUSION -> firstInfusion;
                case PERIOD_INFUSION -> Optional.ofNullable(infusions.get(period)).map(i -> day(i.infusionStart(), zone));
            };
            target = anchor.map(a -> a.plusDays(v.day()));
        }
        int b = before;
        int a = after;
        Optional<LocalDate> start = target.map(t -> t.minusDays(b));
        if (v.kind() == VisitKind.INFUSION && period == 1 && start.isPresent() && facts.consentDay().isBefore(start.get())) {
            // The first infusion is the anchor of every later visit, not a visit anchored to it: the days from consent
            // to it are only a plan, so it is in window from the consent (screening) day until its window closes.
            start = Optional.of(facts.consentDay());
        }
        Optional<LocalDate> end = target.map(t -> t.plusDays(a));
        Optional<Missed> missed = facts.missed().stream().filter(m -> m.plannedVisitId().equals(v.id()) && m.period() == period).findFirst();
        String sessionId = null;
        Optional<LocalDate> held = Optional.empty();
        boolean completed = false;
        List<MeasuredRating> ratings = List.of();
        if (v.kind() == VisitKind.INFUSION) {
            Infusion i = infusions.get(period);
            if (i != null) {
                sessionId = i.sessionId();
                held = Optional.of(day(i.infusionStart(), zone));
                completed = true;
                ratings = ratingsOf(facts, sessionId);
            }
        } else {
            Optional<VisitRecord> r = facts.visits().stream()
                    .filter(x -> v.id().equals(x.plannedVisitId()) && x.period() == period).reduce((x, y) -> y);
            if (r.isPresent()) {
                sessionId = r.get().visitSessionId();
                completed = r.get().completedAt() != null;
                held = Optional.of(day(completed ? r.get().completedAt() : r.get().startedAt(), zone));
                ratings = ratingsOf(facts, sessionId);
            }
        }
        WindowStatus status;
        if (missed.isPresent() && sessionId == null) {
            status = WindowStatus.MISSED;
        } else if (completed) {
            LocalDate h = held.orElseThrow();
            boolean inWindow = start.isPresent() && !h.isBefore(start.get()) && !h.isAfter(end.get());
            status = inWindow ? WindowStatus.DONE : WindowStatus.DONE_OUT_OF_WINDOW;
        } else if (sessionId != null) {
            status = WindowStatus.IN_PROGRESS;
        } else if (target.isEmpty()) {
            status = WindowStatus.NOT_YET_ANCHORED;
        } else if (today.isBefore(start.get())) {
            status = WindowStatus.UPCOMING;
        } else if (!today.isAfter(end.get())) {
            status = WindowStatus.DUE;
        } else {
            status = WindowStatus.OVERDUE;
        }
        List<MeasuredRating> measured = v.kind() == VisitKind.INFUSION
                ? ratings.stream().filter(r -> r.timePoint().equals(v.baselineTimePoint())).toList() : ratings;
        return new Line(v, v.name(), v.kind(), period, VisitSchedule.visitNumber(v, period), target, start, end, held,
                v.kind() == VisitKind.INFUSION && period == 1 ? firstInfusion.map(f -> 1) : firstInfusion.flatMap(f -> target.map(t -> studyDay(f, t))), status, sessionId,
                missed.map(Missed::reason).orElse(null), null, v.instruments(), ratings, outcomes(schedule, measured, baseline));
    }

    /** The period's baseline: each measure from the latest rating at its infusion session's baseline time point. */
    private static Map<String, Integer> baseline(VisitSchedule schedule, SubjectFacts facts, Infusion infusion) {
        if (infusion == null || schedule.infusionVisit().baselineTimePoint() == null) {
            return Map.of();
        }
        return latest(ratingsOf(facts, infusion.sessionId()).stream()
                .filter(r -> r.timePoint().equals(schedule.infusionVisit().baselineTimePoint())).toList());
    }

    private static List<MeasureOutcome> outcomes(VisitSchedule schedule, List<MeasuredRating> ratings, Map<String, Integer> baseline) {
        Map<String, Integer> values = latest(ratings);
        return schedule.outcomes().stream().filter(o -> values.containsKey(o.measure()))
                .map(o -> o.judge(values.get(o.measure()), baseline.get(o.measure()))).toList();
    }

    /** Each measure's value in the latest-finished rating that gives it. */
    private static Map<String, Integer> latest(List<MeasuredRating> ratings) {
        Map<String, Integer> out = new HashMap<>();
        ratings.stream().sorted(Comparator.comparing(MeasuredRating::finishedAt)).forEach(r -> out.putAll(r.measures()));
        return out;
    }

    private static List<MeasuredRating> ratingsOf(SubjectFacts facts, String visitSessionId) {
        return facts.ratings().stream().filter(r -> r.visitSessionId().equals(visitSessionId)).toList();
    }

    private static int unscheduledIndex(SubjectFacts facts, VisitRecord r) {
        List<VisitRecord> same = facts.visits().stream().filter(x -> x.unscheduled() && x.period() == r.period())
                .sorted(Comparator.comparing(VisitRecord::startedAt)).toList();
        return same.indexOf(r) + 1;
    }

    /** SDTM study day: the first infusion's day is day 1, the day before it day -1 (there is no day 0). */
    public static int studyDay(LocalDate reference, LocalDate day) {
        long d = ChronoUnit.DAYS.between(reference, day);
        return (int) (d >= 0 ? d + 1 : d);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}

package org.openinfusion.station.clinical.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.rating.Answer;
import org.openinfusion.station.clinical.rating.Rating;
import org.openinfusion.station.clinical.rating.Scorer;
import org.openinfusion.station.clinical.visit.SubjectFacts.Infusion;
import org.openinfusion.station.clinical.visit.SubjectFacts.MeasuredRating;
import org.openinfusion.station.clinical.visit.SubjectFacts.Missed;
import org.openinfusion.station.clinical.visit.SubjectFacts.VisitRecord;
import org.openinfusion.testing.MutableClock;

class SubjectTimelineTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    /** The Williams 2018 visits as the shipped protocol file gives them. */
    static final VisitSchedule WILLIAMS = ShippedVisitSchedulesTest.williams();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-05T08:00:00Z"));
    private final List<Infusion> infusions = new ArrayList<>();
    private final List<VisitRecord> visits = new ArrayList<>();
    private final List<Missed> missed = new ArrayList<>();
    private final List<MeasuredRating> ratings = new ArrayList<>();
    private int ids;

    private SubjectTimeline today() {
        SubjectFacts facts = new SubjectFacts("KET-014", "ketamine-naltrexone-crossover", LocalDate.of(2026, 1, 5), infusions, visits, missed, ratings);
        return SubjectTimeline.of(WILLIAMS, facts, ZONE, LocalDate.ofInstant(clock.instant(), ZONE));
    }

    private List<ClinicList.Row> clinic() {
        SubjectTimeline t = today();
        return ClinicList.on(t.today(), List.of(t));
    }

    private SubjectTimeline.Line line(String visit, int period) {
        return today().lines().stream().filter(l -> l.planned() != null && l.planned().id().equals(visit) && l.period() == period)
                .findFirst().orElseThrow();
    }

    /** A day passes; at 10:00 the due rating visit (if any) is held and its HAM-D17 rated. */
    private void holdDueVisit(int six, int rest) {
        hold(clinic().getFirst(), six, rest);
    }

    private void hold(String visit, int period, int six, int rest) {
        hold(clinic().stream().filter(r -> r.visit().planned().id().equals(visit) && r.visit().period() == period).findFirst().orElseThrow(),
                six, rest);
    }

    private void hold(ClinicList.Row row, int six, int rest) {
        String id = "visit-" + (++ids);
        Instant start = clock.instant();
        clock.advance(Duration.ofMinutes(30));
        Rating r = HamD.rating("r" + ids, row.visit().planned().id(), clock.instant(), six, rest);
        ratings.add(HamD.measured(id, r));
        visits.add(new VisitRecord(id, row.visit().planned().id(), row.visit().period(), start, clock.instant(), null));
    }

    private void infuse(int period, int baselineSix, int baselineRest) {
        String session = "session-" + period;
        ratings.add(HamD.measured(session, HamD.rating("b" + period, "baseline", clock.instant(), baselineSix, baselineRest)));
        clock.advance(Duration.ofMinutes(10));
        infusions.add(new Infusion(period, session, clock.instant()));
    }

    private void nextDayAt10() {
        clock.set(LocalDate.ofInstant(clock.instant(), ZONE).plusDays(1).atTime(10, 0).atZone(ZONE).toInstant());
    }

    private void until(LocalDate day) {
        while (LocalDate.ofInstant(clock.instant(), ZONE).isBefore(day)) {
            nextDayAt10();
        }
    }

    private List<String> dueToday() {
        return clinic().stream().map(r -> r.visit().planned().id() + "/P" + r.visit().period() + "/" + r.visit().status()).toList();
    }

    @Test
    void aCrossoverSubjectGoesThroughBothPeriodsWithEveryFollowUpOneMissedWithAReasonAndOneOutOfWindow() {
        clock.set(LocalDate.of(2026, 1, 5).atTime(9, 0).atZone(ZONE).toInstant());
        assertEquals(List.of("screening/P1/DUE", "infusion/P1/DUE"), dueToday(),
                "consent day: the first infusion may be held from the screening day on (planned for day 7, window to day 28)");
        holdDueVisit(14, 10);
        until(LocalDate.of(2026, 1, 11));
        assertEquals(List.of("infusion/P1/DUE"), dueToday());
        nextDayAt10();
        assertEquals(List.of("infusion/P1/DUE"), dueToday());
        infuse(1, 14, 10); // baseline HAM-D17 24, HAM-D6 14
        nextDayAt10();
        assertEquals(List.of("day1/P1/DUE"), dueToday());
        holdDueVisit(5, 5); // 10
        nextDayAt10();
        assertEquals(List.of(), dueToday(), "day 2: nothing (day 3 opens tomorrow)");
        nextDayAt10();
        holdDueVisit(4, 3); // day 3: 7
        until(LocalDate.of(2026, 1, 17));
        assertEquals(List.of("day5/P1/DUE"), dueToday());
        missed.add(new Missed("day5", 1, clock.instant(), "subject unwell, phoned: no visit possible in the window"));
        assertEquals(List.of(), dueToday(), "a visit marked missed leaves the clinic list");
        until(LocalDate.of(2026, 1, 19));
        holdDueVisit(3, 3); // day 7: 6
        until(LocalDate.of(2026, 1, 28));
        assertEquals(List.of("day14/P1/DUE"), dueToday(), "the last day of the day-14 window (24-28 January)");
        nextDayAt10();
        assertEquals(List.of("day14/P1/OVERDUE"), dueToday(), "the window closed: still to do, out of window");
        assertTrue(line("day14", 1).status().outOfWindow());
        nextDayAt10();
        holdDueVisit(6, 6); // day 14 held on 30 January: 12
        until(LocalDate.of(2026, 2, 8));
        assertEquals(List.of(), dueToday(), "period 2's infusion is due after the 28-day washout");
        nextDayAt10();
        assertEquals(List.of("infusion/P2/DUE"), dueToday());
        nextDayAt10();
        infuse(2, 7, 5); // period 2's own baseline: 12 (HAM-D6 7)
        for (String visit : List.of("day1", "day3", "day5", "day7", "day14")) {
            while (dueToday().isEmpty()) {
                nextDayAt10();
            }
            assertEquals(List.of(visit + "/P2/DUE"), dueToday());
            holdDueVisit(visit.equals("day1") ? 4 : 3, 4); // day 1: 8
            nextDayAt10();
        }
        until(LocalDate.of(2026, 3, 31));
        assertEquals(List.of(), dueToday(), "nothing left to do");

        SubjectTimeline t = today();
        assertEquals(List.of("screening/1/DONE", "infusion/1/DONE", "day1/1/DONE", "day3/1/DONE", "day5/1/MISSED", "day7/1/DONE",
                        "day14/1/DONE_OUT_OF_WINDOW", "infusion/2/DONE", "day1/2/DONE", "day3/2/DONE", "day5/2/DONE", "day7/2/DONE",
                        "day14/2/DONE"),
                t.lines().stream().map(l -> l.planned().id() + "/" + l.period() + "/" + l.status()).toList());
        assertEquals("subject unwell, phoned: no visit possible in the window", line("day5", 1).missedReason());
        assertEquals(LocalDate.of(2026, 1, 30), line("day14", 1).heldOn().orElseThrow());
        assertEquals(LocalDate.of(2026, 1, 28), line("day14", 1).windowEnd().orElseThrow());
        assertEquals(LocalDate.of(2026, 2, 10), line("infusion", 2).heldOn().orElseThrow());
        assertEquals(List.of(-7, 1, 2, 31), List.of(line("screening", 1).studyDay().orElseThrow(), line("infusion", 1).studyDay().orElseThrow(),
                line("day1", 1).studyDay().orElseThrow(), line("day1", 2).studyDay().orElseThrow()), "VISITDY from the first infusion's day");
        assertEquals(List.of(0.01, 102.0, 103.0, 202.0, 203.0), List.of(line("screening", 1).visitNumber(), line("infusion", 1).visitNumber(),
                line("day1", 1).visitNumber(), line("infusion", 2).visitNumber(), line("day1", 2).visitNumber()));
        assertEquals("P2 DAY 1", line("day1", 2).visitLabel(true));
        assertEquals("SCREENING", line("screening", 1).visitLabel(true));
    }

    @Test
    void theFirstInfusionHeldOnTheScreeningDayIsInWindowAndAnchorsTheFollowUps() {
        // the try-out: enrolled and screened on 5 Dec, infused the same day; the clinic list said "Done out of window"
        // with a window of 12 Dec - 2 Jan (the planned 7 days from consent taken as the window's opening)
        clock.set(LocalDate.of(2026, 1, 5).atTime(9, 0).atZone(ZONE).toInstant());
        hold("screening", 1, 14, 10);
        infuse(1, 14, 10);
        SubjectTimeline.Line infusion = line("infusion", 1);
        assertEquals(WindowStatus.DONE, infusion.status());
        assertEquals(LocalDate.of(2026, 1, 5), infusion.windowStart().orElseThrow(), "open from the consent (screening) day");
        assertEquals(LocalDate.of(2026, 2, 2), infusion.windowEnd().orElseThrow(), "to the planned day 7 + 21 days");
        assertEquals(LocalDate.of(2026, 1, 12), infusion.target().orElseThrow(), "the planned day stays the protocol's");
        assertEquals(1, infusion.studyDay().orElseThrow(), "VISITDY counts from the infusion's target day");
        assertEquals(LocalDate.of(2026, 1, 6), line("day1", 1).target().orElseThrow(), "day 1 follows the infusion actually held");
        nextDayAt10();
        assertEquals(List.of("day1/P1/DUE"), dueToday());
    }

    @Test
    void aVisitCanBeMarkedMissedOnlyFromTheLastDayOfItsWindow() {
        clock.set(LocalDate.of(2026, 1, 12).atTime(9, 0).atZone(ZONE).toInstant());
        infuse(1, 14, 10);
        LocalDate today = LocalDate.of(2026, 1, 12);
        SubjectTimeline.Line day7 = line("day7", 1); // window 18-20 January
        assertFalse(day7.missableOn(today), "6 days ahead: not missed yet");
        assertFalse(day7.missableOn(LocalDate.of(2026, 1, 19)), "its window is still open the next day");
        assertTrue(day7.missableOn(LocalDate.of(2026, 1, 20)), "the last day of its window");
        assertTrue(day7.missableOn(LocalDate.of(2026, 1, 25)), "after its window: overdue");
        assertFalse(line("day1", 2).missableOn(LocalDate.of(2026, 6, 1)), "period 2 is not anchored yet: no window to close");
        assertFalse(line("infusion", 1).missableOn(today), "held");
    }

    @Test
    void responseIsJudgedAgainstThePeriodsOwnBaseline() {
        clock.set(LocalDate.of(2026, 1, 12).atTime(9, 0).atZone(ZONE).toInstant());
        infuse(1, 14, 10); // 24
        nextDayAt10();
        hold("day1", 1, 5, 5); // 10: -58 %
        clock.set(LocalDate.of(2026, 2, 9).atTime(9, 0).atZone(ZONE).toInstant());
        infuse(2, 7, 5); // 12
        nextDayAt10();
        hold("day1", 2, 4, 4); // 8: -33 % against its own 12 (it would be -67 % against period 1's 24)

        MeasureOutcome p1 = line("day1", 1).outcome("hamd17").orElseThrow();
        assertEquals(24, p1.baseline());
        assertEquals(-14, p1.change());
        assertEquals(-58.33, p1.percentChange(), 0.01);
        assertTrue(p1.response());
        assertFalse(p1.remission(), "10 > 7");
        MeasureOutcome p2 = line("day1", 2).outcome("hamd17").orElseThrow();
        assertEquals(12, p2.baseline());
        assertEquals(-33.33, p2.percentChange(), 0.01);
        assertFalse(p2.response());
        MeasureOutcome six = line("day1", 2).outcome("hamd6").orElseThrow();
        assertEquals(7, six.baseline());
        assertEquals(4, six.value());
        assertNull(six.remission(), "the protocol gives no HAM-D6 remission threshold");
        assertEquals(24, line("infusion", 1).outcome("hamd17").orElseThrow().value(), "the infusion day shows its baseline");
    }

    @Test
    void exactlyHalfTheBaselineIsAResponseAndABaselineOfZeroGivesNoPercent() {
        OutcomeRule rule = new OutcomeRule("hamd17", 50, OptionalInt.of(7), "site default");
        assertTrue(rule.judge(10, 20).response());
        assertFalse(rule.judge(11, 20).response());
        assertTrue(rule.judge(7, 20).remission());
        assertNull(rule.judge(0, 0).response());
        assertNull(rule.judge(5, null).change());
    }

    @Test
    void hamD6IsDerivedFromTheSixHamD17Items() {
        Rating r = HamD.rating("r1", "day1", Instant.parse("2026-01-13T10:00:00Z"), 9, 12);
        var measures = Measures.of(Scorer.score(HamD.HAMD17, r));
        assertEquals(21, measures.get("hamd17"));
        int six = HamD.HAMD6_ITEMS.stream().mapToInt(i -> ((Answer.Scored) r.answers().get(i)).value()).sum();
        assertEquals(9, six);
        assertEquals(six, measures.get("hamd6"));
        Rating moreOutside = HamD.rating("r2", "day1", Instant.parse("2026-01-13T10:00:00Z"), 9, 20);
        assertEquals(9, Measures.of(Scorer.score(HamD.HAMD17, moreOutside)).get("hamd6"), "items outside the six do not change HAM-D6");
    }

    @Test
    void anIncompleteRatingGivesNoMeasureToCompare() {
        Rating r = HamD.rating("r1", "day1", Instant.parse("2026-01-13T10:00:00Z"), 9, 12);
        var answers = new HashMap<>(r.answers());
        answers.put("guilt", Answer.notAssessed("subject declined"));
        answers.put("insight", Answer.notAssessed("subject declined"));
        Rating partial = new Rating("r3", "hamd17", null, "day1", "research_rater", "rater1", r.startedAt(), r.finishedAt(), answers, null);
        assertTrue(Measures.of(Scorer.score(HamD.HAMD17, partial)).isEmpty());
    }

    @Test
    void aLaterPeriodsFollowUpsWaitForThatPeriodsInfusion() {
        clock.set(LocalDate.of(2026, 1, 12).atTime(9, 0).atZone(ZONE).toInstant());
        infuse(1, 14, 10);
        assertEquals(WindowStatus.NOT_YET_ANCHORED, line("day1", 2).status());
        assertEquals(LocalDate.of(2026, 2, 9), line("infusion", 2).target().orElseThrow());
        Predicate<SubjectTimeline.Line> unscheduled = l -> l.planned() == null;
        visits.add(new VisitRecord("visit-u", null, 1, clock.instant().plus(Duration.ofDays(2)), null, "subject called about insomnia"));
        SubjectTimeline.Line u = today().lines().stream().filter(unscheduled).findFirst().orElseThrow();
        assertEquals(WindowStatus.UNSCHEDULED, u.status());
        assertEquals(191.0, u.visitNumber());
        assertEquals("subject called about insomnia", u.unscheduledReason());
    }
}

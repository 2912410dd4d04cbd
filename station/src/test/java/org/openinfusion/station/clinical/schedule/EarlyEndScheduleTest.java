package org.openinfusion.station.clinical.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.Anchor;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;

/**
 * An infusion that ends early (the pump stopped at minute 26 of the planned 40): a time point during the infusion whose
 * time comes after the end is not due, with the reason, never dropped; the end-of-infusion time point follows the actual
 * end; time points after the planned infusion keep their times.
 */
class EarlyEndScheduleTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");
    private static final Instant EARLY_END = START.plus(Duration.ofMinutes(26)).plusSeconds(40);
    private static final Duration PLANNED = Duration.ofMinutes(40);

    private static ScheduleEntry fromStart(String id, int minutes) {
        return new ScheduleEntry(id, List.of("cadss6", "vas"), Anchor.INFUSION_START, Duration.ofMinutes(minutes), Duration.ofMinutes(3),
                Duration.ofMinutes(10), Duration.ofMinutes(5), "site default");
    }

    private static final ScheduleEntry T20 = fromStart("t20", 20);
    private static final ScheduleEntry T30 = fromStart("t30", 30);
    private static final ScheduleEntry T28 = fromStart("t28", 28);
    private static final ScheduleEntry EOI = new ScheduleEntry("end-of-infusion", List.of("cadss"), Anchor.INFUSION_END, Duration.ZERO,
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(5), "site default");
    private static final ScheduleEntry T80 = fromStart("t80", 80);

    private static final Map<Anchor, Instant> INFUSING = Map.of(Anchor.INFUSION_START, START);
    private static final Map<Anchor, Instant> ENDED = Map.of(Anchor.INFUSION_START, START, Anchor.INFUSION_END, EARLY_END);

    private static RatingSchedule schedule() {
        return new RatingSchedule(List.of(T20, T28, T30, EOI, T80), Duration.ZERO, PLANNED);
    }

    @Test
    void aDuringInfusionTimePointAfterAnEarlyEndIsNotDueWithItsReasonFromTheEnd() {
        RatingSchedule s = schedule();
        s.advance(START.plus(Duration.ofMinutes(21)), INFUSING, Set.of("t20"));
        assertEquals(PromptState.COMPLETED, s.state("t20"));
        assertEquals(PromptState.SCHEDULED, s.state("t30"));

        List<PromptTransition> t = s.advance(EARLY_END, ENDED, Set.of("t20"));

        assertTrue(t.contains(new PromptTransition("t30", PromptState.SCHEDULED, PromptState.NOT_APPLICABLE, EARLY_END,
                "infusion ended early at T+26")), t.toString());
        assertEquals(PromptState.NOT_APPLICABLE, s.state("t30"));
        assertEquals(PromptState.COMPLETED, s.state("t20"), "rated before the end: stays completed");
        assertEquals(PromptState.DUE, s.state("end-of-infusion"), "the end-of-infusion rating follows the actual end");
        assertEquals(PromptState.SCHEDULED, s.state("t80"), "after the planned infusion: keeps its time");
        Prompt t30 = s.prompts(ENDED).get(2);
        assertEquals("t30", t30.timePointId());
        assertEquals(Optional.of("infusion ended early at T+26"), t30.notDueReason());
        assertEquals(Optional.of(START.plus(Duration.ofMinutes(30))), t30.due(), "still listed with its own time");
    }

    @Test
    void aTimePointWhoseWindowHadOpenedBeforeTheEndIsNotDueFromTheEnd() {
        RatingSchedule s = schedule();
        s.advance(EARLY_END.minusSeconds(10), INFUSING, Set.of());
        assertEquals(PromptState.DUE, s.state("t28"), "open from 3 min before T+28");
        List<PromptTransition> t = s.advance(EARLY_END.plusSeconds(2), ENDED, Set.of());
        assertTrue(t.contains(new PromptTransition("t28", PromptState.DUE, PromptState.NOT_APPLICABLE, EARLY_END,
                "infusion ended early at T+26")), t.toString());
    }

    @Test
    void itNeverBecomesOverdueOrMissedAndALateRatingDoesNotReviveIt() {
        RatingSchedule s = schedule();
        s.advance(START.plus(Duration.ofMinutes(10)), INFUSING, Set.of());
        s.advance(START.plus(Duration.ofHours(3)), ENDED, Set.of());
        assertEquals(PromptState.NOT_APPLICABLE, s.state("t30"));
        assertEquals(List.of(), s.advance(START.plus(Duration.ofHours(3)).plusSeconds(60), ENDED, Set.of("t30")).stream()
                .filter(x -> x.timePointId().equals("t30")).toList());
        assertEquals(PromptState.NOT_APPLICABLE, s.state("t30"));
        assertEquals(PromptState.MISSED, s.state("t80"), "one after the planned infusion is missed as before");
    }

    @Test
    void aRestartFindsTheSameStateAndReasonFromTheAnchorsAlone() {
        RatingSchedule s = schedule();
        List<PromptTransition> t = s.advance(START.plus(Duration.ofMinutes(50)), ENDED, Set.of("t20"));
        assertEquals(List.of(new PromptTransition("t28", PromptState.WAITING, PromptState.NOT_APPLICABLE, EARLY_END, "infusion ended early at T+26"),
                new PromptTransition("t30", PromptState.WAITING, PromptState.NOT_APPLICABLE, EARLY_END, "infusion ended early at T+26")),
                t.stream().filter(x -> x.to() == PromptState.NOT_APPLICABLE).toList());
    }

    @Test
    void anInfusionThatRunsItsPlannedTimeLeavesEveryTimePointAsBefore() {
        RatingSchedule s = schedule();
        Instant end = START.plus(PLANNED).plus(Duration.ofMinutes(3)); // a 3-min pause: ended at T+43
        Map<Anchor, Instant> ended = Map.of(Anchor.INFUSION_START, START, Anchor.INFUSION_END, end);
        s.advance(START.plus(Duration.ofMinutes(31)), INFUSING, Set.of("t20", "t28", "t30"));
        s.advance(end.plusSeconds(60), ended, Set.of("t20", "t28", "t30"));
        assertEquals(List.of(PromptState.COMPLETED, PromptState.COMPLETED, PromptState.COMPLETED, PromptState.DUE, PromptState.SCHEDULED),
                s.prompts(ended).stream().map(Prompt::state).toList());
        assertTrue(s.prompts(ended).stream().allMatch(p -> p.notDueReason().isEmpty()));
    }

    @Test
    void withoutAPlannedDurationNoTimePointIsDuringTheInfusion() {
        RatingSchedule s = new RatingSchedule(List.of(T30), Duration.ZERO);
        s.advance(START.plus(Duration.ofMinutes(50)), ENDED, Set.of());
        assertEquals(PromptState.MISSED, s.state("t30"));
        assertEquals(false, schedule().duringInfusion(T80));
        assertEquals(true, schedule().duringInfusion(T30));
        assertEquals(false, schedule().duringInfusion(EOI));
    }

    @Test
    void theReasonCountsWholeMinutesFromTheStart() {
        assertEquals("infusion ended early at T+26", RatingSchedule.endedEarly(START, START.plusSeconds(26 * 60 + 59)));
        assertEquals("infusion ended early at T+0", RatingSchedule.endedEarly(START, START.plusSeconds(30)));
    }
}

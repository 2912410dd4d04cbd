package org.openinfusion.station.clinical.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.Anchor;
import org.openinfusion.station.clinical.protocol.ScheduleEntry;

class RatingScheduleTest {
    private static final Instant END = Instant.parse("2026-11-22T10:00:00Z");
    // due at the end of infusion; open 5 min before; overdue 5 min after; missed 15 min after
    private static final ScheduleEntry EOI = new ScheduleEntry("eoi", List.of("cadss"), Anchor.INFUSION_END, Duration.ZERO,
            Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofMinutes(5), "site default");
    private static final Map<Anchor, Instant> ANCHORS = Map.of(Anchor.INFUSION_END, END);

    @Test
    void waitsForItsAnchor() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        assertEquals(List.of(), s.advance(END, Map.of(), Set.of()));
        assertEquals(PromptState.WAITING, s.state("eoi"));
    }

    @Test
    void aTimePointWithoutATimeYetSaysWhatItWaitsForAndNoLongerOnceTimed() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        s.advance(END.minusSeconds(600), Map.of(), Set.of());
        assertEquals(Optional.of(Anchor.INFUSION_END), s.prompts(Map.of()).getFirst().waitingFor());
        assertEquals(Optional.empty(), s.prompts(ANCHORS).getFirst().waitingFor());
    }

    @Test
    void becomesDueExactlyWhenTheWindowOpens() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        s.advance(END.minusSeconds(301), ANCHORS, Set.of());
        assertEquals(PromptState.SCHEDULED, s.state("eoi"));
        List<PromptTransition> t = s.advance(END.minusSeconds(300), ANCHORS, Set.of());
        assertEquals(List.of(new PromptTransition("eoi", PromptState.SCHEDULED, PromptState.DUE, END.minusSeconds(300))), t);
    }

    @Test
    void aWindowReachingBackBeforeItsAnchorOpensWhenTheAnchorHappenedNotBefore() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        s.advance(END.minusSeconds(60), Map.of(), Set.of()); // the infusion has not ended: the end is not known yet
        List<PromptTransition> t = s.advance(END.plusSeconds(1), ANCHORS, Set.of());
        assertEquals(List.of(new PromptTransition("eoi", PromptState.WAITING, PromptState.SCHEDULED, END),
                new PromptTransition("eoi", PromptState.SCHEDULED, PromptState.DUE, END)), t, "never 5 min before the end it follows");
        t = s.advance(END.plus(Duration.ofMinutes(16)), ANCHORS, Set.of());
        assertEquals(List.of(new PromptTransition("eoi", PromptState.DUE, PromptState.OVERDUE, END.plusSeconds(300)),
                new PromptTransition("eoi", PromptState.OVERDUE, PromptState.MISSED, END.plus(Duration.ofMinutes(15)))), t,
                "the boundaries after the anchor keep their own times");
    }

    @Test
    void becomesOverdueJustAfterTheOverdueTimeNotAtIt() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        s.advance(END.plusSeconds(300), ANCHORS, Set.of());
        assertEquals(PromptState.DUE, s.state("eoi"));
        List<PromptTransition> t = s.advance(END.plusSeconds(300).plusMillis(1), ANCHORS, Set.of());
        assertEquals(new PromptTransition("eoi", PromptState.DUE, PromptState.OVERDUE, END.plusSeconds(300)), t.getFirst());
    }

    @Test
    void isMissedAfterTheWindowClosesWithEachStepAtItsOwnBoundary() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        List<PromptTransition> t = s.advance(END.plus(Duration.ofMinutes(15)).plusSeconds(1), ANCHORS, Set.of());
        assertEquals(List.of(PromptState.SCHEDULED, PromptState.DUE, PromptState.OVERDUE, PromptState.MISSED),
                t.stream().map(PromptTransition::to).toList());
        assertEquals(END.plus(Duration.ofMinutes(15)), t.getLast().at());
        // a rating after that does not revive it
        assertEquals(List.of(), s.advance(END.plus(Duration.ofMinutes(20)), ANCHORS, Set.of("eoi")));
        assertEquals(PromptState.MISSED, s.state("eoi"));
    }

    @Test
    void aLateRatingStillCompletesAnOverduePrompt() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        s.advance(END.plus(Duration.ofMinutes(10)), ANCHORS, Set.of());
        assertEquals(PromptState.OVERDUE, s.state("eoi"));
        List<PromptTransition> t = s.advance(END.plus(Duration.ofMinutes(11)), ANCHORS, Set.of("eoi"));
        assertEquals(PromptState.COMPLETED, t.getLast().to());
    }

    @Test
    void promptsShowTheirDueTimes() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        assertEquals(END, s.prompts(ANCHORS).getFirst().due().orElseThrow());
    }

    @Test
    void aBaselineOverdueFromAnEarlyStartIsOverdueSinceTheStartNotDueAtItsCapsuleTime() {
        // Williams 2018's baseline: the capsule + 45 min, open 15 min before, overdue 5 min after; the infusion started
        // early, 4 min after the capsule (with a reason): the baseline is overdue from that start, 41 min before its due time
        ScheduleEntry baseline = new ScheduleEntry("baseline", List.of("cadss"), Anchor.PRETREATMENT, Duration.ofMinutes(45),
                Duration.ofMinutes(15), Duration.ofMinutes(15), Duration.ofMinutes(5), "Williams 2018");
        Instant begun = END.minus(Duration.ofMinutes(10));
        Instant capsule = END.minus(Duration.ofMinutes(4));
        Map<Anchor, Instant> anchors = Map.of(Anchor.SESSION_START, begun, Anchor.PRETREATMENT, capsule, Anchor.INFUSION_START, END);
        RatingSchedule s = new RatingSchedule(List.of(baseline), Duration.ofMinutes(45));
        s.advance(END.minusSeconds(60), anchors, Set.of());
        assertEquals(Optional.empty(), s.prompts(anchors).getFirst().overdueSince(), "due, not overdue, before the start");
        s.advance(END.plusSeconds(120), anchors, Set.of());
        Prompt p = s.prompts(anchors).getFirst();
        assertEquals(PromptState.OVERDUE, p.state());
        assertEquals(Optional.of(END), p.overdueSince());
        assertEquals(capsule.plus(Duration.ofMinutes(45)), p.due().orElseThrow());
        s.advance(END.plusSeconds(180), anchors, Set.of("baseline"));
        assertEquals(Optional.empty(), s.prompts(anchors).getFirst().overdueSince(), "no longer overdue once rated");
    }

    @Test
    void aTimePointPastItsOverdueTimeIsOverdueSinceThatTime() {
        RatingSchedule s = new RatingSchedule(List.of(EOI));
        s.advance(END.plus(Duration.ofMinutes(8)), ANCHORS, Set.of());
        assertEquals(Optional.of(END.plus(Duration.ofMinutes(5))), s.prompts(ANCHORS).getFirst().overdueSince());
    }
}

package org.openinfusion.dashboard.bed;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;

/** Which time point the Ratings tab marks as the one to rate next, and which it lists as still to rate. */
class PromptPanelTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static Prompt prompt(String id, PromptState state, Integer dueMinutes) {
        return new Prompt(id, List.of("vas"), Optional.ofNullable(dueMinutes).map(m -> T0.plusSeconds(60L * m)), state);
    }

    @Test
    void withNothingOpenTheScheduledTimePointDueSoonestIsNextWhateverTheListOrder() {
        List<Prompt> prompts = List.of(prompt("baseline", PromptState.COMPLETED, 0), prompt("t120", PromptState.SCHEDULED, 120),
                prompt("t30", PromptState.SCHEDULED, 30), prompt("end", PromptState.WAITING, null));
        List<Prompt> toRate = PromptPanel.toRate(prompts);
        assertEquals(List.of("t120", "t30", "end"), toRate.stream().map(Prompt::timePointId).toList(), "a completed time point is in the recorded list only");
        assertEquals(Optional.of("t30"), PromptPanel.next(toRate));
    }

    @Test
    void aTimePointOpenNowIsNextBeforeAnyScheduledOneAndAMissedOneNever() {
        List<Prompt> prompts = List.of(prompt("baseline", PromptState.MISSED, 0), prompt("t15", PromptState.OVERDUE, 15),
                prompt("t30", PromptState.DUE, 30), prompt("t60", PromptState.SCHEDULED, 60));
        List<Prompt> toRate = PromptPanel.toRate(prompts);
        assertEquals(4, toRate.size(), "a missed time point stays listed (it reads Missed)");
        assertEquals(Optional.of("t15"), PromptPanel.next(toRate));
    }

    @Test
    void noTimePointIsNextWhileNoneHasATimeYet() {
        assertEquals(Optional.empty(), PromptPanel.next(PromptPanel.toRate(List.of(prompt("during", PromptState.WAITING, null),
                prompt("end", PromptState.WAITING, null)))));
    }

    @Test
    void aTimePointNotDueAfterAnEarlyEndStaysListedAndIsNeverNext() {
        Prompt notDue = new Prompt("t26", List.of("cadss6"), Optional.of(T0.plusSeconds(26 * 60)), PromptState.NOT_APPLICABLE,
                Optional.empty(), Optional.of("infusion ended early at T+20"));
        List<Prompt> toRate = PromptPanel.toRate(List.of(notDue, prompt("t80", PromptState.SCHEDULED, 80)));
        assertEquals(List.of("t26", "t80"), toRate.stream().map(Prompt::timePointId).toList(), "listed with its reason, never dropped");
        assertEquals(Optional.of("t80"), PromptPanel.next(toRate));
    }
}

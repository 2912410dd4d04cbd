package org.openinfusion.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.protocol.Anchor;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;

/** Rating countdowns as staff read them: what the nurse can do now, never a wait for something already open. */
class TextTest {
    private static final Instant CAPSULE = Instant.parse("2026-12-05T10:00:00Z");
    /** The baseline's due time: the capsule + the 45-min pretreatment lead (clinical.md, Williams 2018). */
    private static final Instant BASELINE_DUE = CAPSULE.plusSeconds(45 * 60);

    @BeforeEach
    void siteZone() {
        Text.zone(ZoneId.of("Europe/Berlin"));
    }

    @AfterEach
    void systemZone() {
        Text.zone(ZoneId.systemDefault());
    }

    private static Prompt baseline(PromptState state) {
        return new Prompt("baseline", List.of("cadss"), Optional.of(BASELINE_DUE), state);
    }

    @Test
    void aBaselineOpenAfterTheCapsuleReadsOpenNowWithItsDueTimeNeverDueIn() {
        assertEquals("open now, due by 11:45", Text.due(baseline(PromptState.DUE), CAPSULE));
        assertEquals("open now, due by 11:45", Text.due(baseline(PromptState.DUE), BASELINE_DUE.minusSeconds(60)));
        assertEquals("due now", Text.due(baseline(PromptState.DUE), BASELINE_DUE.minusSeconds(59)));
        assertEquals("due now", Text.due(baseline(PromptState.DUE), BASELINE_DUE.plusSeconds(30)));
    }

    @Test
    void aTimePointNotYetOpenCountsDownAndAnOverdueOneCountsUp() {
        assertEquals("due in 45 min", Text.due(baseline(PromptState.SCHEDULED), CAPSULE));
        Prompt overdue = new Prompt("baseline", List.of("cadss"), Optional.of(BASELINE_DUE), PromptState.OVERDUE, Optional.of(CAPSULE.plusSeconds(600)));
        assertEquals("overdue 2 min", Text.due(overdue, CAPSULE.plusSeconds(720)));
    }

    @Test
    void aTimePointPastItsDueTimeButInsideItsWindowReadsDueSinceNeverOverdueUntilTheStationSaysSo() {
        assertEquals("due since 11:45", Text.due(baseline(PromptState.DUE), BASELINE_DUE.plusSeconds(60)));
        assertEquals("due since 11:45", Text.due(baseline(PromptState.DUE), BASELINE_DUE.plusSeconds(4 * 60)));
        Prompt overdue = new Prompt("baseline", List.of("cadss"), Optional.of(BASELINE_DUE), PromptState.OVERDUE, Optional.of(BASELINE_DUE.plusSeconds(300)));
        assertEquals("overdue 1 min", Text.due(overdue, BASELINE_DUE.plusSeconds(330)));
    }

    @Test
    void aTimePointOpenBeforeItsDueTimeIsKnownReadsOpenNowNeverNothing() {
        // a baseline before the capsule: open for rating, its due time not known yet ("Ratings at Baseline:" ended there)
        Prompt open = new Prompt("baseline", List.of("cadss"), Optional.empty(), PromptState.DUE);
        assertEquals("open now", Text.due(open, CAPSULE));
        assertEquals("", Text.due(new Prompt("t20", List.of("cadss6"), Optional.empty(), PromptState.SCHEDULED), CAPSULE));
    }

    @Test
    void aTimePointNotDueReadsNotDueWithTheStationsReasonInStaffWords() {
        Prompt notDue = new Prompt("t26", List.of("cadss6"), Optional.of(BASELINE_DUE), PromptState.NOT_APPLICABLE, Optional.empty(),
                Optional.of("infusion ended early at T+20"));
        assertEquals("Not due: infusion ended early at T+20 min", Text.notDue(notDue));
        assertEquals("Not due", Text.notDue(baseline(PromptState.NOT_APPLICABLE)));
    }

    @Test
    void aTimePointWithoutATimeYetSaysWhatItWaitsFor() {
        Prompt end = new Prompt("end-of-infusion", List.of("cadss"), Optional.empty(), PromptState.WAITING, Optional.empty(), Optional.empty(),
                Optional.of(Anchor.INFUSION_END));
        assertEquals("Waiting for the end of the infusion", Text.state(end));
        Prompt t20 = new Prompt("t20", List.of("cadss6"), Optional.empty(), PromptState.WAITING, Optional.empty(), Optional.empty(),
                Optional.of(Anchor.INFUSION_START));
        assertEquals("Waiting for the infusion start", Text.state(t20));
        assertEquals("No time yet", Text.state(new Prompt("t20", List.of("cadss6"), Optional.empty(), PromptState.WAITING)));
        assertEquals("Scheduled", Text.state(new Prompt("t20", List.of("cadss6"), Optional.of(CAPSULE), PromptState.SCHEDULED)));
    }
}

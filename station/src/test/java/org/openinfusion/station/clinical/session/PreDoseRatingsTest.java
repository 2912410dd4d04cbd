package org.openinfusion.station.clinical.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.openinfusion.station.clinical.alarm.AlarmSettings;
import org.openinfusion.station.clinical.schedule.Prompt;
import org.openinfusion.station.clinical.schedule.PromptState;
import org.openinfusion.station.clinical.schedule.PromptTransition;
import org.openinfusion.testing.MutableClock;

/**
 * Baseline ratings are due before dosing whatever their anchor: on the naltrexone crossover (baseline anchored to the
 * capsule + 45 min, Williams 2018) the nurse may open them from the baseline step, and after an early start over the
 * capsule lead they are overdue, never "Scheduled". Time from an injected clock.
 */
class PreDoseRatingsTest {
    private final MutableClock clock = new MutableClock(SessionTest.T);

    private static Prompt prompt(SessionRuntime r, String id) {
        return r.prompts().stream().filter(p -> p.timePointId().equals(id)).findFirst().orElseThrow();
    }

    private SessionRuntime naltrexoneAtBaseline() {
        SessionRuntime r = new SessionRuntime(SessionTest.newSession("ketamine-naltrexone-crossover"), AlarmSettings.DEFAULTS);
        r.command(new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        return r;
    }

    @Test
    void theCapsuleAnchoredBaselineCanBeRatedFromTheBaselineStepBeforeTheCapsuleAndBeforeItsScheduledTime() {
        SessionRuntime r = naltrexoneAtBaseline();
        assertEquals(PromptState.DUE, prompt(r, "baseline").state(), "open before the capsule: its anchor is not known yet");
        assertEquals(Optional.empty(), prompt(r, "baseline").due());

        clock.advance(Duration.ofMinutes(5));
        r.command(new SessionEvent.PretreatmentGiven(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofMinutes(10));
        r.tick(clock.instant());
        Prompt baseline = prompt(r, "baseline");
        assertEquals(PromptState.DUE, baseline.state(), "35 min before its time, still open to rate");
        assertEquals(Optional.of(SessionTest.T.plus(Duration.ofMinutes(50))), baseline.due(), "capsule + 45 min");
        assertEquals(PromptState.WAITING, prompt(r, "t20").state(), "ratings after dosing still wait for their anchor");

        for (String form : baseline.instruments()) {
            r.rated("baseline", form, clock.instant());
        }
        assertEquals(PromptState.COMPLETED, prompt(r, "baseline").state());
    }

    @Test
    void afterAnEarlyStartTheUnratedBaselineIsOverdueAtTheStartNotScheduled() {
        SessionRuntime r = naltrexoneAtBaseline();
        r.command(new SessionEvent.PretreatmentGiven(clock.instant(), "nurse-1"));
        clock.advance(Duration.ofMinutes(20)); // 25 min before the capsule lead is reached
        List<PromptTransition> atStart = r.command(new SessionEvent.InfusionStarted(clock.instant(), "nurse-1", "nurse")).prompts();

        assertEquals(PromptState.OVERDUE, prompt(r, "baseline").state());
        assertTrue(atStart.contains(new PromptTransition("baseline", PromptState.DUE, PromptState.OVERDUE, clock.instant())), atStart.toString());
        clock.advance(Duration.ofMinutes(10));
        r.tick(clock.instant());
        assertEquals(PromptState.OVERDUE, prompt(r, "baseline").state(), "still open to rate late until its own window closes");
        clock.advance(Duration.ofMinutes(31)); // past capsule + 45 + 15
        r.tick(clock.instant());
        assertEquals(PromptState.MISSED, prompt(r, "baseline").state());
    }

    @Test
    void aSessionStartBaselineIsOverdueOnceDosedAndANonBaselineTimePointKeepsItsOwnWindow() {
        SessionRuntime r = new SessionRuntime(SessionTest.newSession("ketamine-midazolam-active-placebo"), AlarmSettings.DEFAULTS);
        r.command(new SessionEvent.BaselineStarted(clock.instant(), "nurse-1"));
        assertEquals(PromptState.DUE, prompt(r, "baseline").state());
        clock.advance(Duration.ofMinutes(10));
        r.command(new SessionEvent.InfusionStarted(clock.instant(), "nurse-1", "nurse"));
        assertEquals(PromptState.OVERDUE, prompt(r, "baseline").state(), "dosed without the baseline rating: overdue, not due in 20 min");
        assertEquals(PromptState.SCHEDULED, prompt(r, "t26").state(), "t26 opens in its own window only");
    }
}

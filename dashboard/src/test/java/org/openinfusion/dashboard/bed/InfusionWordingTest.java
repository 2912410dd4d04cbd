package org.openinfusion.dashboard.bed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openinfusion.dashboard.Text;
import org.openinfusion.station.clinical.api.SessionView;

/** An infusion that ended short of its plan never reads "complete". */
class InfusionWordingTest {
    private static SessionView.Infusion ended(String pumpState, List<String> deviations) {
        return new SessionView.Infusion(true, true, Duration.ofMinutes(39), 26.2, 0, pumpState, 0, Duration.ZERO, deviations);
    }

    @Test
    void anInfusionStoppedEarlySaysSoBesideItsFigures() {
        SessionView.Infusion early = ended("stopped", List.of("EARLY_STOP: stopped at 26.2 of 36.0 mL"));
        assertTrue(Text.stoppedEarly(early));
        // the pump's cell says the pump's state only: the header and the first line under the figures say "stopped early"
        assertEquals("Stopped", InfusionPanel.pumpState(early));
        assertFalse(InfusionPanel.pumpState(early).contains("complete"));
        assertEquals("Infusion stopped early: stopped at 26.2 of 36.0 mL", InfusionPanel.deviation(early.deviations().getFirst()));
        assertEquals("EARLY_STOP: stopped at 26.2 of 36.0 mL", InfusionPanel.firstShown(
                List.of("RATE_OFF_PLAN: pump 160.0 mL/h, plan 150.0 mL/h", "EARLY_STOP: stopped at 26.2 of 36.0 mL")).orElseThrow(),
                "an early stop is the line shown, before any other deviation");
    }

    @Test
    void anInfusionThatGaveItsPlannedVolumeIsComplete() {
        SessionView.Infusion done = ended("completed", List.of("RATE_OFF_PLAN: pump 160.0 mL/h, plan 150.0 mL/h"));
        assertFalse(Text.stoppedEarly(done));
        assertEquals("Completed", InfusionPanel.pumpState(done));
        assertEquals("Standby, not started", InfusionPanel.pumpState(
                new SessionView.Infusion(false, false, Duration.ZERO, 0, 0, "standby", 0, Duration.ZERO, List.of())));
    }
}

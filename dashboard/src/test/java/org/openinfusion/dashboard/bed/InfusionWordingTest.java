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
        assertEquals("Stopped, infusion stopped early", InfusionPanel.pumpState(early));
        assertFalse(InfusionPanel.pumpState(early).contains("complete"));
        assertEquals("Infusion stopped early: stopped at 26.2 of 36.0 mL", InfusionPanel.deviation(early.deviations().getFirst()));
    }

    @Test
    void anInfusionThatGaveItsPlannedVolumeIsComplete() {
        SessionView.Infusion done = ended("completed", List.of("RATE_OFF_PLAN: pump 160.0 mL/h, plan 150.0 mL/h"));
        assertFalse(Text.stoppedEarly(done));
        assertEquals("Completed, infusion complete", InfusionPanel.pumpState(done));
    }
}

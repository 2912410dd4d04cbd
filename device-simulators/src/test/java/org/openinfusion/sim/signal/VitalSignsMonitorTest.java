package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VitalSignsMonitorTest {

    @Test
    void numericsStayPlausibleThroughAWholeSession() {
        // given
        SimulatedPatient patient = new SimulatedPatient(5, InfusionPlan.defaults());
        VitalSignsMonitor monitor = patient.vitalSigns();
        // when / then: every second of 90 minutes
        for (int second = 0; second < 90 * 60; second++) {
            VitalSigns signs = monitor.at(second);
            String at = "at " + second + " s: " + signs;
            assertAll(at,
                    () -> assertTrue(signs.hr() >= 50 && signs.hr() <= 110),
                    () -> assertTrue(signs.spo2() >= 95 && signs.spo2() <= 100),
                    () -> assertTrue(Math.abs(signs.pr() - signs.hr()) <= 5),
                    () -> assertTrue(signs.etco2() >= 32 && signs.etco2() <= 42),
                    () -> assertTrue(signs.rr() >= 10 && signs.rr() <= 18));
        }
    }

    @Test
    void heartRateNumericFollowsTheModel() {
        // given
        SimulatedPatient patient = new SimulatedPatient(9, InfusionPlan.defaults());
        VitalSignsMonitor monitor = patient.vitalSigns();
        // when / then
        for (int second = 0; second < 3600; second += 60) {
            assertEquals(patient.physiology().heartRate(second), monitor.at(second).hr(), 6, "at " + second + " s");
        }
    }
}

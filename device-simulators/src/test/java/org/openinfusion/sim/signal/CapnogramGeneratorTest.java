package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class CapnogramGeneratorTest {

    private static final int ONE_MINUTE = (int) (60 * CapnogramGenerator.RATE_HZ);

    private final SimulatedPatient patient = new SimulatedPatient(3, InfusionPlan.defaults());

    @Test
    void capnogramRisesFromNearZeroToAnAlveolarPlateau() {
        // given
        double[] co2 = oneMinute();
        // when
        double baseline = Arrays.stream(co2).min().orElseThrow();
        double plateau = Arrays.stream(co2).max().orElseThrow();
        // then
        assertTrue(baseline > -1 && baseline < 1, "inspired CO2 near 0, was " + baseline);
        assertTrue(plateau > 33 && plateau < 42, "alveolar plateau 35-40 mmHg, was " + plateau);
    }

    @Test
    void breathsInTheCapnogramMatchTheReportedRespiratoryRate() {
        // given
        double[] co2 = oneMinute();
        VitalSignsMonitor monitor = patient.vitalSigns();
        double meanRr = 0;
        for (int second = 0; second < 60; second++) {
            meanRr += monitor.at(second).rr() / 60.0;
        }
        // when
        int breaths = Peaks.risingCrossings(co2, 20);
        // then
        assertEquals(meanRr, breaths, 2, "breaths in 60 s");
        assertTrue(breaths >= 10 && breaths <= 18, "12-16 breaths a minute, was " + breaths);
    }

    @Test
    void endTidalNumericIsThePlateauOfTheLastCompletedBreath() {
        // given
        double[] co2 = oneMinute();
        int end = co2.length - 1;
        while (!(co2[end - 1] >= 20 && co2[end] < 20)) {
            end--;
        }
        int start = end - 1;
        while (!(co2[start - 1] < 20 && co2[start] >= 20)) {
            start--;
        }
        // when
        double plateau = Arrays.stream(co2, start, end).max().orElseThrow();
        int etco2 = patient.vitalSigns().at(60).etco2();
        // then
        assertEquals(plateau, etco2, 0.9);
    }

    private double[] oneMinute() {
        CapnogramGenerator capnogram = patient.capnogram();
        double[] co2 = new double[ONE_MINUTE];
        for (int i = 0; i < co2.length; i++) {
            co2[i] = capnogram.next();
        }
        return co2;
    }
}

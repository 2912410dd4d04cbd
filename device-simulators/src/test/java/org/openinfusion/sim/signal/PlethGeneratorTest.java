package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PlethGeneratorTest {

    private final SimulatedPatient patient = new SimulatedPatient(11, InfusionPlan.defaults());

    @Test
    void plethPulsesFollowTheHeartbeats() {
        // given
        PlethGenerator pleth = patient.pleth();
        double[] samples = new double[60 * 125];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = pleth.next();
        }
        double transit = patient.physiology().profile().pulseTransitSeconds();
        int beatsArriving = new BeatTrain(patient.physiology(), 11).between(-transit, 60 - transit).size();
        // when
        double halfHeight = patient.physiology().profile().plethAmplitude() / 2;
        int pulses = Peaks.count(samples, halfHeight, 38);
        // then
        assertEquals(beatsArriving, pulses, 1, "pleth pulses in 60 s");
    }

    @Test
    void plethPulseHasADicroticNotchBeforeASmallerSecondWave() {
        // given the pulse shape sampled every 4 ms
        double systolic = PlethGenerator.pulse(0.13);
        double notch = Double.MAX_VALUE;
        double secondWave = 0;
        // when
        for (double x = 0.2; x < 0.5; x += 0.004) {
            double value = PlethGenerator.pulse(x);
            if (x < 0.3) {
                notch = Math.min(notch, value);
            } else {
                secondWave = Math.max(secondWave, value);
            }
        }
        // then
        assertTrue(notch < secondWave, "a notch before the dicrotic wave");
        assertTrue(secondWave < systolic, "the dicrotic wave is smaller than the systolic one");
    }
}

package org.openinfusion.sim.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EcgGeneratorTest {

    private static final int ONE_MINUTE = 60 * 500;

    private final SimulatedPatient patient = new SimulatedPatient(7, InfusionPlan.defaults());

    @Test
    void ecgLeadThreeIsLeadTwoMinusLeadOne() {
        // given
        EcgGenerator ecg = patient.ecg();
        // when / then
        for (int i = 0; i < 5000; i++) {
            EcgSample sample = ecg.next();
            float leadIII = (float) sample.leadIII();
            float fromLeads = (float) sample.leadII() - (float) sample.leadI();
            assertEquals(fromLeads, leadIII, 1e-5, "sample " + i);
        }
    }

    @Test
    void rPeaksOverOneMinuteMatchTheModelHeartRate() {
        // given
        double[] leadII = leadII(patient.ecg(), ONE_MINUTE);
        // when
        int peaks = Peaks.count(leadII, 0.6, 125);
        // then
        double expectedBeats = meanModelHeartRate(0, 60);
        assertEquals(expectedBeats, peaks, 2.0, "R peaks in 60 s");
    }

    @Test
    void beatToBeatIntervalsVary() {
        // given
        BeatTrain beats = new BeatTrain(patient.physiology(), 7);
        // when
        double[] intervals = beats.between(0, 60).stream().mapToDouble(Beat::interval).toArray();
        // then
        double min = Arrays.stream(intervals).min().orElseThrow();
        double max = Arrays.stream(intervals).max().orElseThrow();
        assertTrue(max - min > 0.02, "RR intervals should vary, spread " + (max - min));
    }

    @Test
    void ecgStaysWithinAPlausibleMillivoltRange() {
        // given
        double[] leadII = leadII(patient.ecg(), ONE_MINUTE);
        // when
        double max = Arrays.stream(leadII).max().orElseThrow();
        double min = Arrays.stream(leadII).min().orElseThrow();
        // then
        assertTrue(max > 0.8 && max < 2.0, "R wave height " + max);
        assertTrue(min > -0.8, "deepest S wave " + min);
    }

    private double meanModelHeartRate(double from, double to) {
        double sum = 0;
        int n = 0;
        for (double t = from; t < to; t += 0.1) {
            sum += patient.physiology().heartRate(t);
            n++;
        }
        return sum / n * (to - from) / 60;
    }

    private static double[] leadII(EcgGenerator ecg, int count) {
        double[] samples = new double[count];
        for (int i = 0; i < count; i++) {
            samples[i] = ecg.next().leadII();
        }
        return samples;
    }
}

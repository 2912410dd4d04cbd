package org.openinfusion.sim.signal;

/** Counts peaks in a sampled signal the simple way a test can trust: threshold plus refractory time. */
final class Peaks {

    private Peaks() {
    }

    /** Local maxima above {@code threshold}, at least {@code refractory} samples apart. */
    static int count(double[] samples, double threshold, int refractory) {
        int peaks = 0;
        int last = -refractory;
        for (int i = 1; i < samples.length - 1; i++) {
            boolean localMax = samples[i] >= samples[i - 1] && samples[i] > samples[i + 1];
            if (localMax && samples[i] > threshold && i - last >= refractory) {
                peaks++;
                last = i;
            }
        }
        return peaks;
    }

    /** Upward crossings of {@code level}. */
    static int risingCrossings(double[] samples, double level) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i - 1] < level && samples[i] >= level) {
                crossings++;
            }
        }
        return crossings;
    }
}

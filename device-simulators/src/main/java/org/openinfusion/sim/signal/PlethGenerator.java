package org.openinfusion.sim.signal;

import java.util.SplittableRandom;

/**
 * Plethysmogram at 125 Hz in arbitrary units, one sample per call from simulation time 0.
 * Each heartbeat arrives at the finger a pulse transit time after its R peak as a systolic
 * wave followed, past the dicrotic notch, by a smaller reflected wave.
 */
public final class PlethGenerator {

    public static final double RATE_HZ = 125;
    private static final double REACH_BEFORE = 0.1;
    private static final double REACH_AFTER = 1.0;

    private final BeatTrain beats;
    private final SplittableRandom noise;
    private final double transit;
    private final double amplitude;
    private final double phase;
    private long index;

    public PlethGenerator(Physiology physiology, long seed) {
        this.beats = new BeatTrain(physiology, seed);
        this.noise = Seeds.random(seed, "pleth-noise");
        this.transit = physiology.profile().pulseTransitSeconds();
        this.amplitude = physiology.profile().plethAmplitude();
        this.phase = physiology.profile().phase();
    }

    public double next() {
        double t = index++ / RATE_HZ;
        double value = 0;
        for (Beat beat : beats.between(t - transit - REACH_AFTER, t - transit + REACH_BEFORE)) {
            value += amplitude * beat.strength() * pulse(t - beat.time() - transit);
        }
        double breathing = 3 * Math.sin(2 * Math.PI * 0.23 * t + phase);
        return value + 5 + breathing + 0.2 * noise.nextGaussian();
    }

    /** Shape of one pulse, 1 at the systolic peak, {@code x} seconds after it reaches the finger. */
    static double pulse(double x) {
        return wave(x, 1.0, 0.13, 0.055) + wave(x, 0.38, 0.36, 0.07) + wave(x, 0.12, 0.55, 0.15);
    }

    private static double wave(double x, double height, double centre, double width) {
        double z = (x - centre) / width;
        return height * Math.exp(-0.5 * z * z);
    }
}

package org.openinfusion.sim.signal;

import java.util.SplittableRandom;

/** Three-lead ECG at 500 Hz, in mV, one sample per call, starting at simulation time 0. */
public final class EcgGenerator {

    public static final double RATE_HZ = 500;
    private static final double NOISE_MV = 0.01;

    private final BeatTrain beats;
    private final SplittableRandom noise;
    private final double gain;
    private final double wanderPhase;
    private long index;

    public EcgGenerator(Physiology physiology, long seed) {
        this.beats = new BeatTrain(physiology, seed);
        this.noise = Seeds.random(seed, "ecg-noise");
        this.gain = physiology.profile().ecgGain();
        this.wanderPhase = physiology.profile().phase();
    }

    public EcgSample next() {
        double t = index++ / RATE_HZ;
        double leadI = 0;
        double leadII = 0;
        for (Beat beat : beats.between(t - PqrstShape.REACH_AFTER_R, t + PqrstShape.REACH_BEFORE_R)) {
            double sinceR = t - beat.time();
            double scale = gain * beat.strength();
            leadI += scale * PqrstShape.LEAD_I.valueAt(sinceR, beat.interval());
            leadII += scale * PqrstShape.LEAD_II.valueAt(sinceR, beat.interval());
        }
        double wander = Math.sin(2 * Math.PI * 0.21 * t + wanderPhase);
        return new EcgSample(
                leadI + 0.03 * wander + NOISE_MV * noise.nextGaussian(),
                leadII + 0.05 * wander + NOISE_MV * noise.nextGaussian());
    }
}

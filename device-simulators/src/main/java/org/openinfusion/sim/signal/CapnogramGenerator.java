package org.openinfusion.sim.signal;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Capnogram at 62.5 Hz in mmHg, one sample per call from simulation time 0: near zero while
 * breathing in, a steep expiratory upstroke, then an alveolar plateau that rises slowly to the
 * breath's end-tidal value, and a fast inspiratory downstroke.
 */
public final class CapnogramGenerator {

    public static final double RATE_HZ = 62.5;
    private static final double UPSTROKE_SECONDS = 0.1;
    private static final double DOWNSTROKE_SECONDS = 0.06;
    private static final double PLATEAU_START = 0.88;

    private final BreathTrain breaths;
    private final SplittableRandom noise;
    private long index;

    public CapnogramGenerator(Physiology physiology, long seed) {
        this.breaths = new BreathTrain(physiology, seed);
        this.noise = Seeds.random(seed, "co2-noise");
    }

    public double next() {
        double t = index++ / RATE_HZ;
        List<Breath> recent = breaths.around(t);
        Breath current = recent.get(recent.size() - 1);
        double value = t < current.expirationStart()
                ? inspiration(t - current.start(), recent.size() > 1 ? recent.get(0).endTidalCo2() : 0)
                : expiration(t - current.expirationStart(), current);
        return value + 0.1 * noise.nextGaussian();
    }

    private static double inspiration(double sinceStart, double previousEndTidal) {
        return previousEndTidal * Math.exp(-sinceStart / DOWNSTROKE_SECONDS);
    }

    private static double expiration(double sinceStart, Breath breath) {
        double length = breath.end() - breath.expirationStart();
        double upstroke = 1 - Math.exp(-sinceStart / UPSTROKE_SECONDS);
        double plateau = PLATEAU_START + (1 - PLATEAU_START) * sinceStart / length;
        return breath.endTidalCo2() * upstroke * plateau;
    }
}

package org.openinfusion.sim.signal;

/**
 * One breath: inspiration first, then expiration.
 *
 * @param start start of inspiration, simulation seconds
 * @param duration whole breath, seconds
 * @param endTidalCo2 the CO2 reached at the end of expiration, mmHg
 */
public record Breath(double start, double duration, double endTidalCo2) {

    /** Inspiration takes a third of the breath (I:E = 1:2). */
    public static final double INSPIRATORY_FRACTION = 1.0 / 3;

    public double end() {
        return start + duration;
    }

    public double expirationStart() {
        return start + duration * INSPIRATORY_FRACTION;
    }
}

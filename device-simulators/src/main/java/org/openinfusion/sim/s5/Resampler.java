package org.openinfusion.sim.s5;

import java.util.function.DoubleSupplier;

/** Turns a signal sampled at one rate into another rate by linear interpolation; both start at time 0. */
final class Resampler implements DoubleSupplier {

    private final DoubleSupplier source;
    private final double ratio;
    private long loaded = -1;
    private double before;
    private double after;
    private long index;

    Resampler(DoubleSupplier source, double sourceRate, double targetRate) {
        this.source = source;
        this.ratio = sourceRate / targetRate;
    }

    @Override
    public double getAsDouble() {
        double position = index++ * ratio;
        long floor = (long) Math.floor(position);
        while (loaded < floor + 1) {
            before = after;
            after = source.getAsDouble();
            loaded++;
        }
        return before + (after - before) * (position - floor);
    }
}

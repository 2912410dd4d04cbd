package org.openinfusion.sim.signal;

/** One sample of the three limb leads, mV. Lead III follows from Einthoven's law. */
public record EcgSample(double leadI, double leadII) {

    /** Einthoven: III = II - I. */
    public double leadIII() {
        return leadII - leadI;
    }
}

package org.openinfusion.sim.signal;

/**
 * One ECG complex as a sum of five Gaussians (P, Q, R, S, T) around the R peak, in the spirit
 * of McSharry et al. (IEEE TBME 2003). The T wave moves out and widens with the square root of
 * the RR interval (Bazett), the QRS does not.
 *
 * @param p P wave height, mV
 * @param q Q wave height, mV (negative)
 * @param r R wave height, mV
 * @param s S wave height, mV (negative)
 * @param t T wave height, mV
 */
public record PqrstShape(double p, double q, double r, double s, double t) {

    /** Lead I of a normal (about +60 degree) axis. */
    public static final PqrstShape LEAD_I = new PqrstShape(0.08, -0.05, 0.70, -0.10, 0.20);
    /** Lead II, the tallest of the limb leads for a normal axis. */
    public static final PqrstShape LEAD_II = new PqrstShape(0.15, -0.12, 1.30, -0.30, 0.35);

    /** Beats whose R peak lies further than this before or after a sample do not touch it. */
    static final double REACH_BEFORE_R = 0.25;
    static final double REACH_AFTER_R = 0.55;

    /** Potential in mV at {@code sinceR} seconds after the R peak of a beat ending an {@code rr} s interval. */
    public double valueAt(double sinceR, double rr) {
        double qt = Math.sqrt(rr);
        return wave(sinceR, p, -0.17, 0.022)
                + wave(sinceR, q, -0.030, 0.010)
                + wave(sinceR, r, 0, 0.011)
                + wave(sinceR, s, 0.030, 0.011)
                + wave(sinceR, t, 0.27 * qt, 0.045 * qt);
    }

    private static double wave(double x, double height, double centre, double width) {
        double z = (x - centre) / width;
        return height * Math.exp(-0.5 * z * z);
    }
}

package org.openinfusion.sim.signal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * A linear three-compartment pharmacokinetic model with an effect site, driven by an input rate
 * (mg/min) over simulation time in seconds. Amounts are integrated with a fourth-order Runge-Kutta
 * step of one second and kept for every whole second, so that a concentration at any time costs at
 * most one interpolation; {@link #forgetFrom} drops what was computed past a time whose input changed.
 * Concentrations are in mg/L (= ug/mL).
 */
final class ThreeCompartmentModel {

    private static final double STEP_MINUTES = 1.0 / 60;

    private final double v1;
    private final double k10;
    private final double k12;
    private final double k13;
    private final double k21;
    private final double k31;
    private final double ke0;
    /** State at whole second i: amounts in the three compartments (mg) and effect-site concentration. */
    private final List<double[]> states = new ArrayList<>();

    ThreeCompartmentModel(double v1Litres, double k10, double k12, double k13, double k21, double k31, double ke0) {
        this.v1 = v1Litres;
        this.k10 = k10;
        this.k12 = k12;
        this.k13 = k13;
        this.k21 = k21;
        this.k31 = k31;
        this.ke0 = ke0;
        states.add(new double[4]);
    }

    /** Plasma (central) concentration at {@code t} seconds, mg/L. */
    double plasma(double t, DoubleUnaryOperator mgPerMinuteAt) {
        return interpolate(t, mgPerMinuteAt, 0) / v1;
    }

    /** Effect-site concentration at {@code t} seconds, mg/L. */
    double effectSite(double t, DoubleUnaryOperator mgPerMinuteAt) {
        return interpolate(t, mgPerMinuteAt, 3);
    }

    /** The input changed at {@code t}: states after it are computed again when asked for. */
    void forgetFrom(double t) {
        int keep = Math.max(1, (int) Math.floor(Math.max(0, t)) + 1);
        while (states.size() > keep) {
            states.remove(states.size() - 1);
        }
    }

    /** The slowest (terminal) half-life of the disposition, minutes. */
    double terminalHalfLifeMinutes() {
        double[][] a = {{-(k10 + k12 + k13), k21, k31}, {k12, -k21, 0}, {k13, 0, -k31}};
        double smallest = Double.MAX_VALUE;
        for (double eigen : Eigen.realEigenvalues3(a)) {
            smallest = Math.min(smallest, -eigen);
        }
        return Math.log(2) / smallest;
    }

    private double interpolate(double t, DoubleUnaryOperator input, int index) {
        if (t <= 0) {
            return 0;
        }
        int second = (int) Math.floor(t);
        while (states.size() <= second + 1) {
            int from = states.size() - 1;
            states.add(step(states.get(from), from, input));
        }
        double fraction = t - second;
        return states.get(second)[index] * (1 - fraction) + states.get(second + 1)[index] * fraction;
    }

    private double[] step(double[] x, int second, DoubleUnaryOperator input) {
        double u = input.applyAsDouble(second + 0.5);
        double h = STEP_MINUTES;
        double[] d1 = derivative(x, u);
        double[] d2 = derivative(add(x, d1, h / 2), u);
        double[] d3 = derivative(add(x, d2, h / 2), u);
        double[] d4 = derivative(add(x, d3, h), u);
        double[] next = new double[4];
        for (int i = 0; i < 4; i++) {
            next[i] = x[i] + h / 6 * (d1[i] + 2 * d2[i] + 2 * d3[i] + d4[i]);
        }
        return next;
    }

    private double[] derivative(double[] x, double u) {
        return new double[] {
            u - (k10 + k12 + k13) * x[0] + k21 * x[1] + k31 * x[2],
            k12 * x[0] - k21 * x[1],
            k13 * x[0] - k31 * x[2],
            ke0 * (x[0] / v1 - x[3])};
    }

    private static double[] add(double[] x, double[] dx, double h) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] + h * dx[i];
        }
        return out;
    }
}

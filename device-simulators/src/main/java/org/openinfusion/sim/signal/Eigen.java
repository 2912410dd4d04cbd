package org.openinfusion.sim.signal;

/** Eigenvalues of a 3 x 3 matrix with real eigenvalues (a compartment model's rate matrix). */
final class Eigen {

    private Eigen() {
    }

    /** The three real roots of the characteristic polynomial (trigonometric solution of the cubic). */
    static double[] realEigenvalues3(double[][] a) {
        double trace = a[0][0] + a[1][1] + a[2][2];
        double minors = a[0][0] * a[1][1] - a[0][1] * a[1][0] + a[0][0] * a[2][2] - a[0][2] * a[2][0]
                + a[1][1] * a[2][2] - a[1][2] * a[2][1];
        double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
                - a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
                + a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
        // lambda^3 - trace lambda^2 + minors lambda - det = 0; substitute lambda = y + trace / 3
        double shift = trace / 3;
        double p = minors - trace * trace / 3;
        double q = -2 * trace * trace * trace / 27 + trace * minors / 3 - det;
        double r = 2 * Math.sqrt(-p / 3);
        double angle = Math.acos(Math.max(-1, Math.min(1, 3 * q / (p * r))) ) / 3;
        double[] roots = new double[3];
        for (int k = 0; k < 3; k++) {
            roots[k] = r * Math.cos(angle - 2 * Math.PI * k / 3) + shift;
        }
        return roots;
    }
}

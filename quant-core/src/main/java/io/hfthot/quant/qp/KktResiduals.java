package io.hfthot.quant.qp;

/**
 * The three KKT residuals of a point and its multipliers for {@code min (1/2)x'Px + q'x, l <= Ax <= u,
 * lo <= x <= hi}: primal feasibility, stationarity, and multiplier sign with complementary slackness (see
 * {@link QpResult}). Computed from the data alone, so the same routine judges the scaled and the original program.
 */
final class KktResiduals {
    private KktResiduals() {
    }

    /** Returns {primal, stationarity, complementarity}. */
    static double[] of(int n, double[] p, double[] q, double[] a, double[] l, double[] u, double[] lo, double[] hi,
                       double[] x, double[] y, double[] z) {
        int m = l.length;
        double[] grad = new double[n];
        Dense.multiply(p, n, n, x, grad);
        double[] aty = new double[n];
        Dense.multiplyTransposed(a, m, n, y, aty);
        double stationarity = 0;
        double primal = 0;
        double comp = 0;
        for (int j = 0; j < n; j++) {
            stationarity = Math.max(stationarity, Math.abs(grad[j] + q[j] + aty[j] + z[j]));
            primal = Math.max(primal, Math.max(lo[j] - x[j], x[j] - hi[j]));
            comp = Math.max(comp, complementarity(x[j], z[j], lo[j], hi[j]));
        }
        for (int i = 0; i < m; i++) {
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[i * n + j] * x[j];
            }
            primal = Math.max(primal, Math.max(l[i] - ax, ax - u[i]));
            comp = Math.max(comp, complementarity(ax, y[i], l[i], u[i]));
        }
        return new double[] {Math.max(primal, 0.0), stationarity, comp};
    }

    /** {@code min(|y|, distance to the limit y's sign points at)}, or {@code |y|} when that limit is infinite. */
    static double complementarity(double value, double y, double lower, double upper) {
        if (y > 0) {
            return upper == Double.POSITIVE_INFINITY ? y : Math.min(y, Math.abs(upper - value));
        }
        if (y < 0) {
            return lower == Double.NEGATIVE_INFINITY ? -y : Math.min(-y, Math.abs(value - lower));
        }
        return 0.0;
    }
}

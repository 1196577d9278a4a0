package io.hfthot.quant.qp;

/**
 * The KKT conditions of a QP recomputed from its public accessors and a result (independently of the solver's own
 * residuals): stationarity, primal feasibility, dual feasibility (multiplier signs) and complementary slackness,
 * each as its own number.
 */
final class Kkt {
    final double stationarity;
    final double primal;
    final double dualSign;
    final double slackness;

    Kkt(QuadraticProgram qp, QpResult r) {
        int n = qp.variables();
        int m = qp.constraints();
        double[] x = r.x();
        double[] y = r.constraintMultipliers();
        double[] z = r.boundMultipliers();
        double[][] p = qp.quadratic();
        double[] q = qp.linear();
        double[] l = qp.constraintLower();
        double[] u = qp.constraintUpper();
        double[] lo = qp.lowerBounds();
        double[] hi = qp.upperBounds();
        double[] grad = new double[n];
        for (int i = 0; i < n; i++) {
            grad[i] = q[i] + z[i];
            for (int j = 0; j < n; j++) {
                grad[i] += p[i][j] * x[j];
            }
        }
        double prim = 0;
        double sign = 0;
        double slack = 0;
        for (int i = 0; i < m; i++) {
            double[] a = qp.constraintRow(i);
            double ax = 0;
            for (int j = 0; j < n; j++) {
                ax += a[j] * x[j];
                grad[j] += a[j] * y[i];
            }
            prim = Math.max(prim, Math.max(l[i] - ax, ax - u[i]));
            sign = Math.max(sign, signViolation(y[i], l[i], u[i]));
            slack = Math.max(slack, slackness(ax, y[i], l[i], u[i]));
        }
        for (int j = 0; j < n; j++) {
            prim = Math.max(prim, Math.max(lo[j] - x[j], x[j] - hi[j]));
            sign = Math.max(sign, signViolation(z[j], lo[j], hi[j]));
            slack = Math.max(slack, slackness(x[j], z[j], lo[j], hi[j]));
        }
        double st = 0;
        for (double g : grad) {
            st = Math.max(st, Math.abs(g));
        }
        this.stationarity = st;
        this.primal = prim;
        this.dualSign = sign;
        this.slackness = slack;
    }

    /** A positive multiplier needs a finite upper limit, a negative one a finite lower limit. */
    private static double signViolation(double y, double l, double u) {
        if (y > 0 && u == Double.POSITIVE_INFINITY) {
            return y;
        }
        if (y < 0 && l == Double.NEGATIVE_INFINITY) {
            return -y;
        }
        return 0;
    }

    /** {@code |y| * distance to the limit y's sign points at} (product form of complementary slackness). */
    private static double slackness(double v, double y, double l, double u) {
        if (y > 0 && u != Double.POSITIVE_INFINITY) {
            return y * Math.abs(u - v);
        }
        if (y < 0 && l != Double.NEGATIVE_INFINITY) {
            return -y * Math.abs(v - l);
        }
        return 0;
    }

    double max() {
        return Math.max(Math.max(stationarity, primal), Math.max(dualSign, slackness));
    }

    @Override
    public String toString() {
        return "stationarity " + stationarity + ", primal " + primal + ", sign " + dualSign + ", slackness "
                + slackness;
    }
}

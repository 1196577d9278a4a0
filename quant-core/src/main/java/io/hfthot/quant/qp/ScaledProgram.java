package io.hfthot.quant.qp;

/**
 * The program the ADMM iterations see: the cost multiplied by {@code c = 1 / max(|P|, |q|)} and every general row
 * divided by its largest absolute coefficient, so that residual tolerances mean the same on every scale (a cheap
 * form of the Ruiz equilibration OSQP uses; variables are not rescaled). Multipliers map back by
 * {@code y = y_s d_i / c} and {@code z = z_s / c}.
 */
final class ScaledProgram {
    final int n;
    final int m;
    final double[] p;
    final double[] q;
    final double[] a;
    final double[] l;
    final double[] u;
    final double[] lo;
    final double[] hi;
    /** The cost factor {@code c}. */
    final double cost;
    /** The row factors {@code d_i = 1 / max_j |a_ij|} (1 for an all-zero row). */
    final double[] rowScale;

    ScaledProgram(QuadraticProgram qp) {
        this.n = qp.variables();
        this.m = qp.constraints();
        double size = Math.max(Dense.maxAbs(qp.pRaw(), n * n), Dense.maxAbs(qp.qRaw(), n));
        this.cost = size > 0 ? 1.0 / size : 1.0;
        this.p = qp.pRaw().clone();
        this.q = qp.qRaw().clone();
        for (int i = 0; i < n * n; i++) {
            p[i] *= cost;
        }
        for (int j = 0; j < n; j++) {
            q[j] *= cost;
        }
        this.a = qp.aRaw().clone();
        this.l = qp.lowerRaw().clone();
        this.u = qp.upperRaw().clone();
        this.rowScale = new double[m];
        for (int i = 0; i < m; i++) {
            double norm = 0;
            for (int j = 0; j < n; j++) {
                norm = Math.max(norm, Math.abs(a[i * n + j]));
            }
            double d = norm > 0 ? 1.0 / norm : 1.0;
            rowScale[i] = d;
            for (int j = 0; j < n; j++) {
                a[i * n + j] *= d;
            }
            l[i] *= d;
            u[i] *= d;
        }
        this.lo = qp.loRaw();
        this.hi = qp.hiRaw();
    }

    /** Row multipliers of the original program from scaled ones. */
    double[] unscaleRows(double[] ys) {
        double[] y = new double[m];
        for (int i = 0; i < m; i++) {
            y[i] = ys[i] * rowScale[i] / cost;
        }
        return y;
    }

    /** Bound multipliers of the original program from scaled ones. */
    double[] unscaleBounds(double[] zs) {
        double[] z = new double[n];
        for (int j = 0; j < n; j++) {
            z[j] = zs[j] / cost;
        }
        return z;
    }

    /** KKT residuals of the scaled program at {@code x} with scaled multipliers. */
    double[] residuals(double[] x, double[] ys, double[] zs) {
        return KktResiduals.of(n, p, q, a, l, u, lo, hi, x, ys, zs);
    }
}

package io.hfthot.quant.qp;

import java.util.Random;

/**
 * Seeded generators of feasible convex QPs: {@code P = B B'} of full or deficient rank, a random interior-ish point
 * {@code x0}, and rows and bounds placed around it (equalities through it, two-sided and one-sided rows, some of
 * them tight at it), so every program is feasible; a semidefinite {@code P} gets finite bounds on every variable,
 * so every program has a minimum.
 */
final class RandomPrograms {
    private RandomPrograms() {
    }

    /** The program, and {@code x0} as a known feasible point. */
    record Instance(QuadraticProgram qp, double[] feasible) {
    }

    static Instance feasible(long seed, int n, int rows, boolean fullRank) {
        Random rnd = new Random(seed);
        int rank = fullRank ? n : Math.max(1, n / 2);
        double[][] b = new double[n][rank];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rank; k++) {
                b[i][k] = rnd.nextGaussian();
            }
        }
        double[][] p = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double v = 0;
                for (int k = 0; k < rank; k++) {
                    v += b[i][k] * b[j][k];
                }
                p[i][j] = v;
            }
            if (fullRank) {
                p[i][i] += 0.1;
            }
        }
        double[] q = new double[n];
        double[] x0 = new double[n];
        for (int j = 0; j < n; j++) {
            q[j] = 3 * rnd.nextGaussian();
            x0[j] = rnd.nextGaussian();
        }
        QuadraticProgram.Builder builder = QuadraticProgram.builder(n).quadratic(p).linear(q);
        int equalities = 0;
        for (int i = 0; i < rows; i++) {
            double[] a = new double[n];
            double ax = 0;
            for (int j = 0; j < n; j++) {
                a[j] = rnd.nextDouble() < 0.3 ? 0.0 : rnd.nextGaussian();
                ax += a[j] * x0[j];
            }
            int kind = rnd.nextInt(5);
            if (kind == 0 && equalities < n / 2) {
                builder.equality(a, ax);
                equalities++;
            } else if (kind <= 1) {
                builder.constraint(a, ax - rnd.nextDouble(), ax + rnd.nextDouble());
            } else if (kind == 2) {
                builder.constraint(a, Double.NEGATIVE_INFINITY, ax + 0.1 * rnd.nextDouble());
            } else if (kind == 3) {
                builder.constraint(a, ax - 0.1 * rnd.nextDouble(), Double.POSITIVE_INFINITY);
            } else {
                builder.constraint(a, ax, Double.POSITIVE_INFINITY);
            }
        }
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int j = 0; j < n; j++) {
            boolean bounded = !fullRank || rnd.nextDouble() < 0.6;
            lo[j] = bounded ? x0[j] - 2 * rnd.nextDouble() : Double.NEGATIVE_INFINITY;
            hi[j] = bounded ? x0[j] + 2 * rnd.nextDouble() : Double.POSITIVE_INFINITY;
        }
        builder.bounds(lo, hi);
        return new Instance(builder.build(), x0);
    }
}

package io.hfthot.quant.hmm;

import java.util.SplittableRandom;

/** Seeded, well-conditioned random models for tests. */
final class RandomModels {
    private RandomModels() {
    }

    /** A random K-state model over d features with transition entries bounded away from 0. */
    static GaussianHmm model(SplittableRandom r, int k, int d) {
        double[] pi = simplex(r, k);
        double[][] a = new double[k][];
        for (int i = 0; i < k; i++) {
            a[i] = simplex(r, k);
        }
        double[][] mu = new double[k][d];
        double[][] var = new double[k][d];
        for (int i = 0; i < k; i++) {
            for (int f = 0; f < d; f++) {
                mu[i][f] = r.nextDouble(-2, 2);
                var[i][f] = r.nextDouble(0.2, 2.0);
            }
        }
        return GaussianHmm.of(pi, a, mu, var);
    }

    static double[] simplex(SplittableRandom r, int k) {
        double[] p = new double[k];
        double s = 0;
        for (int i = 0; i < k; i++) {
            p[i] = 0.05 + r.nextDouble();
            s += p[i];
        }
        for (int i = 0; i < k; i++) {
            p[i] /= s;
        }
        double rest = 1;
        for (int i = 0; i < k - 1; i++) {
            rest -= p[i];
        }
        p[k - 1] = rest;
        return p;
    }

    /** A 3-state, one-feature model of daily returns: A_ii = 0.95, sigma = 0.5%, 1%, 3%. */
    static GaussianHmm returnsModel() {
        double off = 0.025;
        return GaussianHmm.univariate(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                new double[][] {{0.95, off, off}, {off, 0.95, off}, {off, off, 0.95}},
                new double[] {0.0005, 0.0, -0.001},
                new double[] {0.005 * 0.005, 0.01 * 0.01, 0.03 * 0.03});
    }
}

package io.hfthot.quant.portfolio;

/**
 * Optimality checks computed independently of the solvers' internal state, from the weights alone.
 */
final class Kkt {
    private Kkt() {
    }

    static double[] gradient(double[][] s, double[] mu, double gamma, double[] w) {
        int n = w.length;
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += s[i][j] * w[j];
            }
            g[i] = gamma * v - mu[i];
        }
        return g;
    }

    /**
     * Largest KKT violation of {@code min (gamma/2) w'Sw - mu'w, sum w = 1, lo <= w <= hi}, classifying an
     * asset as at a bound when within {@code 1e-12} of it.
     */
    static double cara(double[][] s, double[] mu, double gamma, double[] lo, double[] hi, double[] w) {
        int n = w.length;
        double[] g = gradient(s, mu, gamma, w);
        double lambda = 0;
        int free = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] > lo[i] + 1e-12 && w[i] < hi[i] - 1e-12) {
                lambda += g[i];
                free++;
            }
        }
        if (free == 0) {
            // Every asset at a bound: the best lambda lies between the two sets of gradients.
            double maxLower = Double.NEGATIVE_INFINITY;
            double minLower = Double.POSITIVE_INFINITY;
            for (int i = 0; i < n; i++) {
                minLower = Math.min(minLower, g[i]);
                maxLower = Math.max(maxLower, g[i]);
            }
            lambda = 0.5 * (minLower + maxLower);
        } else {
            lambda /= free;
        }
        double worst = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i];
            worst = Math.max(worst, Math.max(lo[i] - w[i], w[i] - hi[i]));
            if (w[i] <= lo[i] + 1e-12 && lo[i] < hi[i]) {
                worst = Math.max(worst, lambda - g[i]);
            } else if (w[i] >= hi[i] - 1e-12 && lo[i] < hi[i]) {
                worst = Math.max(worst, g[i] - lambda);
            } else if (lo[i] < hi[i]) {
                worst = Math.max(worst, Math.abs(g[i] - lambda));
            }
        }
        return Math.max(worst, Math.abs(sum - 1));
    }

    /** Largest subgradient-condition violation of the sparse_l1 problem. */
    static double sparseL1(double[][] s, double[] mu, double gamma, double rho, double[] w) {
        int n = w.length;
        double[] g = gradient(s, mu, gamma, w);
        double lambda = 0;
        int support = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] != 0) {
                lambda += g[i] + rho * Math.signum(w[i]);
                support++;
            }
        }
        lambda /= support;
        double worst = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i];
            worst = Math.max(worst, w[i] != 0 ? Math.abs(g[i] + rho * Math.signum(w[i]) - lambda)
                    : Math.abs(g[i] - lambda) - rho);
        }
        return Math.max(worst, Math.abs(sum - 1));
    }

    static double[] infinite(int n, double v) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, v);
        return a;
    }
}

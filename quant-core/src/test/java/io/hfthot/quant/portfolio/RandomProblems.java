package io.hfthot.quant.portfolio;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of well-conditioned portfolio inputs: factor-model covariances
 * {@code Sigma = B B' + D} (annualised-looking scales) and expected returns.
 */
final class RandomProblems {
    private RandomProblems() {
    }

    static List<String> symbols(int n) {
        List<String> s = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            s.add("A" + i);
        }
        return s;
    }

    /** A positive definite covariance from {@code factors} market factors plus idiosyncratic variance. */
    static double[][] covariance(Random rnd, int n, int factors) {
        double[][] b = new double[n][factors];
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < factors; f++) {
                b[i][f] = (f == 0 ? 0.15 : 0.06) * (f == 0 ? 0.5 + rnd.nextDouble() : rnd.nextGaussian());
            }
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = 0;
                for (int f = 0; f < factors; f++) {
                    v += b[i][f] * b[j][f];
                }
                if (i == j) {
                    v += 0.01 + 0.05 * rnd.nextDouble();
                }
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }

    static double[] mu(Random rnd, int n) {
        double[] m = new double[n];
        for (int i = 0; i < n; i++) {
            m[i] = 0.05 + 0.08 * rnd.nextGaussian();
        }
        return m;
    }

    static PortfolioProblem.Builder problem(long seed, int n) {
        Random rnd = new Random(seed);
        return PortfolioProblem.builder(symbols(n))
                .covariance(covariance(rnd, n, Math.min(3, n)))
                .expectedReturns(mu(rnd, n));
    }

    /**
     * A leveraged problem: two strong factors, small idiosyncratic variance and expected returns of either
     * sign, so that the budget-only portfolio holds large offsetting positions.
     */
    static PortfolioProblem.Builder leveraged(Random rnd, int n) {
        double[][] f = new double[n][2];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            f[i][0] = 0.3 * rnd.nextGaussian();
            f[i][1] = 0.3 * rnd.nextGaussian();
            mu[i] = 0.2 * rnd.nextGaussian();
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = f[i][0] * f[j][0] + f[i][1] * f[j][1];
                if (i == j) {
                    v += 0.002 + 0.02 * rnd.nextDouble();
                }
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return PortfolioProblem.builder(symbols(n)).covariance(s).expectedReturns(mu);
    }

    /** Reorders a problem's assets by {@code perm} (new index i holds old asset perm[i]). */
    static PortfolioProblem.Builder permuted(PortfolioProblem p, int[] perm) {
        int n = p.size();
        List<String> sym = new ArrayList<>();
        double[] mu = new double[n];
        double[][] s = new double[n][n];
        double[][] c = p.covariance();
        double[] m = p.expectedReturns();
        for (int i = 0; i < n; i++) {
            sym.add(p.symbols().get(perm[i]));
            mu[i] = m[perm[i]];
            for (int j = 0; j < n; j++) {
                s[i][j] = c[perm[i]][perm[j]];
            }
        }
        PortfolioProblem.Builder b = PortfolioProblem.builder(sym).covariance(s).gamma(p.gamma()).rho(p.rho());
        if (p.hasExpectedReturns()) {
            b.expectedReturns(mu);
        }
        return b;
    }

    static int[] permutation(Random rnd, int n) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        return perm;
    }
}

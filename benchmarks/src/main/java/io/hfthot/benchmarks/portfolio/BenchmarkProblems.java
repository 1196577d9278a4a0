package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.stats.LedoitWolfCovariance;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Seeded benchmark inputs: daily returns of {@code n} assets from a three-factor model with fat-tailed noise
 * (two years, 504 days), estimated with Ledoit-Wolf constant-correlation and annualised by 252, as a server
 * would do for {@code POST /v1/portfolio/optimize}.
 */
final class BenchmarkProblems {
    static final int DAYS = 504;

    private BenchmarkProblems() {
    }

    static List<String> symbols(int n) {
        List<String> s = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            s.add("SYM" + i);
        }
        return s;
    }

    static double[][] dailyReturns(long seed, int n) {
        Random rnd = new Random(seed);
        double[][] beta = new double[n][3];
        double[] alpha = new double[n];
        double[] idio = new double[n];
        for (int i = 0; i < n; i++) {
            beta[i][0] = 0.5 + rnd.nextDouble();
            beta[i][1] = rnd.nextGaussian() * 0.5;
            beta[i][2] = rnd.nextGaussian() * 0.5;
            alpha[i] = 0.0003 * rnd.nextGaussian();
            idio[i] = 0.01 + 0.02 * rnd.nextDouble();
        }
        double[][] r = new double[DAYS][n];
        for (int t = 0; t < DAYS; t++) {
            double f0 = 0.01 * rnd.nextGaussian();
            double f1 = 0.006 * rnd.nextGaussian();
            double f2 = 0.006 * rnd.nextGaussian();
            for (int i = 0; i < n; i++) {
                double shock = rnd.nextInt(20) == 0 ? 3 : 1;
                r[t][i] = 0.0003 + alpha[i] + beta[i][0] * f0 + beta[i][1] * f1 + beta[i][2] * f2
                        + shock * idio[i] * rnd.nextGaussian();
            }
        }
        return r;
    }

    static PortfolioProblem.Builder builder(long seed, int n) {
        return PortfolioProblem.builder(symbols(n))
                .estimateFrom(dailyReturns(seed, n), LedoitWolfCovariance.constantCorrelation(), 252);
    }
}

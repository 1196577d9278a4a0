package io.hfthot.quant.hmm;

import java.util.SplittableRandom;

/**
 * Realistic synthetic daily returns for tests: three persistent regimes (calm, normal, and a fat-tailed volatile
 * regime drawn from a Student t with 3 degrees of freedom) with about 4% of the days exactly zero: single
 * exchange holidays and runs of stale prices of 2 to 8 days, starting at random. A fit to such a series must not
 * settle on a state made of the zeros.
 */
final class LumpyReturns {
    /** Share of days replaced by an exact zero. */
    static final double ZERO_SHARE = 0.04;

    private LumpyReturns() {
    }

    /**
     * Draws a series.
     *
     * @param length number of days
     * @param seed   seed of the draw
     * @return the returns
     */
    static double[] draw(int length, long seed) {
        return draw(length, seed, ZERO_SHARE);
    }

    /**
     * Draws a series with another share of zero days.
     *
     * @param length    number of days
     * @param seed      seed of the draw
     * @param zeroShare expected share of exactly-zero days
     * @return the returns
     */
    static double[] draw(int length, long seed, double zeroShare) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] a = {{0.97, 0.02, 0.01}, {0.02, 0.96, 0.02}, {0.02, 0.06, 0.92}};
        double[] mean = {0.0005, 0.0, -0.001};
        double[] sd = {0.006, 0.012, 0.03};
        double[] x = new double[length];
        int s = r.nextInt(3);
        int stale = 0;
        for (int t = 0; t < length; t++) {
            if (t > 0) {
                double u = r.nextDouble();
                int next = 0;
                double c = a[s][0];
                while (u >= c && next < 2) {
                    c += a[s][++next];
                }
                s = next;
            }
            double shock = s == 2 ? studentT3(r) / Math.sqrt(3.0) : r.nextGaussian();
            if (stale == 0 && r.nextDouble() < zeroShare / 3) {
                // Half of the zero episodes are single holidays, half stale runs of 2-8 days: 3 days on average.
                stale = r.nextBoolean() ? 1 : 2 + r.nextInt(7);
            }
            if (stale > 0) {
                stale--;
                x[t] = 0.0;
            } else {
                x[t] = mean[s] + sd[s] * shock;
            }
        }
        return x;
    }

    /** A Student t draw with 3 degrees of freedom (variance 3): a normal over the root of a chi-square / 3. */
    private static double studentT3(SplittableRandom r) {
        double chi = 0;
        for (int i = 0; i < 3; i++) {
            double g = r.nextGaussian();
            chi += g * g;
        }
        return r.nextGaussian() / Math.sqrt(chi / 3);
    }
}

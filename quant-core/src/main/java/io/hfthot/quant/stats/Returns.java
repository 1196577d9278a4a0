package io.hfthot.quant.stats;

import io.hfthot.quant.InvalidParameterException;

/**
 * Period returns from price series.
 */
public final class Returns {
    private Returns() {
    }

    /**
     * Simple returns {@code r[t][i] = p[t+1][i] / p[t][i] - 1} of a price matrix.
     *
     * @param prices {@code T x n} prices, row = bar, every price finite and > 0, {@code T >= 2} (not modified)
     * @param from   first bar (inclusive) of the window
     * @param to     last bar (inclusive) of the window, {@code to > from}
     * @return a new {@code (to - from) x n} return matrix
     */
    public static double[][] simple(double[][] prices, int from, int to) {
        if (prices == null || from < 0 || to <= from || to >= prices.length) {
            throw new InvalidParameterException("from",
                    "window [" + from + ", " + to + "] must satisfy 0 <= from < to < "
                    + (prices == null ? "null" : String.valueOf(prices.length)));
        }
        int n = prices[from].length;
        double[][] r = new double[to - from][n];
        for (int t = from; t < to; t++) {
            for (int i = 0; i < n; i++) {
                r[t - from][i] = prices[t + 1][i] / prices[t][i] - 1.0;
            }
        }
        return r;
    }
}

package io.hfthot.quant.stats;

import io.hfthot.quant.InvalidParameterException;

/**
 * Validation and centring of {@code T x n} return matrices shared by the estimators.
 */
final class ReturnMatrix {
    private ReturnMatrix() {
    }

    /** Validates a return matrix (at least two rows, rectangular, finite) and returns its column count. */
    static int validate(double[][] returns) {
        if (returns == null) {
            throw new InvalidParameterException("returns", "returns must not be null");
        }
        if (returns.length < 2) {
            throw new InvalidParameterException("returns",
                    "returns must have at least 2 rows (periods), got " + returns.length);
        }
        if (returns[0] == null || returns[0].length < 1) {
            throw new InvalidParameterException("returns", "returns must have at least 1 column (asset)");
        }
        int n = returns[0].length;
        for (int t = 0; t < returns.length; t++) {
            if (returns[t] == null || returns[t].length != n) {
                throw new InvalidParameterException("returns", "returns row " + t + " must have " + n + " columns, got "
                        + (returns[t] == null ? "null" : returns[t].length));
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(returns[t][i])) {
                    throw new InvalidParameterException("returns",
                            "returns[" + t + "][" + i + "] must be a finite number, got " + returns[t][i]);
                }
            }
        }
        return n;
    }

    /** Column means. */
    static double[] means(double[][] returns, int n) {
        double[] mean = new double[n];
        for (double[] row : returns) {
            for (int i = 0; i < n; i++) {
                mean[i] += row[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] /= returns.length;
        }
        return mean;
    }

    /** Demeaned copy, flat row-major {@code T x n}. */
    static double[] centred(double[][] returns, double[] mean) {
        int t = returns.length;
        int n = mean.length;
        double[] x = new double[t * n];
        for (int r = 0; r < t; r++) {
            for (int i = 0; i < n; i++) {
                x[r * n + i] = returns[r][i] - mean[i];
            }
        }
        return x;
    }

    /**
     * {@code X'X / divisor} for a flat {@code T x n} matrix, as a full symmetric matrix, accumulated as one
     * rank-one update per period: the inner loop is an axpy the JIT vectorises (measured 1.5x faster at
     * n = 200, T = 504 than one dot product per entry over a transposed copy, whose reduction it does not).
     */
    static double[][] crossProduct(double[] x, int t, int n, double divisor) {
        double[][] s = new double[n][n];
        for (int r = 0; r < t; r++) {
            int off = r * n;
            for (int i = 0; i < n; i++) {
                double xi = x[off + i];
                double[] si = s[i];
                for (int j = i; j < n; j++) {
                    si[j] += xi * x[off + j];
                }
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                s[i][j] /= divisor;
                s[j][i] = s[i][j];
            }
        }
        return s;
    }
}

package io.hfthot.quant.stats;

/**
 * Validation and centring of {@code T x n} return matrices shared by the estimators.
 */
final class ReturnMatrix {
    private ReturnMatrix() {
    }

    /** Validates a return matrix (at least two rows, rectangular, finite) and returns its column count. */
    static int validate(double[][] returns) {
        if (returns == null) {
            throw new IllegalArgumentException("returns must not be null");
        }
        if (returns.length < 2) {
            throw new IllegalArgumentException("returns must have at least 2 rows (periods), got " + returns.length);
        }
        if (returns[0] == null || returns[0].length < 1) {
            throw new IllegalArgumentException("returns must have at least 1 column (asset)");
        }
        int n = returns[0].length;
        for (int t = 0; t < returns.length; t++) {
            if (returns[t] == null || returns[t].length != n) {
                throw new IllegalArgumentException("returns row " + t + " must have " + n + " columns, got "
                        + (returns[t] == null ? "null" : returns[t].length));
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isFinite(returns[t][i])) {
                    throw new IllegalArgumentException(
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
     * {@code X'X / divisor} for a flat {@code T x n} matrix, as a full symmetric matrix. Works on the
     * transposed copy so that every entry is one contiguous dot product over time (the rows stay in cache),
     * with four accumulators because the JIT does not vectorise a floating-point reduction.
     */
    static double[][] crossProduct(double[] x, int t, int n, double divisor) {
        double[] xt = new double[n * t];
        for (int r = 0; r < t; r++) {
            for (int i = 0; i < n; i++) {
                xt[i * t + r] = x[r * n + i];
            }
        }
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) {
            int oi = i * t;
            for (int j = i; j < n; j++) {
                int oj = j * t;
                double s0 = 0;
                double s1 = 0;
                double s2 = 0;
                double s3 = 0;
                int r = 0;
                for (; r + 3 < t; r += 4) {
                    s0 += xt[oi + r] * xt[oj + r];
                    s1 += xt[oi + r + 1] * xt[oj + r + 1];
                    s2 += xt[oi + r + 2] * xt[oj + r + 2];
                    s3 += xt[oi + r + 3] * xt[oj + r + 3];
                }
                for (; r < t; r++) {
                    s0 += xt[oi + r] * xt[oj + r];
                }
                double v = ((s0 + s1) + (s2 + s3)) / divisor;
                s[i][j] = v;
                s[j][i] = v;
            }
        }
        return s;
    }
}

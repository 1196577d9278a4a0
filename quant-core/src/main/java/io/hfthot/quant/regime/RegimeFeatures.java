package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.hmm.Observations;

/**
 * Builds the two HMM features of a bar from close prices: the log return {@code r_i = ln(C_i / C_{i-1})} and
 * Kaufman's efficiency ratio over the last {@code efficiencyWindow} returns,
 * {@code ER_i = |ln(C_i / C_{i-n})| / sum_{m=i-n+1..i} |r_m|} (0 for a flat window).
 *
 * <p>Returns alone cannot tell trend from mean reversion: both can have the same variance. The efficiency
 * ratio, in {@code [0, 1]}, is the net move divided by the path length: close to 1 when prices drift steadily,
 * about {@code 1/sqrt(n)} for a random walk and lower when moves keep reversing. It was chosen over the rolling
 * lag-1 autocorrelation of returns because it responds to drift (a steady trend plus independent noise has zero
 * autocorrelation), is bounded, is defined on any window that moves at all, and is far less noisy on the
 * short windows a regime detector needs (the autocorrelation of 10 returns has a standard error of about 0.3).
 *
 * <p>Row {@code t} of the observations describes the bar at close index {@code t + efficiencyWindow}.
 *
 * @param efficiencyWindow number of returns in the efficiency ratio, in {@code [2, 1000]}
 */
public record RegimeFeatures(int efficiencyWindow) {
    /** The default efficiency-ratio window: 10 bars. */
    public static final int DEFAULT_WINDOW = 10;
    /** Index of the log-return feature. */
    public static final int RETURN = 0;
    /** Index of the efficiency-ratio feature. */
    public static final int EFFICIENCY = 1;

    /** Validates the window. */
    public RegimeFeatures {
        if (efficiencyWindow < 2 || efficiencyWindow > 1000) {
            throw new InvalidParameterException("efficiencyWindow",
                    "efficiencyWindow must be in [2, 1000], got " + efficiencyWindow);
        }
    }

    /** Features with the default 10-bar efficiency window. */
    public static RegimeFeatures defaults() {
        return new RegimeFeatures(DEFAULT_WINDOW);
    }

    /** Number of leading closes that produce no feature row (the first row is close index {@code warmup()}). */
    public int warmup() {
        return efficiencyWindow;
    }

    /**
     * The feature rows of a close series.
     *
     * @param closes close prices in time order, each finite and {@code > 0}, more than {@link #warmup()} of them
     *               (not modified)
     * @return {@code closes.length - warmup()} rows of (log return, efficiency ratio)
     * @throws IllegalArgumentException naming the offending close or the shortfall
     */
    public Observations fromCloses(double[] closes) {
        return fromCloses(closes, 0, closes == null ? 0 : closes.length);
    }

    /**
     * The feature rows of {@code closes[from..to)}.
     *
     * @param closes close prices (not modified)
     * @param from   the first close used
     * @param to     one past the last close used
     * @return {@code to - from - warmup()} rows
     */
    public Observations fromCloses(double[] closes, int from, int to) {
        if (closes == null) {
            throw new InvalidParameterException("closes", "closes must not be null");
        }
        if (from < 0 || to > closes.length || to - from <= efficiencyWindow) {
            throw new InvalidParameterException("closes", "closes must hold more than " + efficiencyWindow
                    + " prices (the efficiency window) in [" + from + ", " + to + "), got " + Math.max(0, to - from));
        }
        for (int i = from; i < to; i++) {
            if (!(closes[i] > 0) || !Double.isFinite(closes[i])) {
                throw new InvalidParameterException("closes",
                        "closes[" + i + "] must be a finite price > 0, got " + closes[i]);
            }
        }
        int n = to - from;
        double[] logs = new double[n];
        for (int i = 0; i < n; i++) {
            logs[i] = Math.log(closes[from + i]);
        }
        int rows = n - efficiencyWindow;
        double[] data = new double[rows * 2];
        for (int row = 0; row < rows; row++) {
            int i = row + efficiencyWindow;
            double path = 0;
            for (int m = i - efficiencyWindow + 1; m <= i; m++) {
                path += Math.abs(logs[m] - logs[m - 1]);
            }
            double net = Math.abs(logs[i] - logs[i - efficiencyWindow]);
            data[2 * row + RETURN] = logs[i] - logs[i - 1];
            // Rounding can push |net| a hair above the path length; the ratio is capped at its bound of 1.
            data[2 * row + EFFICIENCY] = path > 0 ? Math.min(1.0, net / path) : 0.0;
        }
        return Observations.ofRowMajor(data, 2);
    }
}

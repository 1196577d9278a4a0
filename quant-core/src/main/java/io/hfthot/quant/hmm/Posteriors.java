package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * State posteriors of an observation sequence.
 *
 * @param filtered      {@code T x K}: {@code P(s_t = k | x_1..x_t)}, each row sums to 1
 * @param smoothed      {@code T x K}: {@code P(s_t = k | x_1..x_T)}, each row sums to 1
 * @param logLikelihood {@code log p(x_1..x_T)}
 */
public record Posteriors(double[][] filtered, double[][] smoothed, double logLikelihood) {
    /** Validates the shapes and copies the arrays in. */
    public Posteriors {
        if (filtered == null || smoothed == null || filtered.length != smoothed.length) {
            throw new InvalidParameterException("filtered", "filtered and smoothed must have the same number of rows");
        }
        filtered = deepCopy(filtered);
        smoothed = deepCopy(smoothed);
    }

    /** A copy of the filtered posteriors. */
    @Override
    public double[][] filtered() {
        return deepCopy(filtered);
    }

    /** A copy of the smoothed posteriors. */
    @Override
    public double[][] smoothed() {
        return deepCopy(smoothed);
    }

    /**
     * One filtered probability without copying.
     *
     * @param t     the time index
     * @param state the state
     * @return {@code P(s_t = state | x_1..x_t)}
     */
    public double filtered(int t, int state) {
        return filtered[t][state];
    }

    /**
     * One smoothed probability without copying.
     *
     * @param t     the time index
     * @param state the state
     * @return {@code P(s_t = state | x_1..x_T)}
     */
    public double smoothed(int t, int state) {
        return smoothed[t][state];
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
        }
        return out;
    }
}

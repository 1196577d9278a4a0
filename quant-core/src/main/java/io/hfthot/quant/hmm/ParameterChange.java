package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * The size of the change between two models with the same shape, in the relative sense used by every HMM
 * convergence criterion of this package.
 *
 * <p>Each parameter's change is divided by its natural scale and the largest ratio is returned:
 * <ul>
 *   <li>probabilities ({@code pi}, {@code A}): relative to {@code max(p, 1e-3)}, so that a probability tending to
 *       0 (which EM approaches only geometrically) is judged on an absolute 1e-3 scale instead of never
 *       converging in relative terms;</li>
 *   <li>means: relative to the state's standard deviation in that feature (a mean near 0 has no scale of its
 *       own; its statistical precision is that standard deviation);</li>
 *   <li>variances: relative to the variance.</li>
 * </ul>
 */
public final class ParameterChange {
    /** Below this, probabilities are compared on an absolute scale. */
    static final double PROBABILITY_SCALE = 1e-3;

    private ParameterChange() {
    }

    /**
     * The largest scaled difference between the parameters of two models with the same shape.
     *
     * @param reference the model whose parameters set the scales
     * @param other     the other model
     * @return {@code max} over all parameters of {@code |other - reference| / scale(reference)}
     * @throws IllegalArgumentException if the shapes differ
     */
    public static double max(GaussianHmm reference, GaussianHmm other) {
        if (reference == null || other == null || reference.k != other.k || reference.d != other.d) {
            throw new InvalidParameterException("other",
                    "both models must be non-null with the same states and features");
        }
        int k = reference.k;
        int d = reference.d;
        double worst = 0;
        for (int i = 0; i < k; i++) {
            worst = Math.max(worst, probability(reference.initial[i], other.initial[i]));
        }
        for (int i = 0; i < k * k; i++) {
            worst = Math.max(worst, probability(reference.transition[i], other.transition[i]));
        }
        for (int i = 0; i < k * d; i++) {
            double v = reference.variances[i];
            worst = Math.max(worst, Math.abs(other.means[i] - reference.means[i]) / Math.sqrt(v));
            worst = Math.max(worst, Math.abs(other.variances[i] - v) / v);
        }
        return worst;
    }

    private static double probability(double reference, double other) {
        return Math.abs(other - reference) / Math.max(reference, PROBABILITY_SCALE);
    }
}

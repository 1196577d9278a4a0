package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * The filtered posterior {@code P(s_t | x_1..x_t)} of a {@link GaussianHmm}, updated in O(K^2 + K d) per new
 * observation without revisiting the past: the streaming form of the scaled forward recursion.
 *
 * <p>After the same observations, {@link #probability(int)} equals the batch
 * {@link HmmWorkspace#filtered(int, int)} at the last time step and the sum of the returned log predictive
 * densities equals {@link GaussianHmm#logLikelihood(Observations)}. Updates allocate nothing. Not thread-safe.
 */
public final class ForwardFilter {
    private final GaussianHmm model;
    private final double[] probabilities;
    private final double[] logEmission;
    /** The one-step prediction {@code p A}; it needs all of {@code p}, so it cannot be computed in place. */
    private final double[] scratch;
    private int observed;
    private double logLikelihood;

    /**
     * Creates a filter that has seen no observation yet.
     *
     * @param model the model
     */
    public ForwardFilter(GaussianHmm model) {
        if (model == null) {
            throw new InvalidParameterException("model", "model must not be null");
        }
        this.model = model;
        this.probabilities = new double[model.k];
        this.logEmission = new double[model.k];
        this.scratch = new double[model.k];
        reset();
    }

    /** Forgets every observation: the next update starts from the initial probabilities. */
    public void reset() {
        System.arraycopy(model.initial, 0, probabilities, 0, model.k);
        observed = 0;
        logLikelihood = 0;
    }

    /**
     * Absorbs one observation of a one-feature model.
     *
     * @param value the observation, finite
     * @return {@code log p(x_t | x_1..x_{t-1})}
     */
    public double update(double value) {
        if (model.d != 1) {
            throw new InvalidParameterException("value",
                    "the model has " + model.d + " features; use update(double[])");
        }
        if (!Double.isFinite(value)) {
            throw new InvalidParameterException("value", "value must be a finite number, got " + value);
        }
        int k = model.k;
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < k; s++) {
            double z = value - model.means[s];
            double v = model.logNormaliser[s] - z * z * model.halfPrecision[s];
            logEmission[s] = v;
            max = Math.max(max, v);
        }
        return absorb(max);
    }

    /**
     * Absorbs one observation.
     *
     * @param observation {@code d} finite features (not modified)
     * @return {@code log p(x_t | x_1..x_{t-1})}
     */
    public double update(double[] observation) {
        if (observation == null || observation.length != model.d) {
            throw new InvalidParameterException("observation", "observation must have " + model.d + " features, got "
                    + (observation == null ? "null" : observation.length));
        }
        for (int f = 0; f < observation.length; f++) {
            if (!Double.isFinite(observation[f])) {
                throw new InvalidParameterException("observation",
                        "observation[" + f + "] must be a finite number, got "
                        + observation[f]);
            }
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < model.k; s++) {
            double v = model.logEmission(s, observation, 0);
            logEmission[s] = v;
            max = Math.max(max, v);
        }
        return absorb(max);
    }

    private double absorb(double max) {
        if (!(max > Double.NEGATIVE_INFINITY)) {
            throw new InvalidParameterException("observation",
                    "the observation is so far from every state that its density underflows");
        }
        int k = model.k;
        double[] p = probabilities;
        double sum = 0;
        double best = Double.NEGATIVE_INFINITY;
        double[] predicted = predicted();
        for (int j = 0; j < k; j++) {
            if (predicted[j] > 0) {
                best = Math.max(best, logEmission[j]);
            }
        }
        // Shift by the best reachable state (not the overall max) so the update can never underflow to 0/0.
        for (int j = 0; j < k; j++) {
            double v = predicted[j] > 0 ? predicted[j] * FastExp.exp(logEmission[j] - best) : 0.0;
            p[j] = v;
            sum += v;
        }
        double inv = 1.0 / sum;
        for (int j = 0; j < k; j++) {
            p[j] *= inv;
        }
        observed++;
        double logPredictive = Math.log(sum) + best;
        logLikelihood += logPredictive;
        return logPredictive;
    }

    private double[] predicted() {
        int k = model.k;
        double[] out = scratch;
        if (observed == 0) {
            System.arraycopy(probabilities, 0, out, 0, k);
            return out;
        }
        double[] at = model.transitionT;
        for (int j = 0; j < k; j++) {
            double s = 0;
            for (int i = 0; i < k; i++) {
                s += probabilities[i] * at[j * k + i];
            }
            out[j] = s;
        }
        return out;
    }

    /**
     * The filtered probability of one state after the observations absorbed so far (the initial probability
     * before any).
     *
     * @param state the state
     * @return {@code P(s_t = state | x_1..x_t)}
     */
    public double probability(int state) {
        if (state < 0 || state >= model.k) {
            throw new IndexOutOfBoundsException("state " + state + " outside [0, " + model.k + ")");
        }
        return probabilities[state];
    }

    /** A copy of the filtered probabilities. */
    public double[] probabilities() {
        return probabilities.clone();
    }

    /** The number of observations absorbed since creation or the last {@link #reset()}. */
    public int observed() {
        return observed;
    }

    /** {@code log p(x_1..x_t)} of the observations absorbed so far. */
    public double logLikelihood() {
        return logLikelihood;
    }

    /** The model being filtered. */
    public GaussianHmm model() {
        return model;
    }
}

package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * Options of a Baum-Welch fit. Build them by name with {@link #builder()} (or start from {@link #defaults()} and
 * change one option with a {@code with...} method).
 *
 * @param states                 number of hidden states {@code K}, in {@code [1, 64]}
 * @param restarts               number of k-means++ seedings; each gives two starting models (the clusters'
 *                               own variances, and every state at the full data variance as hmmlearn starts);
 *                               at least 1
 * @param seed                   seed of the restarts: the same seed and data give a bit-identical fit
 * @param maxIterations          budget of EM steps per starting model, at least 1
 * @param relativeTolerance      stop when one plain EM step moves no parameter by more than this, relative in the
 *                               sense of {@link ParameterChange}; {@code >= 0}
 * @param varianceFloorFraction  every variance is kept at or above this fraction of the data's variance of the
 *                               same feature, in {@code (0, 1]}. Relative, not absolute like hmmlearn's
 *                               {@code min_covar = 1e-3}, which would swamp daily return variances of ~1e-4
 * @param stickyStrength         Dirichlet pseudo-count added to every self-transition in the M-step (0 = plain
 *                               maximum likelihood); larger values favour persistent regimes; {@code >= 0}
 * @param accelerated            whether EM is accelerated by SQUAREM (same fixed points, far fewer steps)
 */
public record FitOptions(int states, int restarts, long seed, int maxIterations, double relativeTolerance,
                         double varianceFloorFraction, double stickyStrength, boolean accelerated) {
    /** Largest number of states accepted. */
    public static final int MAX_STATES = 64;

    /** Validates every option, naming the offending one. */
    public FitOptions {
        if (states < 1 || states > MAX_STATES) {
            throw new InvalidParameterException("states", "states must be in [1, " + MAX_STATES + "], got " + states);
        }
        if (restarts < 1) {
            throw new InvalidParameterException("restarts", "restarts must be >= 1, got " + restarts);
        }
        if (maxIterations < 1) {
            throw new InvalidParameterException("maxIterations", "maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(relativeTolerance >= 0) || !Double.isFinite(relativeTolerance)) {
            throw new InvalidParameterException("relativeTolerance",
                    "relativeTolerance must be a finite number >= 0, got " + relativeTolerance);
        }
        if (!(varianceFloorFraction > 0) || varianceFloorFraction > 1) {
            throw new InvalidParameterException("varianceFloorFraction",
                    "varianceFloorFraction must be in (0, 1], got " + varianceFloorFraction);
        }
        if (!(stickyStrength >= 0) || !Double.isFinite(stickyStrength)) {
            throw new InvalidParameterException("stickyStrength",
                    "stickyStrength must be a finite number >= 0, got " + stickyStrength);
        }
    }

    /**
     * The defaults: 3 states, 3 restarts (6 starting models), seed 42, 2,000 EM steps per start, relative
     * parameter tolerance 1e-10, variance floor 1e-3 of the data variance, no sticky prior, SQUAREM on.
     *
     * <p>At these defaults a further 1,000 plain EM steps from the returned model move no parameter by more than
     * 1e-6 relative (tested on realistic data).
     *
     * @return the default options
     */
    public static FitOptions defaults() {
        return new FitOptions(3, 3, 42L, 2000, 1e-10, 1e-3, 0.0, true);
    }

    /**
     * A builder starting from {@link #defaults()}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /**
     * A builder starting from these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * A copy with another number of states.
     *
     * @param value the number of states
     * @return the new options
     */
    public FitOptions withStates(int value) {
        return toBuilder().states(value).build();
    }

    /**
     * A copy with another number of restarts.
     *
     * @param value the number of restarts
     * @return the new options
     */
    public FitOptions withRestarts(int value) {
        return toBuilder().restarts(value).build();
    }

    /**
     * A copy with another seed.
     *
     * @param value the seed
     * @return the new options
     */
    public FitOptions withSeed(long value) {
        return toBuilder().seed(value).build();
    }

    /**
     * A copy with another EM step budget.
     *
     * @param value the maximum number of EM steps per starting model
     * @return the new options
     */
    public FitOptions withMaxIterations(int value) {
        return toBuilder().maxIterations(value).build();
    }

    /**
     * A copy with another relative tolerance.
     *
     * @param value the relative parameter tolerance
     * @return the new options
     */
    public FitOptions withRelativeTolerance(double value) {
        return toBuilder().relativeTolerance(value).build();
    }

    /**
     * A copy with another variance floor.
     *
     * @param value the floor as a fraction of the data variance
     * @return the new options
     */
    public FitOptions withVarianceFloorFraction(double value) {
        return toBuilder().varianceFloorFraction(value).build();
    }

    /**
     * A copy with another sticky prior strength.
     *
     * @param value the pseudo-count added to self-transitions
     * @return the new options
     */
    public FitOptions withStickyStrength(double value) {
        return toBuilder().stickyStrength(value).build();
    }

    /** Named setters for {@link FitOptions}; {@link #build()} validates. Not thread-safe. */
    public static final class Builder {
        private int states;
        private int restarts;
        private long seed;
        private int maxIterations;
        private double relativeTolerance;
        private double varianceFloorFraction;
        private double stickyStrength;
        private boolean accelerated;

        private Builder(FitOptions o) {
            states = o.states;
            restarts = o.restarts;
            seed = o.seed;
            maxIterations = o.maxIterations;
            relativeTolerance = o.relativeTolerance;
            varianceFloorFraction = o.varianceFloorFraction;
            stickyStrength = o.stickyStrength;
            accelerated = o.accelerated;
        }

        /** @param value number of states @return this builder */
        public Builder states(int value) {
            states = value;
            return this;
        }

        /** @param value number of k-means++ seedings @return this builder */
        public Builder restarts(int value) {
            restarts = value;
            return this;
        }

        /** @param value seed of the restarts @return this builder */
        public Builder seed(long value) {
            seed = value;
            return this;
        }

        /** @param value EM step budget per starting model @return this builder */
        public Builder maxIterations(int value) {
            maxIterations = value;
            return this;
        }

        /** @param value relative parameter tolerance @return this builder */
        public Builder relativeTolerance(double value) {
            relativeTolerance = value;
            return this;
        }

        /** @param value variance floor as a fraction of the data variance @return this builder */
        public Builder varianceFloorFraction(double value) {
            varianceFloorFraction = value;
            return this;
        }

        /** @param value sticky prior pseudo-count @return this builder */
        public Builder stickyStrength(double value) {
            stickyStrength = value;
            return this;
        }

        /** @param value whether SQUAREM accelerates EM @return this builder */
        public Builder accelerated(boolean value) {
            accelerated = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the options
         * @throws IllegalArgumentException naming the first invalid option
         */
        public FitOptions build() {
            return new FitOptions(states, restarts, seed, maxIterations, relativeTolerance, varianceFloorFraction,
                    stickyStrength, accelerated);
        }
    }
}

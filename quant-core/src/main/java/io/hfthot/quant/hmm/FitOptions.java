package io.hfthot.quant.hmm;

/**
 * Options of a Baum-Welch fit.
 *
 * @param states                 number of hidden states {@code K}, in {@code [1, 64]}
 * @param restarts               number of k-means++ initialisations, each run to convergence; the best
 *                               log-likelihood wins; at least 1
 * @param seed                   seed of the restarts: the same seed and data give a bit-identical fit
 * @param maxIterations          EM iterations per restart, at least 1
 * @param relativeTolerance      stop when an iteration changes the log-likelihood of the standardised data by at
 *                               most this fraction of {@code max(|log-likelihood|, T)}; {@code >= 0}
 * @param varianceFloorFraction  every variance is kept at or above this fraction of the data's variance of the
 *                               same feature, in {@code (0, 1]}. Relative, not absolute like hmmlearn's
 *                               {@code min_covar = 1e-3}, which would swamp daily return variances of ~1e-4
 * @param stickyStrength         Dirichlet pseudo-count added to every self-transition in the M-step (0 = plain
 *                               maximum likelihood); larger values favour persistent regimes; {@code >= 0}
 */
public record FitOptions(int states, int restarts, long seed, int maxIterations, double relativeTolerance,
                         double varianceFloorFraction, double stickyStrength) {
    /** Largest number of states accepted. */
    public static final int MAX_STATES = 64;

    /** Validates every option, naming the offending one. */
    public FitOptions {
        if (states < 1 || states > MAX_STATES) {
            throw new IllegalArgumentException("states must be in [1, " + MAX_STATES + "], got " + states);
        }
        if (restarts < 1) {
            throw new IllegalArgumentException("restarts must be >= 1, got " + restarts);
        }
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
        }
        if (!(relativeTolerance >= 0) || !Double.isFinite(relativeTolerance)) {
            throw new IllegalArgumentException("relativeTolerance must be a finite number >= 0, got " + relativeTolerance);
        }
        if (!(varianceFloorFraction > 0) || varianceFloorFraction > 1) {
            throw new IllegalArgumentException("varianceFloorFraction must be in (0, 1], got " + varianceFloorFraction);
        }
        if (!(stickyStrength >= 0) || !Double.isFinite(stickyStrength)) {
            throw new IllegalArgumentException("stickyStrength must be a finite number >= 0, got " + stickyStrength);
        }
    }

    /**
     * The defaults: 3 states, 5 restarts, seed 42, 500 iterations, relative tolerance 1e-7, variance floor 1e-3 of
     * the data variance, no sticky prior.
     *
     * @return the default options
     */
    public static FitOptions defaults() {
        return new FitOptions(3, 5, 42L, 500, 1e-7, 1e-3, 0.0);
    }

    /**
     * A copy with another number of states.
     *
     * @param value the number of states
     * @return the new options
     */
    public FitOptions withStates(int value) {
        return new FitOptions(value, restarts, seed, maxIterations, relativeTolerance, varianceFloorFraction,
                stickyStrength);
    }

    /**
     * A copy with another number of restarts.
     *
     * @param value the number of restarts
     * @return the new options
     */
    public FitOptions withRestarts(int value) {
        return new FitOptions(states, value, seed, maxIterations, relativeTolerance, varianceFloorFraction,
                stickyStrength);
    }

    /**
     * A copy with another seed.
     *
     * @param value the seed
     * @return the new options
     */
    public FitOptions withSeed(long value) {
        return new FitOptions(states, restarts, value, maxIterations, relativeTolerance, varianceFloorFraction,
                stickyStrength);
    }

    /**
     * A copy with another iteration limit.
     *
     * @param value the maximum number of EM iterations per restart
     * @return the new options
     */
    public FitOptions withMaxIterations(int value) {
        return new FitOptions(states, restarts, seed, value, relativeTolerance, varianceFloorFraction,
                stickyStrength);
    }

    /**
     * A copy with another relative tolerance.
     *
     * @param value the relative tolerance
     * @return the new options
     */
    public FitOptions withRelativeTolerance(double value) {
        return new FitOptions(states, restarts, seed, maxIterations, value, varianceFloorFraction, stickyStrength);
    }

    /**
     * A copy with another variance floor.
     *
     * @param value the floor as a fraction of the data variance
     * @return the new options
     */
    public FitOptions withVarianceFloorFraction(double value) {
        return new FitOptions(states, restarts, seed, maxIterations, relativeTolerance, value, stickyStrength);
    }

    /**
     * A copy with another sticky prior strength.
     *
     * @param value the pseudo-count added to self-transitions
     * @return the new options
     */
    public FitOptions withStickyStrength(double value) {
        return new FitOptions(states, restarts, seed, maxIterations, relativeTolerance, varianceFloorFraction, value);
    }
}

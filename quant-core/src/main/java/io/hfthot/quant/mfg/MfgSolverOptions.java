package io.hfthot.quant.mfg;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * Settings of the outer fixed-point loop on the crowd's mean trading speed.
 *
 * @param tolerance          stop when {@code max|Phi(mu) - mu| <= tolerance * max|Phi(mu)|}, where
 *                           {@code Phi} is one HJB-backward / Fokker-Planck-forward sweep (in {@code (0, 1)})
 * @param maxOuterIterations the iteration limit (>= 1)
 * @param andersonDepth      how many past iterates Anderson acceleration combines (0 = plain damped
 *                           fixed point; 1 to 20)
 * @param damping            the weight of the new sweep in a plain damped step,
 *                           {@code mu <- mu + damping (Phi(mu) - mu)} (in (0, 1])
 * @param snapshotStride     keep the density every this many time steps (0 = keep none)
 * @param closedFormStart    start the outer loop from the closed-form mean speed of
 *                           {@link MeanInventoryOde} instead of zero; the discrete fixed point, and so
 *                           the result up to the tolerance, is the same, only reached in fewer sweeps
 */
public record MfgSolverOptions(double tolerance, int maxOuterIterations, int andersonDepth, double damping,
        int snapshotStride, boolean closedFormStart) {

    /** Validates every field. */
    public MfgSolverOptions {
        Checks.positive(tolerance, "tolerance");
        if (tolerance >= 1) {
            throw new InvalidParameterException("tolerance", "tolerance must be < 1, got " + tolerance);
        }
        Checks.inRange(maxOuterIterations, 1, 100_000, "maxOuterIterations");
        Checks.inRange(andersonDepth, 0, 20, "andersonDepth");
        Checks.positive(damping, "damping");
        if (damping > 1) {
            throw new InvalidParameterException("damping", "damping must be in (0, 1], got " + damping);
        }
        Checks.inRange(snapshotStride, 0, Integer.MAX_VALUE, "snapshotStride");
    }

    /**
     * The defaults: relative tolerance 1e-7 (four orders below the 1e-3 discretisation target), 200 iterations, Anderson depth 10, full steps (damping 1)
     * when there is no history yet, no density snapshots, closed-form start.
     *
     * <p>Why Anderson and not plain Picard: one sweep responds to the crowd's speed with the same
     * sign (a selling crowd makes every agent sell faster), with a gain of order
     * {@code alpha T / (2 kappa)}; once that gain exceeds one, Picard diverges for every damping
     * factor, while Anderson acceleration (a multisecant method) converges because the sweep is
     * nearly affine in {@code mu}.
     *
     * @return the default options
     */
    public static MfgSolverOptions defaults() {
        return new MfgSolverOptions(1e-7, 200, 10, 1.0, 0, true);
    }

    /**
     * These options keeping a density snapshot every {@code stride} steps.
     *
     * @param stride the stride (>= 0)
     * @return new options
     */
    public MfgSolverOptions withSnapshotStride(int stride) {
        return new MfgSolverOptions(tolerance, maxOuterIterations, andersonDepth, damping, stride, closedFormStart);
    }

    /**
     * These options with another Anderson depth and damping.
     *
     * @param depth       Anderson depth (0 = plain damped fixed point)
     * @param newDamping  the damping
     * @return new options
     */
    public MfgSolverOptions withAcceleration(int depth, double newDamping) {
        return new MfgSolverOptions(tolerance, maxOuterIterations, depth, newDamping, snapshotStride, closedFormStart);
    }

    /**
     * These options with another starting point.
     *
     * @param fromClosedForm whether to start from the closed-form mean speed (else from zero)
     * @return new options
     */
    public MfgSolverOptions withClosedFormStart(boolean fromClosedForm) {
        return new MfgSolverOptions(tolerance, maxOuterIterations, andersonDepth, damping, snapshotStride,
                fromClosedForm);
    }

    /**
     * These options with another tolerance.
     *
     * @param newTolerance the relative residual tolerance
     * @return new options
     */
    public MfgSolverOptions withTolerance(double newTolerance) {
        return new MfgSolverOptions(newTolerance, maxOuterIterations, andersonDepth, damping, snapshotStride,
                closedFormStart);
    }
}

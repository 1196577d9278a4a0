package io.hfthot.quant;

/**
 * How a numerical routine ended. Failing to converge is reported here, never thrown.
 */
public enum SolverStatus {
    /** The stopping criterion was met within tolerance. */
    CONVERGED,
    /** The iteration limit was reached before the stopping criterion; the result is the last iterate. */
    MAX_ITERATIONS,
    /** The constraints admit no solution (e.g. bounds whose sum cannot reach the budget). */
    INFEASIBLE,
    /** A solution was found but is degenerate (e.g. an HMM state collapsed onto identical values). */
    DEGENERATE,
    /** The problem is numerically singular or too ill-conditioned to solve to the requested accuracy. */
    ILL_CONDITIONED;

    /** Whether the result can be used as a solution (converged, possibly degenerate). */
    public boolean isUsable() {
        return this == CONVERGED || this == DEGENERATE;
    }
}

package io.hfthot.quant;

/**
 * How a numerical routine ended. Failing to converge is reported here, never thrown.
 *
 * <p>There is one answer to "can I use this result?": {@link #isUsable()}, true only for {@link #CONVERGED}.
 * Every result type of quant-core (HMM fits, portfolio results, mean-field game solutions) answers with its
 * status's {@code isUsable()}.
 */
public enum SolverStatus {
    /** The stopping criterion was met within tolerance. */
    CONVERGED,
    /** The iteration limit was reached before the stopping criterion; the result is the last iterate. */
    MAX_ITERATIONS,
    /** The constraints admit no solution (e.g. bounds whose sum cannot reach the budget). */
    INFEASIBLE,
    /**
     * A solution was found but is degenerate (e.g. every HMM restart collapsed a state onto identical values):
     * it maximises the objective only through a spike the model was not meant to describe.
     */
    DEGENERATE,
    /**
     * The objective is unbounded below on the feasible set (a quadratic program whose cost decreases without limit
     * along a feasible direction of zero curvature); the result is the last iterate.
     */
    UNBOUNDED,
    /** The problem is numerically singular or too ill-conditioned to solve to the requested accuracy. */
    ILL_CONDITIONED,
    /**
     * The computing thread was interrupted ({@link Thread#isInterrupted()}) and the iteration stopped at its
     * next check, once per outer iteration; the result is the last iterate. The thread's interrupt flag is left
     * set, so the caller that interrupted can still see it.
     */
    CANCELLED;

    /**
     * Whether the result can be used as a solution: only a {@link #CONVERGED} result met its stopping criterion
     * without degeneracy, so only it is usable. The last iterate of any other status is returned for
     * diagnostics.
     *
     * @return {@code this == CONVERGED}
     */
    public boolean isUsable() {
        return this == CONVERGED;
    }
}

package io.hfthot.quant.mfg;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;

/**
 * How a mean-field game solve ended.
 *
 * @param status          {@code CONVERGED} when the relative fixed-point residual met the tolerance,
 *                        {@code MAX_ITERATIONS} when the limit was hit (the result is the last
 *                        sweep), {@code ILL_CONDITIONED} when a sweep produced a non-finite value,
 *                        {@code CANCELLED} when the thread was interrupted (checked once per outer
 *                        iteration; the result is the last sweep)
 * @param outerIterations the number of HJB/Fokker-Planck sweeps performed
 * @param residual        the final relative residual {@code max|Phi(mu) - mu| / max|Phi(mu)|}
 * @param massError       {@code max_n |sum_i m_i^n - 1|} over the reported sweep
 * @param minDensity      the smallest density weight seen in the reported sweep (>= 0 up to rounding)
 * @param boundaryMass    the largest mass found on the two edge nodes at any time; if it is not small
 *                        the inventory grid is too narrow for the crowd
 */
public record MfgDiagnostics(SolverStatus status, int outerIterations, double residual, double massError,
        double minDensity, double boundaryMass) {

    /** Requires a status. */
    public MfgDiagnostics {
        if (status == null) {
            throw new InvalidParameterException("status", "status must not be null");
        }
    }
}

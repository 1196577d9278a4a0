package io.hfthot.quant.hmm;

import io.hfthot.quant.SolverStatus;

/**
 * The outcome of a Baum-Welch fit.
 *
 * @param model                 the fitted model, states in canonical order (ascending variance of feature 0, then
 *                              ascending mean of feature 0, then the other features likewise)
 * @param logLikelihood         {@code log p(x | model)} of the data the model was fitted to
 * @param iterations            EM iterations run by the winning restart
 * @param converged             whether the winning restart met the relative tolerance
 * @param status                {@link SolverStatus#CONVERGED}, {@link SolverStatus#MAX_ITERATIONS}, or
 *                              {@link SolverStatus#DEGENERATE} when the best restart has a collapsed or empty
 *                              state
 * @param reason                why the fit is degenerate or did not converge; empty when {@code CONVERGED}
 * @param logLikelihoodTrace    the log-likelihood before each EM update of the winning restart (non-decreasing
 *                              without a sticky prior, up to rounding)
 * @param restartLogLikelihoods the final log-likelihood of every restart, in restart order
 */
public record FitResult(GaussianHmm model, double logLikelihood, int iterations, boolean converged,
                        SolverStatus status, String reason, double[] logLikelihoodTrace,
                        double[] restartLogLikelihoods) {
    /** Validates and copies the arrays in. */
    public FitResult {
        if (model == null || status == null || reason == null || logLikelihoodTrace == null
                || restartLogLikelihoods == null) {
            throw new IllegalArgumentException("model, status, reason and traces must not be null");
        }
        logLikelihoodTrace = logLikelihoodTrace.clone();
        restartLogLikelihoods = restartLogLikelihoods.clone();
    }

    /** A copy of the log-likelihood trace of the winning restart. */
    @Override
    public double[] logLikelihoodTrace() {
        return logLikelihoodTrace.clone();
    }

    /** A copy of the final log-likelihood of every restart. */
    @Override
    public double[] restartLogLikelihoods() {
        return restartLogLikelihoods.clone();
    }

    /**
     * Whether the model can be trusted: converged or stopped at the iteration limit, but not degenerate. Unlike
     * {@link SolverStatus#isUsable()}, which accepts degenerate solutions of solvers in general, a degenerate
     * HMM fit is not reliable: its collapsed state is a spike on repeated values, not a regime.
     *
     * @return {@code status() != DEGENERATE}
     */
    public boolean isReliable() {
        return status != SolverStatus.DEGENERATE;
    }
}

package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;

/**
 * The outcome of a Baum-Welch fit.
 *
 * @param model                 the fitted model, states in canonical order (ascending variance of feature 0, then
 *                              ascending mean of feature 0, then the other features likewise)
 * @param logLikelihood         {@code log p(x | model)} of the data the model was fitted to
 * @param iterations            EM steps (E-step evaluations, SQUAREM's included) spent on the winning start
 * @param converged             whether the winning start met the relative tolerance
 * @param status                {@link SolverStatus#CONVERGED}; {@link SolverStatus#MAX_ITERATIONS};
 *                              {@link SolverStatus#DEGENERATE} when every start ended with a collapsed or empty
 *                              state (a degenerate fit is never preferred to a regime fit); or
 *                              {@link SolverStatus#CANCELLED} when the thread was interrupted
 * @param reason                why the fit is degenerate, cancelled or did not converge; empty when
 *                              {@code CONVERGED}
 * @param logLikelihoodTrace    the log-likelihood at each accepted iterate of the winning start, one per SQUAREM
 *                              cycle (non-decreasing without a sticky prior, up to rounding)
 * @param restartLogLikelihoods the last log-likelihood of every starting model, in start order (two per restart:
 *                              the clustered start, then the full-variance start)
 * @param observations          the number of observations {@code T} fitted (for the information criteria)
 */
public record FitResult(GaussianHmm model, double logLikelihood, int iterations, boolean converged,
                        SolverStatus status, String reason, double[] logLikelihoodTrace,
                        double[] restartLogLikelihoods, int observations) {
    /** Validates and copies the arrays in. */
    public FitResult {
        if (model == null || status == null || reason == null || logLikelihoodTrace == null
                || restartLogLikelihoods == null) {
            throw new InvalidParameterException("model", "model, status, reason and traces must not be null");
        }
        if (observations < 1) {
            throw new InvalidParameterException("observations", "observations must be >= 1, got " + observations);
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
     * Whether the model can be used: the same answer as {@link SolverStatus#isUsable()} of {@link #status()}, true
     * only for a converged, non-degenerate fit.
     *
     * @return {@code status().isUsable()}
     */
    public boolean isUsable() {
        return status.isUsable();
    }

    /**
     * Akaike's information criterion {@code 2 p - 2 log L}, {@code p = model().freeParameters()}: lower is better.
     *
     * @return the AIC
     */
    public double aic() {
        return 2.0 * model.freeParameters() - 2 * logLikelihood;
    }

    /**
     * The Bayesian (Schwarz) information criterion {@code p ln T - 2 log L}: lower is better; it penalises
     * extra states more than the AIC once {@code T > e^2}.
     *
     * @return the BIC
     */
    public double bic() {
        return model.freeParameters() * Math.log(observations) - 2 * logLikelihood;
    }
}

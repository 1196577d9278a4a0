package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.hmm.FitResult;

/**
 * A regime model together with the report of the fit that produced it.
 *
 * @param model the regime model
 * @param fit   the Baum-Welch report: status, log-likelihood, iterations, degeneracy reason
 */
public record RegimeFit(RegimeModel model, FitResult fit) {
    /** Requires both parts. */
    public RegimeFit {
        if (model == null || fit == null) {
            throw new InvalidParameterException("model", "model and fit must not be null");
        }
    }
}

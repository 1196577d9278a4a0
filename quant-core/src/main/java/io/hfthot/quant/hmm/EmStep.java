package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * One Baum-Welch iteration: the log-likelihood of the model it started from and the updated model.
 *
 * @param updated       the model after the M-step
 * @param logLikelihood {@code log p(x | model before the step)}
 */
public record EmStep(GaussianHmm updated, double logLikelihood) {
    /** Requires an updated model. */
    public EmStep {
        if (updated == null) {
            throw new InvalidParameterException("updated", "updated must not be null");
        }
    }
}

package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * Observations simulated from a {@link GaussianHmm} together with the hidden states that produced them.
 *
 * @param observations the simulated observations
 * @param states       the hidden state at each time
 */
public record Sample(Observations observations, int[] states) {
    /** Validates the lengths and copies the states in. */
    public Sample {
        if (observations == null || states == null || states.length != observations.length()) {
            throw new InvalidParameterException("states", "states must have one entry per observation");
        }
        states = states.clone();
    }

    /** A copy of the hidden states. */
    @Override
    public int[] states() {
        return states.clone();
    }
}

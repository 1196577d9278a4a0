package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * The most likely hidden state path of an observation sequence.
 *
 * @param states         {@code T} states
 * @param logProbability the joint log-probability {@code log p(x, states)}
 */
public record ViterbiPath(int[] states, double logProbability) {
    /** Copies the path in. */
    public ViterbiPath {
        if (states == null || states.length == 0) {
            throw new InvalidParameterException("states", "states must hold at least one state");
        }
        states = states.clone();
    }

    /** A copy of the path. */
    @Override
    public int[] states() {
        return states.clone();
    }

    /**
     * The state at one time.
     *
     * @param t the time index
     * @return the state
     */
    public int state(int t) {
        return states[t];
    }
}

package io.hfthot.client.model;

import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/signals/regime}: the 3-state HMM's current regime.
 *
 * @param symbol     the symbol
 * @param regime     {@code trending}, {@code mean_reverting} or {@code volatile}
 * @param confidence the filtered probability of {@code regime}
 * @param strategy   the recommended strategy
 * @param stateProbs probability per regime
 * @param latencyUs  the server's time for the request, in microseconds
 */
public record Regime(String symbol, String regime, double confidence, String strategy, Map<String, Double> stateProbs,
                     long latencyUs) {
    /** Checks and copies. */
    public Regime {
        Objects.requireNonNull(regime, "regime");
        stateProbs = Checks.copy(stateProbs);
    }
}

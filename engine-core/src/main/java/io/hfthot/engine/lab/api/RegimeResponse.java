package io.hfthot.engine.lab.api;

import java.util.Map;

/**
 * The body of {@code GET /v1/signals/regime}.
 *
 * @param symbol     the symbol
 * @param regime     {@code trending}, {@code mean_reverting} or {@code volatile}
 * @param confidence the filtered probability of {@code regime}
 * @param strategy   the recommended strategy for the regime (e.g. {@code stat_arb})
 * @param stateProbs probabilities keyed {@code trending}, {@code mean_reverting}, {@code volatile}, summing to 1
 * @param latencyUs  measured engine time of this call in microseconds
 */
public record RegimeResponse(String symbol, String regime, double confidence, String strategy,
                             Map<String, Double> stateProbs, long latencyUs) {
    /** Copies the probabilities (keeping their order). */
    public RegimeResponse {
        stateProbs = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stateProbs));
    }
}

package io.hfthot.engine.lab.api;

import java.util.Map;

/**
 * The body of a portfolio optimisation.
 *
 * @param method      the method used
 * @param weights     weight per symbol, in request order
 * @param status      solver status ({@code CONVERGED}, ...)
 * @param diagnostics iterations, residual, risk figures and where the inputs came from
 */
public record OptimizeResponse(String method, Map<String, Double> weights, String status,
                               OptimizeDiagnostics diagnostics) {
    /** Copies the weights, keeping their order. */
    public OptimizeResponse {
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
    }
}

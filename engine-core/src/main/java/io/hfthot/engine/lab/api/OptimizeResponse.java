package io.hfthot.engine.lab.api;

import java.util.List;
import java.util.Map;

/**
 * The body of a portfolio optimisation.
 *
 * @param method      the method used
 * @param weights     weight per symbol, in request order (for {@code efficient_frontier}: the frontier's first
 *                    point, the global minimum-variance portfolio)
 * @param status      solver status ({@code CONVERGED}, ...; for {@code efficient_frontier} the first point's status
 *                    that is not {@code CONVERGED}, else {@code CONVERGED})
 * @param diagnostics iterations, residual, risk figures and where the inputs came from
 * @param frontier    the frontier's points in increasing target return ({@code efficient_frontier}), or null
 */
public record OptimizeResponse(String method, Map<String, Double> weights, String status,
                               OptimizeDiagnostics diagnostics, List<FrontierPoint> frontier) {
    /** Copies the weights, keeping their order, and the frontier. */
    public OptimizeResponse {
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
        frontier = frontier == null ? null : List.copyOf(frontier);
    }

    /**
     * A single-portfolio answer (every method but {@code efficient_frontier}).
     *
     * @param method      the method used
     * @param weights     weight per symbol
     * @param status      solver status
     * @param diagnostics the diagnostics
     */
    public OptimizeResponse(String method, Map<String, Double> weights, String status, OptimizeDiagnostics diagnostics) {
        this(method, weights, status, diagnostics, null);
    }
}

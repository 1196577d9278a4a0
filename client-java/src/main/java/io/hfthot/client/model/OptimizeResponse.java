package io.hfthot.client.model;

import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code POST /v1/portfolio/optimize}.
 *
 * @param method      the method used
 * @param weights     weight per symbol, in request order
 * @param status      solver status ({@code CONVERGED}, ...)
 * @param diagnostics solver and risk diagnostics
 */
public record OptimizeResponse(String method, Map<String, Double> weights, String status, OptimizeDiagnostics diagnostics) {
    /** Checks and copies. */
    public OptimizeResponse {
        weights = Checks.copy(Objects.requireNonNull(weights, "weights"));
    }
}

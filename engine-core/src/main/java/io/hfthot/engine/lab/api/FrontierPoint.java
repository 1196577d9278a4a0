package io.hfthot.engine.lab.api;

import java.util.Map;

/**
 * One portfolio of an efficient frontier: the minimum-variance weights for a target expected return.
 *
 * @param expectedReturn the annualised expected return of the weights: the point's target return, up to
 *                       {@code residual}, when converged
 * @param volatility     the annualised volatility of the weights
 * @param weights        weight per symbol, in request order
 * @param status         solver status ({@code CONVERGED}, or {@code ILL_CONDITIONED} when the covariance is
 *                       singular or every asset has the same expected return)
 * @param residual       the largest KKT, budget or target error of the point
 */
public record FrontierPoint(double expectedReturn, double volatility, Map<String, Double> weights,
                            String status, double residual) {
    /** Copies the weights, keeping their order. */
    public FrontierPoint {
        weights = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(weights));
    }
}

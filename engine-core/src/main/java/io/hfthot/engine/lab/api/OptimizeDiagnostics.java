package io.hfthot.engine.lab.api;

import java.util.Map;

/**
 * Diagnostics of a portfolio optimisation.
 *
 * @param iterations        solver iterations
 * @param residual          solver residual (KKT or fixed-point, by method)
 * @param expectedReturn    annualised expected return of the weights (0 when no expected returns were used)
 * @param volatility        annualised volatility of the weights
 * @param riskContributions fraction of variance each symbol contributes
 * @param inputs            {@code lakehouse} when estimated from daily bars, {@code explicit} when given
 * @param observations      daily returns used (0 for explicit inputs)
 */
public record OptimizeDiagnostics(int iterations, double residual, double expectedReturn, double volatility,
                                  Map<String, Double> riskContributions, String inputs, int observations) {
    /** Copies the map. */
    public OptimizeDiagnostics {
        riskContributions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(riskContributions));
    }
}

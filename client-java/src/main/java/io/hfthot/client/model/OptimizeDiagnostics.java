package io.hfthot.client.model;

import java.util.Map;

/**
 * Diagnostics of an optimisation.
 *
 * @param iterations        solver iterations
 * @param residual          solver residual
 * @param expectedReturn    annualised expected return of the weights
 * @param volatility        annualised volatility of the weights
 * @param riskContributions fraction of variance each symbol contributes
 * @param inputs            {@code lakehouse} or {@code explicit}
 * @param observations      daily returns used
 */
public record OptimizeDiagnostics(int iterations, double residual, double expectedReturn, double volatility,
                                  Map<String, Double> riskContributions, String inputs, int observations) {
    /** Copies the map. */
    public OptimizeDiagnostics {
        riskContributions = Checks.copy(riskContributions);
    }
}

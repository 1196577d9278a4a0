package io.hfthot.engine.lab.api;

import java.util.List;

/**
 * The body of {@code POST /v1/portfolio/optimize}.
 *
 * @param method           {@code cara}, {@code risk_parity} or {@code sparse_l1} (required)
 * @param symbols          the assets (required, distinct, at least one)
 * @param lookbackDays     days of daily history for the covariance, or null for 60
 * @param gamma            risk aversion (CARA), or null for 2.0
 * @param rho              L1 penalty (sparse_l1), or null for 0.05
 * @param expectedReturns  optional explicit annualised expected returns, aligned with {@code symbols}
 * @param covariance       optional explicit annualised covariance, aligned with {@code symbols}; when given
 *                         no history is read
 */
public record OptimizeRequest(String method, List<String> symbols, Integer lookbackDays, Double gamma, Double rho,
                              List<Double> expectedReturns, List<List<Double>> covariance) {
}

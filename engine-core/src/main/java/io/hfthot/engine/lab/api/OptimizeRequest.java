package io.hfthot.engine.lab.api;

import java.util.List;

/**
 * The body of {@code POST /v1/portfolio/optimize}.
 *
 * @param method           {@code cara}, {@code risk_parity}, {@code sparse_l1}, {@code min_variance},
 *                         {@code max_sharpe}, {@code hrp} or {@code efficient_frontier} (required)
 * @param symbols          the assets (required, distinct, at least one; at least two for the frontier)
 * @param lookbackDays     days of daily history for the covariance, or null for 60
 * @param gamma            risk aversion (CARA), or null for 2.0
 * @param rho              L1 penalty (sparse_l1), or null for 0.05
 * @param expectedReturns  optional explicit annualised expected returns, aligned with {@code symbols} (required by
 *                         {@code efficient_frontier} with an explicit covariance)
 * @param covariance       optional explicit annualised covariance, aligned with {@code symbols}; when given
 *                         no history is read
 * @param points           portfolios on the efficient frontier ({@code efficient_frontier} only), or null for 20
 */
public record OptimizeRequest(String method, List<String> symbols, Integer lookbackDays, Double gamma, Double rho,
                              List<Double> expectedReturns, List<List<Double>> covariance, Integer points) {
    /**
     * A request without {@code points} (every method but {@code efficient_frontier}, or its default).
     *
     * @param method          the method
     * @param symbols         the assets
     * @param lookbackDays    days of history, or null
     * @param gamma           risk aversion, or null
     * @param rho             L1 penalty, or null
     * @param expectedReturns explicit expected returns, or null
     * @param covariance      explicit covariance, or null
     */
    public OptimizeRequest(String method, List<String> symbols, Integer lookbackDays, Double gamma, Double rho,
                           List<Double> expectedReturns, List<List<Double>> covariance) {
        this(method, symbols, lookbackDays, gamma, rho, expectedReturns, covariance, null);
    }
}

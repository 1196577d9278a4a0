package io.hfthot.client.model;

import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /v1/portfolio/optimize}.
 *
 * @param method          one of {@link #METHODS}: {@code cara}, {@code risk_parity}, {@code sparse_l1}, {@code min_variance},
 *                        {@code max_sharpe} or {@code hrp}
 * @param symbols         the assets, distinct, at least one
 * @param lookbackDays    days of history for the covariance, or null for 60
 * @param gamma           CARA risk aversion, or null for 2.0
 * @param rho             sparse_l1 penalty, or null for 0.05
 * @param expectedReturns explicit annualised expected returns aligned with {@code symbols}, or null
 * @param covariance      explicit annualised covariance aligned with {@code symbols}, or null
 */
public record OptimizeRequest(String method, List<String> symbols, Integer lookbackDays, Double gamma, Double rho,
                              List<Double> expectedReturns, List<List<Double>> covariance) {
    /** The methods the server accepts: seed 000's three, then the global minimum-variance, maximum-Sharpe and
     * hierarchical-risk-parity portfolios. */
    public static final Set<String> METHODS = Set.of("cara", "risk_parity", "sparse_l1", "min_variance", "max_sharpe",
            "hrp");

    /** Validates and copies. */
    public OptimizeRequest {
        Checks.oneOf("method", method, METHODS);
        symbols = Checks.symbols(symbols);
        Checks.range("lookback_days", lookbackDays, 1, Integer.MAX_VALUE);
        Checks.finiteAtLeast("gamma", gamma, 0);
        Checks.finiteAtLeast("rho", rho, 0);
        if (expectedReturns != null && expectedReturns.size() != symbols.size()) {
            throw new IllegalArgumentException("field 'expected_returns' has " + expectedReturns.size()
                    + " values; expected one per symbol (" + symbols.size() + ")");
        }
        if (covariance != null && covariance.size() != symbols.size()) {
            throw new IllegalArgumentException("field 'covariance' has " + covariance.size()
                    + " rows; expected one per symbol (" + symbols.size() + ")");
        }
        expectedReturns = expectedReturns == null ? null : List.copyOf(expectedReturns);
        covariance = covariance == null ? null : covariance.stream().map(List::copyOf).toList();
    }

    /**
     * A request on the server's history with the defaults.
     *
     * @param method  the method
     * @param symbols the assets
     * @return the request
     */
    public static OptimizeRequest of(String method, List<String> symbols) {
        return new OptimizeRequest(method, symbols, null, null, null, null, null);
    }

    /**
     * Returns this request with another history length.
     *
     * @param days days of history, at least 1
     * @return the request
     */
    public OptimizeRequest withLookbackDays(int days) {
        return new OptimizeRequest(method, symbols, days, gamma, rho, expectedReturns, covariance);
    }
}

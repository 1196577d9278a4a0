package io.hfthot.client.model;

import java.util.List;

/**
 * The body of {@code POST /v1/portfolio/backtest}.
 *
 * @param method        one of {@link OptimizeRequest#METHODS}
 * @param symbols       the assets, distinct, at least one
 * @param startTime     Unix ms of the first day, or null for 365 days before the end
 * @param endTime       Unix ms of the last day, or null for now
 * @param lookbackDays  estimation window in days, or null for 60
 * @param rebalanceDays days between rebalances, or null for 7
 * @param costBps       cost per unit of turnover in basis points, or null for 10
 * @param gamma         CARA risk aversion, or null for 2.0
 * @param rho           sparse_l1 penalty, or null for 0.05
 */
public record BacktestRequest(String method, List<String> symbols, Long startTime, Long endTime, Integer lookbackDays,
                              Integer rebalanceDays, Double costBps, Double gamma, Double rho) {
    /** Validates and copies. */
    public BacktestRequest {
        Checks.oneOf("method", method, OptimizeRequest.METHODS);
        symbols = Checks.symbols(symbols);
        Checks.range("start_time", startTime, 0, Long.MAX_VALUE);
        Checks.range("end_time", endTime, 0, Long.MAX_VALUE);
        Checks.ordered(startTime, endTime);
        Checks.range("lookback_days", lookbackDays, 1, Integer.MAX_VALUE);
        Checks.range("rebalance_days", rebalanceDays, 1, Integer.MAX_VALUE);
        Checks.finiteAtLeast("cost_bps", costBps, 0);
        Checks.finiteAtLeast("gamma", gamma, 0);
        Checks.finiteAtLeast("rho", rho, 0);
    }

    /**
     * A backtest over the server's default period.
     *
     * @param method  the method
     * @param symbols the assets
     * @return the request
     */
    public static BacktestRequest of(String method, List<String> symbols) {
        return new BacktestRequest(method, symbols, null, null, null, null, null, null, null);
    }
}

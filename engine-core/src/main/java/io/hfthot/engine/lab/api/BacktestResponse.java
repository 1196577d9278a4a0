package io.hfthot.engine.lab.api;

import java.util.List;

/**
 * The result of a backtest.
 *
 * @param method      the optimiser used at each rebalance
 * @param symbols     the assets
 * @param equityCurve equity per day from the first rebalance on
 * @param metrics     performance metrics
 * @param rebalances  number of rebalances
 */
public record BacktestResponse(String method, List<String> symbols, List<EquityPoint> equityCurve,
                               BacktestMetrics metrics, int rebalances) {
    /** Copies the lists. */
    public BacktestResponse {
        symbols = List.copyOf(symbols);
        equityCurve = List.copyOf(equityCurve);
    }
}

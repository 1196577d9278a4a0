package io.hfthot.client.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code POST /v1/portfolio/backtest}.
 *
 * @param method      the optimiser used at each rebalance
 * @param symbols     the assets
 * @param equityCurve equity per day
 * @param metrics     performance metrics
 * @param rebalances  number of rebalances
 */
public record BacktestResponse(String method, List<String> symbols, List<EquityPoint> equityCurve,
                               BacktestMetrics metrics, int rebalances) {
    /** Checks and copies. */
    public BacktestResponse {
        symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
        equityCurve = List.copyOf(Objects.requireNonNull(equityCurve, "equityCurve"));
        Objects.requireNonNull(metrics, "metrics");
    }
}

package io.hfthot.quant.backtest;

import io.hfthot.quant.SolverStatus;

/**
 * One rebalancing decision of a backtest.
 *
 * @param bar      the bar at whose close the trade happened
 * @param weights  the weights held after the trade (copied); the previous holdings if the optimiser failed
 * @param status   the optimiser's status; the trade is skipped unless it is usable
 * @param turnover traded notional as a fraction of equity, {@code sum_i |w_target_i - w_drifted_i|}
 * @param cost     the cost paid as a fraction of equity, {@code turnover * costBps / 10^4}
 */
public record Rebalance(int bar, double[] weights, SolverStatus status, double turnover, double cost) {

    /** Takes a defensive copy. */
    public Rebalance {
        weights = weights.clone();
    }

    /** Returns a copy of the weights. */
    @Override
    public double[] weights() {
        return weights.clone();
    }
}

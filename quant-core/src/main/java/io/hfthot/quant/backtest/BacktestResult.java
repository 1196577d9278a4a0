package io.hfthot.quant.backtest;

import io.hfthot.quant.SolverStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of a backtest.
 *
 * @param symbols    the symbols, in the price history's order
 * @param firstBar   the bar of the first rebalance; {@code equity[j]} is the value at the close of bar
 *                   {@code firstBar + j}
 * @param times      the bar times of the equity curve (copied)
 * @param equity     the equity curve, starting at 1 at {@code firstBar} (copied)
 * @param returns    net period returns, {@code returns[j] = equity[j + 1] / equity[j] - 1} (copied)
 * @param rebalances the rebalancing decisions in time order
 * @param metrics    the performance metrics of {@code returns}
 * @param status     {@code CONVERGED} when the run reached the last bar, {@code CANCELLED} when the thread was
 *                   interrupted (the curve then ends at the last bar done)
 */
public record BacktestResult(List<String> symbols, int firstBar, long[] times, double[] equity, double[] returns,
        List<Rebalance> rebalances, PerformanceMetrics metrics, SolverStatus status) {

    /** Takes defensive copies. */
    public BacktestResult {
        Objects.requireNonNull(status, "status");
        symbols = Collections.unmodifiableList(new ArrayList<>(symbols));
        times = times.clone();
        equity = equity.clone();
        returns = returns.clone();
        rebalances = Collections.unmodifiableList(new ArrayList<>(rebalances));
    }

    /** Returns a copy of the times. */
    @Override
    public long[] times() {
        return times.clone();
    }

    /** Returns a copy of the equity curve. */
    @Override
    public double[] equity() {
        return equity.clone();
    }

    /** Returns a copy of the net returns. */
    @Override
    public double[] returns() {
        return returns.clone();
    }
}

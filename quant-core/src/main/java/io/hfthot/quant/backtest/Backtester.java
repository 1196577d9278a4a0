package io.hfthot.quant.backtest;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.portfolio.PortfolioWorkspace;
import io.hfthot.quant.stats.Returns;
import io.hfthot.quant.SolverStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Walk-forward backtest: at the close of bar {@code t = lookback, lookback + k, ...} (never the last bar) the
 * optimiser sees only the {@code lookback} simple returns ending at bar {@code t} (prices of bars
 * {@code t - lookback .. t}), estimates mean and covariance annualised by {@code periodsPerYear}, and the
 * portfolio trades to its weights at that close, paying {@code costBps} on the traded notional. Between
 * rebalances the weights drift with prices; any weight not invested (when the optimiser's status is not
 * usable at the first rebalance) is cash earning nothing.
 *
 * <p>Accounting per bar: with weights {@code w} after trading at bar {@code t}, cost {@code c_t} (0 without a
 * trade) and asset returns {@code R_i = p_{t+1,i} / p_{t,i} - 1}, the net return is
 * {@code (1 - c_t)(1 + w'R) - 1} and the weights drift to {@code w_i (1 + R_i) / (1 + w'R)}. If the value
 * reaches zero (possible with shorts) it stays there and trading stops.
 *
 * <p>Cancellation: the run checks {@link Thread#isInterrupted()} once per bar; an interrupted run returns the
 * curve, rebalances and metrics of the bars done so far with status {@link SolverStatus#CANCELLED} (the flag
 * stays set). A run to the last bar has status {@link SolverStatus#CONVERGED}.
 *
 * <p>Stateless and thread-safe; each run uses its own workspace.
 */
public final class Backtester {

    /** Creates a backtester. */
    public Backtester() {
    }

    /**
     * Runs a backtest.
     *
     * @param prices the price history
     * @param config the rebalancing configuration
     * @return the equity curve, rebalances and metrics
     * @throws IllegalArgumentException if the history is not longer than the lookback window
     */
    public BacktestResult run(PriceHistory prices, BacktestConfig config) {
        double[][] p = prices.closesRaw();
        int bars = p.length;
        int n = prices.symbols().size();
        int first = config.lookback();
        if (first >= bars - 1) {
            throw new InvalidParameterException("prices", "prices must have more than lookback + 1 = " + (first + 1)
                    + " bars, got " + bars);
        }
        PortfolioWorkspace ws = new PortfolioWorkspace(n);
        double[] w = new double[n];
        double costRate = config.costBps() / 10_000.0;
        int periods = bars - 1 - first;
        double[] equity = new double[periods + 1];
        double[] returns = new double[periods];
        long[] allTimes = prices.times();
        long[] times = new long[periods + 1];
        List<Rebalance> rebalances = new ArrayList<>();
        double totalTurnover = 0;
        equity[0] = 1.0;
        times[0] = allTimes[first];
        boolean ruined = false;
        int done = periods;
        for (int t = first; t < bars - 1; t++) {
            int j = t - first;
            if (j > 0 && Thread.currentThread().isInterrupted()) {
                // Cooperative cancellation, checked once per bar: the result covers the bars done so far.
                done = j;
                break;
            }
            double cost = 0;
            if (!ruined && (t - first) % config.rebalanceEvery() == 0) {
                PortfolioResult r = optimise(prices, p, t, config, ws);
                double turnover = 0;
                if (r.status().isUsable()) {
                    double[] target = r.weights();
                    for (int i = 0; i < n; i++) {
                        turnover += Math.abs(target[i] - w[i]);
                    }
                    w = target;
                }
                cost = turnover * costRate;
                totalTurnover += turnover;
                rebalances.add(new Rebalance(t, w, r.status(), turnover, cost));
            }
            double gross = 0;
            for (int i = 0; i < n; i++) {
                gross += w[i] * (p[t + 1][i] / p[t][i] - 1.0);
            }
            double growth = (1 - cost) * (1 + gross);
            if (ruined || growth <= 0) {
                ruined = true;
                growth = 0;
            } else {
                for (int i = 0; i < n; i++) {
                    w[i] = w[i] * (p[t + 1][i] / p[t][i]) / (1 + gross);
                }
            }
            equity[j + 1] = equity[j] * growth;
            returns[j] = equity[j] > 0 ? growth - 1 : 0.0;
            times[j + 1] = allTimes[t + 1];
        }
        SolverStatus status = done == periods ? SolverStatus.CONVERGED : SolverStatus.CANCELLED;
        if (done < periods) {
            returns = Arrays.copyOf(returns, done);
            equity = Arrays.copyOf(equity, done + 1);
            times = Arrays.copyOf(times, done + 1);
        }
        PerformanceMetrics metrics = PerformanceMetrics.compute(returns, config.periodsPerYear(),
                config.riskFreePerPeriod(), totalTurnover);
        return new BacktestResult(prices.symbols(), first, times, equity, returns, rebalances, metrics, status);
    }

    /** Builds the window's problem from prices up to and including bar {@code t} only, and solves it. */
    private static PortfolioResult optimise(PriceHistory prices, double[][] p, int t, BacktestConfig config,
            PortfolioWorkspace ws) {
        double[][] window = Returns.simple(p, t - config.lookback(), t);
        PortfolioProblem.Builder b = PortfolioProblem.builder(prices.symbols())
                .estimateFrom(window, config.estimator(), config.periodsPerYear());
        PortfolioProblem problem = config.problemSettings().apply(b).build();
        return config.optimizer().optimize(problem, ws);
    }
}

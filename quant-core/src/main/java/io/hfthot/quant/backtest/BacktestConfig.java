package io.hfthot.quant.backtest;

import io.hfthot.quant.Checks;
import io.hfthot.quant.portfolio.PortfolioOptimizer;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.stats.CovarianceEstimator;
import io.hfthot.quant.stats.LedoitWolfCovariance;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * How a walk-forward backtest rebalances.
 *
 * @param optimizer         the method that turns a trailing window into target weights
 * @param estimator         the covariance estimator applied to the window's simple returns
 * @param lookback          number of returns in the trailing window ({@code >= 2}); the first rebalance is at
 *                          bar {@code lookback}
 * @param rebalanceEvery    rebalance every {@code k >= 1} bars
 * @param costBps           proportional transaction cost in basis points of traded notional ({@code >= 0})
 * @param periodsPerYear    bars per year, used to annualise the window's estimates and the metrics (252 for
 *                          daily bars)
 * @param riskFreePerPeriod risk-free return per bar for Sharpe and Sortino (empyrical's {@code risk_free})
 * @param problemSettings   applied to every window's problem builder to set gamma, rho, bounds, budgets or a
 *                          ridge (identity by default)
 */
public record BacktestConfig(PortfolioOptimizer optimizer, CovarianceEstimator estimator, int lookback,
        int rebalanceEvery, double costBps, double periodsPerYear, double riskFreePerPeriod,
        UnaryOperator<PortfolioProblem.Builder> problemSettings) {

    /** Validates the configuration. */
    public BacktestConfig {
        Objects.requireNonNull(optimizer, "optimizer");
        Objects.requireNonNull(estimator, "estimator");
        Objects.requireNonNull(problemSettings, "problemSettings");
        Checks.inRange(lookback, 2, Integer.MAX_VALUE, "lookback");
        Checks.inRange(rebalanceEvery, 1, Integer.MAX_VALUE, "rebalanceEvery");
        Checks.nonNegative(costBps, "costBps");
        Checks.positive(periodsPerYear, "periodsPerYear");
        Checks.finite(riskFreePerPeriod, "riskFreePerPeriod");
    }

    /**
     * A configuration with Ledoit-Wolf constant-correlation estimates, 252 periods a year, no risk-free rate
     * and default problem parameters.
     *
     * @param optimizer      the optimiser
     * @param lookback       returns per trailing window
     * @param rebalanceEvery bars between rebalances
     * @param costBps        transaction cost in basis points
     * @return the configuration
     */
    public static BacktestConfig of(PortfolioOptimizer optimizer, int lookback, int rebalanceEvery, double costBps) {
        return new BacktestConfig(optimizer, LedoitWolfCovariance.constantCorrelation(), lookback, rebalanceEvery,
                costBps, PerformanceMetrics.TRADING_DAYS, 0.0, UnaryOperator.identity());
    }
}

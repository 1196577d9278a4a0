package io.hfthot.engine.lab.api;

/**
 * Performance metrics of a backtest (daily periods, 365 per year for crypto markets).
 *
 * @param periods          daily returns evaluated
 * @param totalReturn      final equity minus 1
 * @param cagr             compound annual growth rate
 * @param annualVolatility annualised standard deviation of daily returns
 * @param sharpe           annualised Sharpe ratio (risk-free 0)
 * @param sortino          annualised Sortino ratio (+Infinity when no day lost)
 * @param maxDrawdown      worst peak-to-trough loss as a positive fraction
 * @param turnover         summed turnover of all rebalances
 * @param costs            summed transaction costs as a fraction of equity
 */
public record BacktestMetrics(int periods, double totalReturn, double cagr, double annualVolatility, double sharpe,
                              double sortino, double maxDrawdown, double turnover, double costs) {
}

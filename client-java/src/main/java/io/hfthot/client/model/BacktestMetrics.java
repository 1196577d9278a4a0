package io.hfthot.client.model;

/**
 * Performance of a backtest.
 *
 * @param periods          daily returns evaluated
 * @param totalReturn      final equity minus 1
 * @param cagr             compound annual growth rate
 * @param annualVolatility annualised volatility
 * @param sharpe           annualised Sharpe ratio
 * @param sortino          annualised Sortino ratio (+Infinity when no day lost)
 * @param maxDrawdown      worst peak-to-trough loss, positive
 * @param turnover         summed turnover
 * @param costs            summed costs as a fraction of equity
 */
public record BacktestMetrics(int periods, double totalReturn, double cagr, double annualVolatility, double sharpe,
                              double sortino, double maxDrawdown, double turnover, double costs) {
}

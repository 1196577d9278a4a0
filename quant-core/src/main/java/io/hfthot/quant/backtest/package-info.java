/**
 * Walk-forward backtests of any {@link io.hfthot.quant.portfolio.PortfolioOptimizer} on price histories, with
 * transaction costs, and performance metrics in the conventions of the empyrical library.
 */
package io.hfthot.quant.backtest;

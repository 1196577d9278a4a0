package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.backtest.BacktestConfig;
import io.hfthot.quant.backtest.BacktestResult;
import io.hfthot.quant.backtest.Backtester;
import io.hfthot.quant.backtest.PriceHistory;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * A full walk-forward backtest: 504 daily bars of 50 assets, 120-day window, monthly (21-bar) rebalancing,
 * 10 bps costs, Ledoit-Wolf estimates: 18 estimations and solves plus daily accounting. No peer figure is
 * named in the issue; it is reported for capacity planning of the gRPC {@code Backtest} call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class BacktestBenchmark {

    @Param({"cara", "risk_parity", "sparse_l1"})
    String method;

    PriceHistory prices;
    BacktestConfig config;
    final Backtester backtester = new Backtester();

    /** Builds the price history and the configuration. */
    @Setup
    public void setUp() {
        int n = 50;
        double[][] r = BenchmarkProblems.dailyReturns(7, n);
        double[][] p = new double[r.length + 1][n];
        long[] times = new long[r.length + 1];
        java.util.Arrays.fill(p[0], 100.0);
        for (int t = 0; t < r.length; t++) {
            times[t + 1] = t + 1;
            for (int i = 0; i < n; i++) {
                p[t + 1][i] = p[t][i] * (1 + r[t][i]);
            }
        }
        prices = new PriceHistory(BenchmarkProblems.symbols(n), times, p);
        config = BacktestConfig.of(PortfolioOptimizers.byName(method), 120, 21, 10);
    }

    /** One full backtest. */
    @Benchmark
    public BacktestResult backtest() {
        return backtester.run(prices, config);
    }
}

package io.hfthot.benchmarks.market;

import io.hfthot.engine.market.HistoryPlan;
import io.hfthot.engine.market.SimulatedMarket;
import io.hfthot.engine.market.SimulatedMarketConfig;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Start-up history generation of {@link SimulatedMarket} for the three default symbols: the default plan
 * (30 days of 1m, 1 year of 5m, 5 years of 1h, 10 years of 1d, one hour of ticks at 20/s; about 0.7 M
 * bars of all intervals and 0.2 M ticks) and the small test plan. Run with {@code -wi 0 -i 1 -f 3} for
 * the cold-JVM figure.
 *
 * <p>Peer figure: writing the result must dominate, not generating it; Delta Kernel 4.4 writes 1 M OHLCV
 * rows in one commit in ~540 ms on these machines (DEPENDENCIES.md), and the brief asks for a start-up
 * under 2-3 s for all symbols.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class HistoryGenerationBenchmark {
    /** The history plan. */
    @Param({"default", "small"})
    public String plan;

    /**
     * Builds a market, generating all of its history.
     *
     * @return the market
     */
    @Benchmark
    public SimulatedMarket generate() {
        long start = Instant.parse("2026-11-21T10:30:00Z").toEpochMilli();
        HistoryPlan history = "small".equals(plan) ? HistoryPlan.small() : HistoryPlan.defaults();
        return new SimulatedMarket(SimulatedMarketConfig.defaults(42).withHistory(history),
                () -> Instant.ofEpochMilli(start));
    }
}

package io.hfthot.benchmarks.market;

import io.hfthot.engine.market.HistoryPlan;
import io.hfthot.engine.market.SimulatedMarket;
import io.hfthot.engine.market.SimulatedMarketConfig;
import io.hfthot.engine.market.Tick;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Pulling already generated ticks as {@link Tick} records through {@code ticksSince}, as a stream
 * fan-out does per batch (the clock does not move, so nothing is generated). Scores are ticks per
 * second.
 *
 * <p>Peer figure: StreamTicks must reach >= 300k msg/s to one client (HFThot API issue), and a bare
 * grpc-java server stream reaches ~550k msg/s on these machines; the pull must stay well above both.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class TickPullBenchmark {
    /** Ticks per pull. */
    @Param({"1000"})
    public int batch;

    private SimulatedMarket market;
    private long after;

    /** Builds a market holding about 100k BTC-USDT ticks. */
    @Setup(Level.Trial)
    public void setUp() {
        long start = Instant.parse("2026-11-21T10:00:00Z").toEpochMilli();
        SimulatedMarketConfig base = SimulatedMarketConfig.defaults(1);
        market = new SimulatedMarket(new SimulatedMarketConfig(1, base.symbols(), 100,
                new HistoryPlan(1, 1, 1, 1, 17), 1 << 17), () -> Instant.ofEpochMilli(start));
        after = market.lastSequence("BTC-USDT") - batch;
    }

    /**
     * Pulls the latest batch of ticks.
     *
     * @return the batch
     */
    @Benchmark
    @OperationsPerInvocation(1000)
    public List<Tick> pullBatch() {
        return market.ticksSince("BTC-USDT", after, batch);
    }
}

package io.hfthot.benchmarks.lab;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.api.OhlcvRequest;
import io.hfthot.engine.lab.api.OhlcvResponse;
import io.hfthot.engine.lab.api.RegimeResponse;
import io.hfthot.engine.market.HistoryPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Engine-call latency of the lab's two hot routes, with no transport: {@code ohlcv} (lakehouse read cache
 * merged with the live simulator, tier depth check, validation) and {@code regime} (cached HMM signal).
 *
 * <p>Peer figures: seed 000 quotes {@code latency_ms: 18} for an OHLCV response and {@code latency_us: 94} for
 * the regime endpoint (the Polarway/optimiz-rs service it describes). The engine runs on the wall clock with a
 * one-year 1m/5m history ({@code HistoryPlan(30, 365, 400, 800, 30)}), background jobs off; each iteration
 * starts with one maintenance round so the lakehouse holds every closed bar, as the 60 s appender keeps it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class LabEngineBenchmark {
    /** Bars per OHLCV request (seed default 500, example 100). */
    @Param({"100", "500"})
    public int limit;

    /** OHLCV interval. */
    @Param({"1m", "5m"})
    public String interval;

    private Path dir;
    private LabService engine;
    private Principal caller;
    private OhlcvRequest request;

    /** Starts the engine over a fresh lakehouse (first start: history written in bulk). */
    @Setup(Level.Trial)
    public void start() throws IOException {
        dir = Files.createTempDirectory("lab-bench");
        LabConfig config = new LabConfig(dir, 42L, new HistoryPlan(30, 365, 400, 800, 30), 20.0, false,
                Duration.ofMillis(10), Duration.ofSeconds(60), Duration.ofMinutes(15), 3000, false, 2);
        engine = LabService.startInMemoryIdentity(config, Clock.systemUTC(), null);
        caller = new Principal("bench", "bench", Tier.PROFESSIONAL, Instant.now());
        request = new OhlcvRequest("BTC-USDT", interval, null, null, limit);
    }

    /** Appends what closed since the previous iteration, as the background appender would. */
    @Setup(Level.Iteration)
    public void append() {
        engine.runMaintenance();
    }

    /** Closes the engine and deletes the lakehouse. */
    @TearDown(Level.Trial)
    public void stop() throws IOException {
        engine.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * One OHLCV call with defaults apart from the limit (end now, start 1000 bars back).
     *
     * @return the response
     */
    @Benchmark
    public OhlcvResponse ohlcv() {
        return engine.ohlcv(caller, request);
    }

    /**
     * One regime call with the default lookback (200).
     *
     * @return the response
     */
    @Benchmark
    public RegimeResponse regime() {
        return engine.regime("BTC-USDT", null);
    }
}

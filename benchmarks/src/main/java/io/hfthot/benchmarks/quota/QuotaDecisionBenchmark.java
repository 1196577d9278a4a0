package io.hfthot.benchmarks.quota;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.InMemoryStreamLimiter;
import io.hfthot.engine.quota.QuotaDecision;
import io.hfthot.engine.quota.QuotaEngine;
import io.hfthot.engine.quota.QuotaTable;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * Throughput of one quota decision ({@code QuotaEngine.decide(principal, REST_REQUEST, now)}).
 *
 * <p>Compared with the goal set for the engine: at least 5 million decisions per second on one thread,
 * with no global lock (so distinct keys scale with threads). Time advances by {@code stepMicros} per
 * decision: 30 000 us is exactly the Professional rate (2000/min), so in steady state every decision is
 * admitted and evicts one entry from a full 2000-entry log (the most expensive path); 0 keeps the window
 * saturated so every decision is a refusal.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class QuotaDecisionBenchmark {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** One engine and one key shared by every thread. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** Microseconds the clock advances per decision. */
        @Param({"30000", "0"})
        public long stepMicros;

        QuotaEngine engine;
        Principal principal;
        final AtomicLong ticks = new AtomicLong();

        /** Builds the engine with seed 000's table. */
        @Setup
        public void setUp() {
            engine = new QuotaEngine(QuotaTable.seed000(), new SlidingLogRateLimiter(), new InMemoryStreamLimiter());
            principal = new Principal("0123456789abcdef", "owner", Tier.PROFESSIONAL, T0);
        }
    }

    /** A key of its own per thread, over the shared engine. */
    @State(Scope.Thread)
    public static class PerThread {
        Principal principal;
        long tick;

        /**
         * Gives the thread its own key in its own account (keys of one account share its windows).
         *
         * @param shared the shared engine
         */
        @Setup
        public void setUp(Shared shared) {
            String id = Long.toHexString(System.identityHashCode(this)) + "-" + Thread.currentThread().getId();
            principal = new Principal(id, "owner-" + id, Tier.PROFESSIONAL, T0);
        }
    }

    /**
     * One thread, one key.
     *
     * @param shared the engine and key
     * @param local  this thread's clock
     * @return the decision
     */
    @Benchmark
    @Threads(1)
    public QuotaDecision singleThread(Shared shared, PerThread local) {
        return shared.engine.decide(shared.principal, Feature.REST_REQUEST,
                T0.plusNanos(++local.tick * shared.stepMicros * 1_000));
    }

    /**
     * Four threads on the same key: the worst case, all contending for one bucket's monitor.
     *
     * @param shared the engine and key
     * @return the decision
     */
    @Benchmark
    @Threads(4)
    public QuotaDecision contendedOneKey(Shared shared) {
        return shared.engine.decide(shared.principal, Feature.REST_REQUEST,
                T0.plusNanos(shared.ticks.incrementAndGet() * shared.stepMicros * 1_000));
    }

    /**
     * Four threads, each on its own key: shows there is no lock shared across keys.
     *
     * @param shared the engine
     * @param local  this thread's key and clock
     * @return the decision
     */
    @Benchmark
    @Threads(4)
    public QuotaDecision fourThreadsOwnKeys(Shared shared, PerThread local) {
        return shared.engine.decide(local.principal, Feature.REST_REQUEST,
                T0.plusNanos(++local.tick * shared.stepMicros * 1_000));
    }

    /** The full path a filter runs per request. */
    @State(Scope.Benchmark)
    public static class FullPath {
        AccessControl access;
        String rawKey;
        final AtomicLong ticks = new AtomicLong();

        /** Issues one Professional key. */
        @Setup
        public void setUp() {
            access = AccessControl.inMemory(() -> T0, RandomSecrets.system());
            rawKey = access.keys().issue("owner", Tier.PROFESSIONAL).rawKey();
        }
    }

    /**
     * Authenticate (SHA-256 of the presented key, O(1) lookup) plus decision plus usage count, one thread.
     *
     * @param path the wired facade and key
     * @return the decision
     */
    @Benchmark
    @Threads(1)
    public QuotaDecision authenticateAndDecide(FullPath path) {
        return path.access.check(path.rawKey, Feature.REST_REQUEST, T0.plusMillis(path.ticks.incrementAndGet() * 30));
    }
}

package io.hfthot.benchmarks.replicas;

import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaDecision;
import io.hfthot.engine.quota.QuotaEngine;
import io.hfthot.engine.quota.QuotaTable;
import io.hfthot.engine.redis.RedisBackends;
import io.hfthot.engine.redis.RedisOptions;
import io.hfthot.engine.usage.UsageService;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;

/**
 * Quota decisions through Redis on loopback (issue 18's goals: at least 20,000 decisions per second from one
 * server, and at most 0.5 ms p99 added to a REST request).
 *
 * <p>Needs a running {@code redis-server} (default {@code redis://127.0.0.1:6390}, e.g.
 * {@code redis-server --port 6390 --bind 127.0.0.1 --save '' --appendonly no}); every trial writes under a fresh
 * key namespace. Each thread has its own Professional account and its time advances 30 ms per decision, exactly
 * the Professional rate (2000/min): in steady state every decision is admitted and evicts one entry of a full
 * 2000-entry window, the most expensive path of {@code sliding_window.lua}.
 *
 * <p>{@link #decision} is one {@code QuotaEngine.decide} (one EVALSHA). {@link #restRequestWork} is the access
 * check the REST filter makes on every request ({@code AccessControl.check}: key verification, the REST rate
 * decision, the usage count) over the Redis stores, exactly as a {@code --redis} server wires them;
 * {@link #restRequestWorkInMemory} is the same check over the in-memory stores of a single server. The difference
 * of their latency distributions (run with {@code -bm sample}) is what Redis adds to a request.
 */
@OutputTimeUnit(TimeUnit.SECONDS)
public class RedisQuotaBenchmark {
    private static final Instant T0 = Instant.parse("2026-03-01T00:00:00Z");

    /** The Redis stores shared by the threads. */
    @State(Scope.Benchmark)
    public static class Shared {
        /** The Redis to use. */
        @Param({"redis://127.0.0.1:6390"})
        public String redisUri;

        RedisBackends redis;
        QuotaEngine quotas;
        AccessControl redisAccess;
        AccessControl memoryAccess;

        /** Connects under a fresh namespace. */
        @Setup(Level.Trial)
        public void connect() {
            redis = RedisBackends.connect(new RedisOptions(redisUri, "bench" + System.nanoTime(), Duration.ofSeconds(2)));
            quotas = new QuotaEngine(QuotaTable.seed000(), redis.rateLimiter(), redis.streamLimiter());
            redisAccess = new AccessControl(new ApiKeyService(redis.apiKeys(), RandomSecrets.system(),
                    InstantSource.fixed(T0)), quotas, new UsageService(quotas, redis.usage()));
            memoryAccess = AccessControl.inMemory(InstantSource.fixed(T0), RandomSecrets.system());
        }

        /** Closes the connection (after sending the recorded usage counts). */
        @TearDown(Level.Trial)
        public void close() {
            redis.close();
        }
    }

    /** A Professional key of its own per thread, in each store. */
    @State(Scope.Thread)
    public static class PerThread {
        Principal principal;
        String redisKey;
        String memoryKey;
        long tick;

        /**
         * Issues the thread's keys.
         *
         * @param shared the stores
         */
        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            String account = "acct-" + System.nanoTime() + "-" + Thread.currentThread().getId();
            IssuedApiKey issued = shared.redisAccess.keys().issue(account, Tier.PROFESSIONAL);
            redisKey = issued.rawKey();
            principal = issued.record().principal();
            memoryKey = shared.memoryAccess.keys().issue(account, Tier.PROFESSIONAL).rawKey();
        }

        Instant next() {
            return T0.plusMillis(30 * ++tick);
        }
    }

    /**
     * One rate decision through Redis, 16 threads (one server's request threads).
     *
     * @param shared the stores
     * @param mine   the thread's key
     * @return the decision
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @Threads(16)
    public QuotaDecision decision(Shared shared, PerThread mine) {
        return shared.quotas.decide(mine.principal, Feature.REST_REQUEST, mine.next());
    }

    /**
     * The REST filter's access check over the Redis stores, one thread: its latency distribution.
     *
     * @param shared the stores
     * @param mine   the thread's key
     * @return the decision
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public QuotaDecision restRequestWork(Shared shared, PerThread mine) {
        return shared.redisAccess.check(mine.redisKey, Feature.REST_REQUEST, mine.next());
    }

    /**
     * The same check over the in-memory stores, one thread: the baseline {@link #restRequestWork} adds to.
     *
     * @param shared the stores
     * @param mine   the thread's key
     * @return the decision
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public QuotaDecision restRequestWorkInMemory(Shared shared, PerThread mine) {
        return shared.memoryAccess.check(mine.memoryKey, Feature.REST_REQUEST, mine.next());
    }
}

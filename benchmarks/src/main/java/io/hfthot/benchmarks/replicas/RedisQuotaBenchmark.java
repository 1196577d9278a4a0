package io.hfthot.benchmarks.replicas;

import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaDecision;
import io.hfthot.engine.quota.QuotaEngine;
import io.hfthot.engine.quota.QuotaTable;
import io.hfthot.engine.redis.RedisApiKeyStore;
import io.hfthot.engine.redis.RedisBackends;
import io.hfthot.engine.redis.RedisOptions;
import io.hfthot.engine.redis.RedisUsageStore;
import java.time.Duration;
import java.time.Instant;
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
 * <p>{@link #decision} is one {@code QuotaEngine.decide} (one EVALSHA); {@link #restRequestWork} is everything a
 * REST request asks Redis under {@code --redis}: the key lookup, the rate decision and the usage count (three
 * round trips), whose latency is what Redis adds to the request.
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
        RedisApiKeyStore keys;
        RedisUsageStore usage;

        /** Connects under a fresh namespace. */
        @Setup(Level.Trial)
        public void connect() {
            redis = RedisBackends.connect(new RedisOptions(redisUri, "bench" + System.nanoTime(), Duration.ofSeconds(2)));
            quotas = new QuotaEngine(QuotaTable.seed000(), redis.rateLimiter(), redis.streamLimiter());
            keys = redis.apiKeys();
            usage = redis.usage();
        }

        /** Closes the connection. */
        @TearDown(Level.Trial)
        public void close() {
            redis.close();
        }
    }

    /** A Professional key of its own per thread. */
    @State(Scope.Thread)
    public static class PerThread {
        Principal principal;
        Fingerprint fingerprint;
        long tick;

        /**
         * Stores the thread's key.
         *
         * @param shared the stores
         */
        @Setup(Level.Trial)
        public void setUp(Shared shared) {
            String raw = "hft_pro_bench" + System.nanoTime() + Thread.currentThread().getId();
            fingerprint = Fingerprint.of(raw);
            ApiKeyRecord row = new ApiKeyRecord(fingerprint, "hft_pro_…" + raw.substring(raw.length() - 4),
                    "acct-" + fingerprint.shortId(), Tier.PROFESSIONAL, T0, null);
            shared.keys.insert(row);
            principal = row.principal();
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
     * The Redis work of one REST request (key lookup, rate decision, usage count), one thread: its latency
     * distribution (run with {@code -bm sample}) is what Redis adds to a request.
     *
     * @param shared the stores
     * @param mine   the thread's key
     * @return the usage total
     */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public long restRequestWork(Shared shared, PerThread mine) {
        Principal p = shared.keys.find(mine.fingerprint).orElseThrow().principal();
        Instant now = mine.next();
        QuotaDecision d = shared.quotas.decide(p, Feature.REST_REQUEST, now);
        return shared.usage.add(p.keyId(), now.getEpochSecond() / 86_400, d.allowed() ? 1 : 0);
    }
}

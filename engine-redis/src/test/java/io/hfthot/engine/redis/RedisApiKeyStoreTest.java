package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.ApiKeyStore;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.testkit.ApiKeyStoreContract;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link ApiKeyStoreContract} on {@link RedisApiKeyStore} against a real redis-server, then checks the
 * replica promises: a key created on one replica is found on another at once, a revoked one stops within 1 s, and
 * threads finding an expired entry together send one read.
 */
class RedisApiKeyStoreTest extends ApiKeyStoreContract {
    private final RedisContracts redis = new RedisContracts();

    @Override
    protected ApiKeyStore newStore() {
        return redis.fresh().apiKeys();
    }

    @AfterEach
    void closeRedis() {
        redis.close();
    }

    @Test
    void createdOnOneReplicaFoundOnAnotherAtOnceAndRevocationSeenWithinOneSecond() throws Exception {
        RedisOptions shared = RedisServer.shared().freshOptions();
        try (RedisBackends a = RedisBackends.connect(shared); RedisBackends b = RedisBackends.connect(shared)) {
            RedisApiKeyStore onA = a.apiKeys();
            RedisApiKeyStore onB = b.apiKeys();
            Fingerprint fp = Fingerprint.of("hft_pro_replica01");
            assertTrue(onB.find(fp).isEmpty(), "unknown yet (and a miss is not cached)");
            Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
            onA.insert(new ApiKeyRecord(fp, "hft_pro_…ca01", "acct", Tier.PROFESSIONAL, t0, null));
            assertTrue(onB.find(fp).orElseThrow().active(), "created on A, found on B at once");
            onA.revoke(fp, t0.plusSeconds(1));
            assertEquals(false, onA.find(fp).orElseThrow().active(), "the revoking replica sees it at once");
            long start = System.nanoTime();
            while (onB.find(fp).orElseThrow().active()) {
                assertTrue(System.nanoTime() - start < 1_000_000_000L, "revocation not seen on B within 1 s");
                Thread.sleep(20);
            }
        }
    }

    @Test
    void threadsThatFindTheSameExpiredEntryTogetherReadRedisOnce() throws Exception {
        try (RedisServer own = RedisServer.start();
                RedisBackends backends = RedisBackends.connect(new RedisOptions(own.uri(), "flight", Duration.ofSeconds(2)))) {
            RedisApiKeyStore keys = backends.apiKeys();
            Fingerprint fp = Fingerprint.of("hft_pro_together01");
            keys.insert(new ApiKeyRecord(fp, "hft_pro_…er01", "acct", Tier.PROFESSIONAL,
                    Instant.parse("2026-01-01T00:00:00Z"), null));
            RedisClient client = RedisClient.create(own.uri());
            try (StatefulRedisConnection<String, String> stats = client.connect()) {
                int threads = 16;
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    for (int round = 0; round < 3; round++) {
                        Thread.sleep(RedisApiKeyStore.CACHE_TTL.toMillis() + 50);
                        long before = hgetallCalls(stats);
                        CyclicBarrier together = new CyclicBarrier(threads);
                        List<Future<Boolean>> found = new ArrayList<>();
                        for (int t = 0; t < threads; t++) {
                            found.add(pool.submit(() -> {
                                together.await();
                                return keys.find(fp).orElseThrow().active();
                            }));
                        }
                        for (Future<Boolean> f : found) {
                            assertTrue(f.get(10, TimeUnit.SECONDS));
                        }
                        // Either a thread joined the one read in flight or it found the entry that read cached.
                        assertEquals(1, hgetallCalls(stats) - before, "round " + round);
                    }
                } finally {
                    pool.shutdownNow();
                }
            } finally {
                client.shutdown();
            }
        }
    }

    @Test
    void aRevocationIsSeenAtOnceEvenWhileOtherThreadsAreReadingTheKey() throws Exception {
        try (RedisBackends backends = RedisBackends.connect(RedisServer.shared().freshOptions())) {
            RedisApiKeyStore keys = backends.apiKeys();
            ExecutorService readers = Executors.newFixedThreadPool(4);
            try {
                for (int k = 0; k < 20; k++) {
                    Fingerprint fp = Fingerprint.of("hft_pro_revoked" + k);
                    Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
                    keys.insert(new ApiKeyRecord(fp, "hft_pro_…ed" + k, "acct", Tier.PROFESSIONAL, t0, null));
                    AtomicBoolean stop = new AtomicBoolean();
                    List<Future<?>> reading = new ArrayList<>();
                    for (int t = 0; t < 4; t++) {
                        reading.add(readers.submit(() -> {
                            while (!stop.get()) {
                                keys.find(fp);
                            }
                        }));
                    }
                    Thread.sleep(k % 5);
                    keys.revoke(fp, t0.plusSeconds(1));
                    assertFalse(keys.find(fp).orElseThrow().active(), "key " + k + " still active after its revocation");
                    stop.set(true);
                    for (Future<?> f : reading) {
                        f.get(10, TimeUnit.SECONDS);
                    }
                }
            } finally {
                readers.shutdownNow();
            }
        }
    }

    private static long hgetallCalls(StatefulRedisConnection<String, String> stats) {
        Matcher m = Pattern.compile("cmdstat_hgetall:calls=(\\d+)").matcher(stats.sync().info("commandstats"));
        return m.find() ? Long.parseLong(m.group(1)) : 0;
    }
}

package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaEngine;
import io.hfthot.engine.quota.QuotaTable;
import io.hfthot.engine.usage.UsageService;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The write-behind path of {@link RedisUsageStore#record}: counts reach the other replicas within a flush
 * interval, are sent at close, are applied exactly once when a batch is re-sent after a timeout, and recording
 * fails closed once Redis stops acknowledging. Two backends on one namespace stand for two replicas.
 */
class RedisUsageWriteBehindTest {
    private static final long DAY = 20_500;
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private RedisServer server;
    private RedisBackends a;
    private RedisBackends b;

    @BeforeEach
    void start() throws Exception {
        server = RedisServer.start();
        RedisOptions options = new RedisOptions(server.uri(), "wb", TIMEOUT);
        a = RedisBackends.connect(options);
        b = RedisBackends.connect(options);
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        server.close();
    }

    /** What replica B reads from Redis alone (B has recorded nothing itself, so its flush sends nothing). */
    private long seenByB(String subject) {
        return b.usage().requests(subject, DAY);
    }

    private long awaitSeenByB(String subject, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        long seen = seenByB(subject);
        while (seen != expected && System.nanoTime() < deadline) {
            Thread.sleep(20);
            seen = seenByB(subject);
        }
        return seen;
    }

    @Test
    void recordedCountsReachTheOtherReplicaWithinAFewFlushIntervals() throws Exception {
        for (int i = 0; i < 5; i++) {
            a.usage().record("k", DAY, 1);
        }
        long started = System.nanoTime();
        assertEquals(5, awaitSeenByB("k", 5));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 5 * RedisUsageStore.FLUSH_INTERVAL.toMillis() + 1_000,
                "seen on B after " + tookMillis + " ms");
        assertEquals(6, a.usage().add("k", DAY, 1), "add returns the shared total");
    }

    @Test
    void closingSendsWhatIsPending() {
        for (int i = 0; i < 7; i++) {
            a.usage().record("c", DAY, 1);
        }
        a.close();
        assertEquals(7, seenByB("c"));
    }

    @Test
    void moreCountersThanOneBatchAreAllSent() {
        int subjects = RedisUsageStore.MAX_BATCH * 2 + 17;
        for (int i = 0; i < subjects; i++) {
            a.usage().record("s" + i, DAY, i + 1);
        }
        a.usage().flush();
        for (int i = 0; i < subjects; i += 97) {
            assertEquals(i + 1, seenByB("s" + i), "subject s" + i);
        }
        assertEquals(subjects, seenByB("s" + (subjects - 1)));
    }

    @Test
    void aBatchResentAfterATimeoutIsCountedOnceAndRecordingFailsClosedMeanwhile() throws Exception {
        a.usage().record("p", DAY, 1);
        a.usage().flush();
        long accepted = 1;
        server.pause();
        try {
            // Accepted while the lag is young: counted locally and sent (the frozen Redis will run it on resume).
            a.usage().record("p", DAY, 3);
            accepted += 3;
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            EngineException refused = null;
            while (refused == null && System.nanoTime() < deadline) {
                try {
                    a.usage().record("p", DAY, 1);
                    accepted++;
                    Thread.sleep(20);
                } catch (EngineException e) {
                    refused = e;
                }
            }
            assertTrue(refused != null, "recording must be refused once Redis stops acknowledging");
            assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refused.code());
            assertTrue(refused.getMessage().contains("Redis"), refused.getMessage());
            // Let the flusher re-send the same batch a few times into the frozen server.
            Thread.sleep(3 * TIMEOUT.toMillis());
        } finally {
            server.resume();
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean resumed = false;
        while (!resumed && System.nanoTime() < deadline) {
            try {
                a.usage().record("p", DAY, 0);
                resumed = true;
            } catch (EngineException e) {
                Thread.sleep(50);
            }
        }
        assertTrue(resumed, "recording resumes when Redis answers again");
        // Every accepted count exactly once, although its batch reached the frozen Redis several times.
        assertEquals(accepted, a.usage().requests("p", DAY));
        assertEquals(accepted, seenByB("p"));
    }

    @Test
    void recordingIsRefusedWhileRedisIsStoppedAndResumesOnItsReturn() throws Exception {
        a.usage().record("d", DAY, 1);
        server.stop();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        boolean refused = false;
        while (!refused && System.nanoTime() < deadline) {
            try {
                a.usage().record("d", DAY, 1);
                Thread.sleep(20);
            } catch (EngineException e) {
                assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
                refused = true;
            }
        }
        assertTrue(refused, "refused once a flush failed");
        assertThrows(EngineException.class, () -> a.usage().record("d", DAY, 1), "stays refused while down");
        server.restart();
        deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        boolean accepted = false;
        while (!accepted && System.nanoTime() < deadline) {
            try {
                a.usage().record("d", DAY, 1);
                accepted = true;
            } catch (EngineException e) {
                Thread.sleep(50);
            }
        }
        assertTrue(accepted, "recording resumes when Redis returns");
    }

    @Test
    void anEnterpriseRequestWhichAsksRedisNothingElseIsRefusedSoonAfterRedisHangs() throws Exception {
        // Enterprise has no REST window: with its key cached, counting usage is the only Redis work of a request.
        QuotaEngine quotas = new QuotaEngine(QuotaTable.seed000(), a.rateLimiter(), a.streamLimiter());
        AccessControl access = new AccessControl(new ApiKeyService(a.apiKeys(), RandomSecrets.system(),
                InstantSource.system()), quotas, new UsageService(quotas, a.usage()));
        String key = access.keys().issue("acct-ent", Tier.ENTERPRISE).rawKey();
        assertTrue(access.check(key, Feature.REST_REQUEST, Instant.now()).allowed());
        server.pause();
        long paused = System.nanoTime();
        long refusedAfter = -1;
        int admitted = 1;
        try {
            while (refusedAfter < 0 && System.nanoTime() - paused < Duration.ofSeconds(10).toNanos()) {
                try {
                    if (access.check(key, Feature.REST_REQUEST, Instant.now()).allowed()) {
                        admitted++;
                    }
                    Thread.sleep(10);
                } catch (EngineException e) {
                    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
                    refusedAfter = (System.nanoTime() - paused) / 1_000_000;
                }
            }
        } finally {
            server.resume();
        }
        assertTrue(refusedAfter >= 0, "refused while Redis hangs");
        // Refused by whichever comes first: the usage lag bound (command timeout plus two flush intervals) or the key
        // lookup once the cached key is 0.5 s old; a loaded test machine's scheduling adds to both.
        long bound = TIMEOUT.plus(RedisUsageStore.FLUSH_INTERVAL.multipliedBy(2)).toMillis();
        assertTrue(refusedAfter <= bound + 1_000, "refused after " + refusedAfter + " ms, bound " + bound + " ms");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                access.check(key, Feature.REST_REQUEST, Instant.now());
                admitted++;
                break;
            } catch (EngineException e) {
                Thread.sleep(50);
            }
        }
        String keyId = access.keys().keysOf("acct-ent").get(0).keyId();
        long today = Math.floorDiv(Instant.now().getEpochSecond(), 86_400);
        assertEquals(admitted, a.usage().requests(keyId, today), "every admitted request counted, once");
        assertEquals(admitted, b.usage().requests(keyId, today), "and seen by the other replica");
    }
}

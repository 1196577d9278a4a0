package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.ApiKeyStore;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.testkit.ApiKeyStoreContract;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link ApiKeyStoreContract} on {@link RedisApiKeyStore} against a real redis-server, then checks the
 * replica promises: a key created on one replica is found on another at once, a revoked one stops within 1 s.
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
}

package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hub.auth.HubApiKeyRecord;
import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.secrets.SecretScope;
import io.hfthot.engine.hub.secrets.StoredSecret;
import io.hfthot.engine.hub.store.LakehouseHubApiKeyStore;
import io.hfthot.engine.hub.store.LakehouseHubUserStore;
import io.hfthot.engine.hub.store.LakehouseSecretStore;
import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.identity.lakehouse.LakehouseApiKeyStore;
import io.hfthot.engine.identity.lakehouse.LakehouseProviderKeyStore;
import io.hfthot.engine.redis.LakehouseCarryOver.Status;
import io.hfthot.engine.usage.provider.ProviderBudget;
import io.hfthot.engine.usage.provider.ProviderKeyRecord;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rows a single server stored in its lakehouse reach Redis at the first start with {@code --redis}: unchanged,
 * never over a row Redis already holds, and only once (a row deleted in Redis afterwards stays deleted, even when
 * Redis loses its data).
 */
class LakehouseCarryOverTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HASH = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

    @TempDir
    Path dir;

    @Test
    void copiesEveryIdentityRowOnceWithoutOverwritingRedis() throws Exception {
        Lakehouse lake = Lakehouse.open(dir.resolve("lakehouse"));
        ApiKeyRecord active = new ApiKeyRecord(Fingerprint.of("hft_pro_old00001"), "hft_pro_…0001", "acct",
                Tier.PROFESSIONAL, T0, null);
        ApiKeyRecord later = new ApiKeyRecord(Fingerprint.of("hft_free_old00002"), "hft_free_…0002", "acct",
                Tier.FREE_BETA, T0, null);
        LakehouseApiKeyStore keys = LakehouseApiKeyStore.open(lake);
        keys.insert(active);
        keys.insert(later);
        ApiKeyRecord revoked = keys.revoke(later.fingerprint(), T0.plusSeconds(5)).orElseThrow();
        HubUser user = new HubUser("u-1", "alice@example.com", HASH, T0);
        LakehouseHubUserStore.open(lake).insert(user);
        HubApiKeyRecord hubKey = new HubApiKeyRecord(Fingerprint.of("hub_key_1"), "u-1", "hub_…ey_1", T0, null);
        LakehouseHubApiKeyStore.open(lake).insert(hubKey);
        SecretScope scope = SecretScope.user("u-1");
        LakehouseSecretStore secrets = LakehouseSecretStore.open(lake);
        secrets.put(new StoredSecret(scope, "OPENAI_API_KEY", new byte[] {1, 2, 3}, T0));
        secrets.put(new StoredSecret(scope, "KEPT_IN_REDIS", new byte[] {4}, T0));
        ProviderKeyRecord provider = new ProviderKeyRecord("acct", "finnhub", new byte[] {7, 8}, ProviderBudget.FINNHUB,
                T0);
        LakehouseProviderKeyStore.open(lake).put(provider);

        try (RedisBackends redis = RedisBackends.connect(RedisServer.shared().freshOptions())) {
            // A row Redis holds already (set through a replica) wins over the lakehouse's older one.
            redis.secrets().put(new StoredSecret(scope, "KEPT_IN_REDIS", new byte[] {9}, T0.plusSeconds(60)));

            Path done = dir.resolve("carried-over.txt");
            LakehouseCarryOver.Copied copied = redis.carryOver(Lakehouse.open(dir.resolve("lakehouse")), done);
            assertEquals(new LakehouseCarryOver.Copied(Status.COPIED, 2, 1, 1, 1, 1), copied);
            assertTrue(Files.exists(done), "the data directory remembers the copy");
            assertEquals(active, redis.apiKeys().find(active.fingerprint()).orElseThrow());
            assertEquals(revoked, redis.apiKeys().find(revoked.fingerprint()).orElseThrow(), "revoked stays revoked");
            assertEquals(user, redis.hubUsers().findByEmail("alice@example.com").orElseThrow());
            assertEquals(hubKey, redis.hubApiKeys().find(hubKey.fingerprint()).orElseThrow());
            assertArrayEquals(new byte[] {1, 2, 3}, redis.secrets().find(scope, "OPENAI_API_KEY").orElseThrow().sealed());
            assertArrayEquals(new byte[] {9}, redis.secrets().find(scope, "KEPT_IN_REDIS").orElseThrow().sealed());
            assertEquals(provider, redis.providerKeys().find("acct", "finnhub").orElseThrow());

            assertTrue(redis.secrets().delete(scope, "OPENAI_API_KEY"));
            assertEquals(Status.DONE_BEFORE, redis.carryOver(Lakehouse.open(dir.resolve("lakehouse")), done).status(),
                    "a second start copies nothing");
            assertTrue(redis.secrets().find(scope, "OPENAI_API_KEY").isEmpty(), "deleted in Redis, not brought back");
        }
        // A Redis that lost its data (here: a fresh namespace) gets nothing either: rows revoked or deleted since the
        // copy would come back with it.
        try (RedisBackends emptied = RedisBackends.connect(RedisServer.shared().freshOptions())) {
            assertEquals(Status.COPIED_BEFORE_ELSEWHERE, emptied.carryOver(Lakehouse.open(dir.resolve("lakehouse")),
                    dir.resolve("carried-over.txt")).status());
            assertTrue(emptied.apiKeys().find(active.fingerprint()).isEmpty());
        }
    }

    @Test
    void aNewDataDirectoryCopiesNothingAndCreatesNoTable() throws Exception {
        Lakehouse lake = Lakehouse.open(dir.resolve("empty"));
        try (RedisBackends redis = RedisBackends.connect(RedisServer.shared().freshOptions())) {
            LakehouseCarryOver.Copied copied = redis.carryOver(lake, dir.resolve("done.txt"));
            assertEquals(Status.COPIED, copied.status());
            assertEquals(0, copied.total());
        }
        for (String table : new String[] {LakehouseApiKeyStore.TABLE, LakehouseHubUserStore.TABLE,
                LakehouseHubApiKeyStore.TABLE, LakehouseSecretStore.TABLE, LakehouseProviderKeyStore.TABLE}) {
            assertFalse(lake.exists(table), table);
        }
    }
}

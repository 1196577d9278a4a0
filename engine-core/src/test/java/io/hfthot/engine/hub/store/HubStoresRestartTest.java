package io.hfthot.engine.hub.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hub.auth.HubApiKeyRecord;
import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.auth.RefreshTokenRecord;
import io.hfthot.engine.hub.secrets.SecretScope;
import io.hfthot.engine.hub.secrets.StoredSecret;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.lakehouse.Lakehouse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the lakehouse hub stores wrote is what a store opened later on the same directory reads. */
class HubStoresRestartTest {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String HASH = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";

    @TempDir
    Path dir;

    @Test
    void usersKeysTokensAndSecretsSurviveReopening() {
        Lakehouse lake = Lakehouse.open(dir);
        LakehouseHubUserStore users = LakehouseHubUserStore.open(lake);
        users.insert(new HubUser("u1", "a@example.com", HASH, T0));
        LakehouseHubApiKeyStore keys = LakehouseHubApiKeyStore.open(lake);
        keys.insert(new HubApiKeyRecord(Fingerprint.of("k1"), "u1", "hub_…k1", T0, null));
        keys.revokeUser("u1", T0.plusSeconds(5));
        keys.insert(new HubApiKeyRecord(Fingerprint.of("k2"), "u1", "hub_…k2", T0.plusSeconds(5), null));
        LakehouseRefreshTokenStore tokens = LakehouseRefreshTokenStore.open(lake);
        tokens.insert(new RefreshTokenRecord(Fingerprint.of("r1"), "u1", "f1", T0, T0.plus(Duration.ofDays(1)), null,
                null));
        tokens.insert(new RefreshTokenRecord(Fingerprint.of("r2"), "u1", "f1", T0, T0.plus(Duration.ofDays(1)), null,
                null));
        assertTrue(tokens.markUsed(Fingerprint.of("r1"), T0.plusSeconds(1)));
        assertEquals(2, tokens.revokeFamily("f1", T0.plusSeconds(2)));
        LakehouseSecretStore secrets = LakehouseSecretStore.open(lake);
        SecretScope scope = SecretScope.user("u1");
        secrets.put(new StoredSecret(scope, "A", new byte[] {1, 2}, T0));
        secrets.put(new StoredSecret(scope, "B", new byte[] {3}, T0));
        secrets.put(new StoredSecret(scope, "A", new byte[] {9}, T0.plusSeconds(1)));
        assertTrue(secrets.delete(scope, "B"));

        Lakehouse again = Lakehouse.open(dir);
        assertEquals("u1", LakehouseHubUserStore.open(again).findByEmail("a@example.com").orElseThrow().userId());
        LakehouseHubApiKeyStore keys2 = LakehouseHubApiKeyStore.open(again);
        assertEquals(T0.plusSeconds(5), keys2.find(Fingerprint.of("k1")).orElseThrow().revokedAt());
        assertTrue(keys2.find(Fingerprint.of("k2")).orElseThrow().active());
        LakehouseRefreshTokenStore tokens2 = LakehouseRefreshTokenStore.open(again);
        RefreshTokenRecord r1 = tokens2.find(Fingerprint.of("r1")).orElseThrow();
        assertEquals(T0.plusSeconds(1), r1.usedAt());
        assertEquals(T0.plusSeconds(2), r1.revokedAt());
        assertNull(tokens2.find(Fingerprint.of("r2")).orElseThrow().usedAt());
        assertFalse(tokens2.markUsed(Fingerprint.of("r2"), T0.plusSeconds(3)));
        LakehouseSecretStore secrets2 = LakehouseSecretStore.open(again);
        assertArrayEquals(new byte[] {9}, secrets2.find(scope, "A").orElseThrow().sealed());
        assertTrue(secrets2.find(scope, "B").isEmpty());
    }
}

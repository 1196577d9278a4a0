package io.hfthot.engine.identity.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.testkit.ApiKeyStoreContract;
import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.ApiKeyStore;
import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LakehouseApiKeyStoreTest extends ApiKeyStoreContract {
    @TempDir
    Path dir;

    private int opened;

    @Override
    protected ApiKeyStore newStore() {
        return LakehouseApiKeyStore.open(Lakehouse.open(dir.resolve("lh" + (opened++))));
    }

    @Test
    void keysAndRevocationsSurviveReopeningTheLakehouse() {
        TestClock clock = TestClock.fixed();
        Path base = dir.resolve("persist");
        ApiKeyService keys = new ApiKeyService(LakehouseApiKeyStore.open(Lakehouse.open(base)),
                RandomSecrets.system(), clock);
        IssuedApiKey kept = keys.issue("alice", Tier.PROFESSIONAL);
        IssuedApiKey revoked = keys.issue("alice", Tier.HOBBYIST);
        clock.advance(Duration.ofMinutes(5));
        keys.revoke(revoked.record().keyId());

        ApiKeyService reopened = new ApiKeyService(LakehouseApiKeyStore.open(Lakehouse.open(base)),
                RandomSecrets.system(), clock);
        Principal p = reopened.verify(kept.rawKey()).orElseThrow();
        assertEquals(kept.record().keyId(), p.keyId());
        assertEquals(Tier.PROFESSIONAL, p.tier());
        assertTrue(reopened.verify(revoked.rawKey()).isEmpty(), "revocation persisted");
        List<ApiKeyRecord> rows = reopened.keysOf("alice");
        assertEquals(2, rows.size());
        ApiKeyRecord revokedRow = rows.stream().filter(r -> r.keyId().equals(revoked.record().keyId())).findFirst()
                .orElseThrow();
        assertEquals(clock.instant(), revokedRow.revokedAt());
        assertFalse(revokedRow.active());
    }

    @Test
    void theTableAndItsFilesNeverHoldARawKey() throws IOException {
        Path base = dir.resolve("hashes");
        Lakehouse lh = Lakehouse.open(base);
        ApiKeyService keys = new ApiKeyService(LakehouseApiKeyStore.open(lh), RandomSecrets.system(),
                TestClock.fixed());
        IssuedApiKey k = keys.issue("bob", Tier.ENTERPRISE);
        String secretPart = k.rawKey().substring(Tier.ENTERPRISE.keyPrefix().length());
        for (Row r : lh.read(LakehouseApiKeyStore.TABLE).rows()) {
            for (Object v : r.values()) {
                assertFalse(String.valueOf(v).contains(secretPart), "stored value " + v);
            }
            assertEquals(k.record().fingerprint().toHex(), r.getString("fingerprint"));
        }
        try (Stream<Path> files = Files.walk(base)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertFalse(bytes.contains(secretPart), "raw key found in " + f);
            }
        }
    }
}

package io.hfthot.engine.usage.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.identity.crypto.AesGcmSealer;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.identity.crypto.SealedValueException;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ProviderKeysTest {
    private static final String TWELVE_KEY = "td-9f8e7d6c5b4a39281706";
    private final TestClock clock = TestClock.fixed();
    private final InMemoryProviderKeyStore store = new InMemoryProviderKeyStore();
    private final ProviderKeys keys = new ProviderKeys(store,
            new AesGcmSealer(RandomSecrets.system().bytes(32), 1, new SecureRandom()), new SlidingLogRateLimiter(), clock);

    @Test
    void keysAreStoredSealedOnly() {
        keys.register("user-123", "TwelveData", TWELVE_KEY, ProviderBudget.TWELVE_DATA);
        ProviderKeyRecord row = store.find("user-123", "twelvedata").orElseThrow();
        String bytes = new String(row.sealedKey(), StandardCharsets.ISO_8859_1);
        assertFalse(bytes.contains(TWELVE_KEY));
        assertFalse(bytes.contains(TWELVE_KEY.substring(0, 8)));
        assertFalse(row.toString().contains(TWELVE_KEY));
    }

    @Test
    void twelveDataBudgetIsEightPerMinute() {
        keys.register("hub", "twelvedata", TWELVE_KEY, ProviderBudget.TWELVE_DATA);
        for (int i = 0; i < 8; i++) {
            ProviderPermit permit = keys.acquire("hub", "twelvedata").orElseThrow();
            assertEquals(TWELVE_KEY, permit.key().orElseThrow());
            assertEquals(7 - i, permit.budget().remaining());
        }
        ProviderPermit refused = keys.acquire("hub", "twelvedata").orElseThrow();
        assertTrue(refused.key().isEmpty());
        assertFalse(refused.toString().contains(TWELVE_KEY));
        assertEquals(0, keys.status("hub").get("twelvedata").queriesRemaining());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(8, keys.status("hub").get("twelvedata").queriesRemaining());
        assertTrue(keys.acquire("hub", "twelvedata").orElseThrow().key().isPresent());
        assertTrue(keys.acquire("hub", "finnhub").isEmpty());
    }

    @Test
    void statusReadsQueriesRemainingPerProvider() {
        keys.register("user-123", "finnhub", "fh-abcdef", ProviderBudget.FINNHUB);
        keys.acquire("user-123", "finnhub");
        keys.acquire("user-123", "finnhub");
        ProviderKeyStatus finnhub = keys.status("user-123").get("finnhub");
        assertEquals(58, finnhub.queriesRemaining());
        assertEquals(58L, finnhub.toFields().get("queries_remaining"));
        assertEquals(60L, finnhub.toFields().get("window_seconds"));
    }

    @Test
    void tamperedOrMovedKeysFailToOpen() {
        keys.register("alice", "finnhub", "fh-alice", ProviderBudget.FINNHUB);
        ProviderKeyRecord row = store.find("alice", "finnhub").orElseThrow();
        byte[] tampered = row.sealedKey();
        tampered[tampered.length - 1] ^= 1;
        store.put(new ProviderKeyRecord("alice", "finnhub", tampered, row.budget(), row.updatedAt()));
        assertThrows(SealedValueException.class, () -> keys.acquire("alice", "finnhub"));
        // Copying alice's intact row under bob's name does not give bob her key.
        store.put(new ProviderKeyRecord("bob", "finnhub", row.sealedKey(), row.budget(), row.updatedAt()));
        assertThrows(SealedValueException.class, () -> keys.acquire("bob", "finnhub"));
    }

    @Test
    void rejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> keys.register("u", "bad name", "k", ProviderBudget.FINNHUB));
        assertThrows(IllegalArgumentException.class, () -> keys.register("u", "finnhub", " ", ProviderBudget.FINNHUB));
        assertFalse(keys.remove("u", "finnhub"));
    }
}

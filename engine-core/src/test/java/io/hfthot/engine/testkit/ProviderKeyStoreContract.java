package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.usage.provider.ProviderBudget;
import io.hfthot.engine.usage.provider.ProviderKeyRecord;
import io.hfthot.engine.usage.provider.ProviderKeyStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link ProviderKeyStore} contract; every implementation's test extends this class. */
public abstract class ProviderKeyStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ProviderKeyStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract ProviderKeyStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void putReplacesAndRowsComeBackByteForByte() {
        byte[] sealed = {1, 2, 3, 4};
        store.put(new ProviderKeyRecord("u1", "finnhub", sealed, ProviderBudget.FINNHUB, T0));
        assertArrayEquals(sealed, store.find("u1", "finnhub").orElseThrow().sealedKey());
        store.put(new ProviderKeyRecord("u1", "finnhub", new byte[] {9}, ProviderBudget.FINNHUB, T0.plusSeconds(1)));
        assertArrayEquals(new byte[] {9}, store.find("u1", "finnhub").orElseThrow().sealedKey());
        assertTrue(store.find("u2", "finnhub").isEmpty());
    }

    @Test
    void listsByProviderAndDeletes() {
        store.put(new ProviderKeyRecord("u1", "twelvedata", new byte[] {1}, ProviderBudget.TWELVE_DATA, T0));
        store.put(new ProviderKeyRecord("u1", "finnhub", new byte[] {2}, ProviderBudget.FINNHUB, T0));
        store.put(new ProviderKeyRecord("u2", "finnhub", new byte[] {3}, ProviderBudget.FINNHUB, T0));
        assertEquals(List.of("finnhub", "twelvedata"),
                store.byOwner("u1").stream().map(ProviderKeyRecord::provider).toList());
        assertTrue(store.delete("u1", "finnhub"));
        assertFalse(store.delete("u1", "finnhub"));
        assertEquals(1, store.byOwner("u1").size());
        assertEquals(1, store.byOwner("u2").size(), "another owner's row stays");
    }

    @Test
    void everyComponentComesBackAsStored() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) (255 - i);
        }
        ProviderKeyRecord row = new ProviderKeyRecord("owner with spaces:1", "my_feed-2", all,
                new ProviderBudget(1_000, Duration.ofMillis(1_500)), Instant.parse("2026-02-03T04:05:06.000007Z"));
        store.put(row);
        assertEquals(row, store.find("owner with spaces:1", "my_feed-2").orElseThrow());
        assertEquals(List.of(row), store.byOwner("owner with spaces:1"));
        assertTrue(store.byOwner("owner with spaces").isEmpty());
    }
}

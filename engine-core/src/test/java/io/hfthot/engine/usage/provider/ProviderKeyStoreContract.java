package io.hfthot.engine.usage.provider;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
    }
}

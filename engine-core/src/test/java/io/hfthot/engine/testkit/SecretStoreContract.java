package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hub.secrets.SecretScope;
import io.hfthot.engine.hub.secrets.SecretStore;
import io.hfthot.engine.hub.secrets.StoredSecret;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link SecretStore} contract; every implementation's test extends this class. */
public abstract class SecretStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private SecretStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract SecretStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void putFindListDeletePerScope() {
        SecretScope user = SecretScope.user("u1");
        SecretScope agent = SecretScope.agent("u1", "a1");
        store.put(new StoredSecret(user, "OPENAI_API_KEY", new byte[] {1}, T0));
        store.put(new StoredSecret(user, "ANTHROPIC_API_KEY", new byte[] {2}, T0));
        store.put(new StoredSecret(agent, "ANTHROPIC_API_KEY", new byte[] {3}, T0));
        store.put(new StoredSecret(user, "OPENAI_API_KEY", new byte[] {4}, T0.plusSeconds(1)));
        assertArrayEquals(new byte[] {4}, store.find(user, "OPENAI_API_KEY").orElseThrow().sealed());
        assertEquals(List.of("ANTHROPIC_API_KEY", "OPENAI_API_KEY"),
                store.list(user).stream().map(StoredSecret::keyName).toList());
        assertEquals(1, store.list(agent).size());
        assertTrue(store.list(SecretScope.user("u2")).isEmpty());
        assertTrue(store.delete(user, "OPENAI_API_KEY"));
        assertFalse(store.delete(user, "OPENAI_API_KEY"));
        assertTrue(store.find(user, "OPENAI_API_KEY").isEmpty());
        assertArrayEquals(new byte[] {3}, store.find(agent, "ANTHROPIC_API_KEY").orElseThrow().sealed(),
                "deleting a user's secret leaves the agent's override");
    }

    @Test
    void everyByteAndTheTimeComeBackAsStored() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        StoredSecret row = new StoredSecret(SecretScope.agent("u:1", "a 1"), "ALL_BYTES", all,
                Instant.parse("2026-03-04T05:06:07.123456Z"));
        store.put(row);
        assertEquals(row, store.find(SecretScope.agent("u:1", "a 1"), "ALL_BYTES").orElseThrow());
        assertEquals(List.of(row), store.list(SecretScope.agent("u:1", "a 1")));
        assertTrue(store.list(SecretScope.user("u:1")).isEmpty(), "an agent's scope is not its user's");
    }
}

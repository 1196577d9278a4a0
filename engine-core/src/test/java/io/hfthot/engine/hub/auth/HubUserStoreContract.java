package io.hfthot.engine.hub.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link HubUserStore} contract; every implementation's test extends this class. */
public abstract class HubUserStoreContract {
    private static final String HASH = "$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2g";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private HubUserStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract HubUserStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    @Test
    void findsByEmailAndIdAndRefusesDuplicates() {
        HubUser user = new HubUser("u1", "Alice@Example.com", HASH, T0);
        store.insert(user);
        assertEquals(user, store.findByEmail("alice@example.com").orElseThrow());
        assertEquals(user, store.findById("u1").orElseThrow());
        assertTrue(store.findByEmail("bob@example.com").isEmpty());
        assertThrows(IllegalStateException.class, () -> store.insert(new HubUser("u2", "alice@example.com", HASH, T0)));
        assertThrows(IllegalStateException.class, () -> store.insert(new HubUser("u1", "carol@example.com", HASH, T0)));
        assertTrue(store.findByEmail("carol@example.com").isEmpty());
    }
}

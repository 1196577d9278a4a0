package io.hfthot.engine.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hti.profile.ValidityType;
import io.hfthot.engine.hti.profile.ProfileStore;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The {@link ProfileStore} contract; every implementation's test extends this class. */
public abstract class ProfileStoreContract {
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private ProfileStore store;

    /**
     * Creates an empty store.
     *
     * @return the store under test
     */
    protected abstract ProfileStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
    }

    private static HtiProfile profile(String code, String account, int limit, Instant created) {
        return new HtiProfile(Fingerprint.of(code), account, ValidityType.UNLIMITED, null, limit, IdeaFilters.all(), created);
    }

    @Test
    void insertFindReplaceList() {
        HtiProfile a = profile("code-a", "Acme", 30, T0.plusSeconds(1));
        HtiProfile b = profile("code-b", "Beta", 30, T0);
        store.insert(a);
        store.insert(b);
        assertEquals(a, store.find(Fingerprint.of("code-a")).orElseThrow());
        assertTrue(store.find(Fingerprint.of("code-c")).isEmpty());
        assertThrows(IllegalStateException.class, () -> store.insert(profile("code-a", "Other", 1, T0)));
        HtiProfile a2 = profile("code-a", "Acme", 90, a.createdAt());
        assertTrue(store.replace(a2));
        assertEquals(90, store.find(Fingerprint.of("code-a")).orElseThrow().requestLimitPerMinute());
        assertFalse(store.replace(profile("code-z", "Zed", 1, T0)));
        assertEquals(List.of(b, a2), store.all());
    }
}

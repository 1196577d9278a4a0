package io.hfthot.engine.identity;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * {@link ApiKeyStore} in two concurrent hash maps (by fingerprint and by key id); lost on restart.
 */
public final class InMemoryApiKeyStore implements ApiKeyStore {
    private final ConcurrentHashMap<Fingerprint, ApiKeyRecord> rows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Fingerprint> byKeyId = new ConcurrentHashMap<>();
    /** Serialises capped insertions, so that the count they read cannot change before they insert. */
    private final Object capLock = new Object();

    /** Creates an empty store. */
    public InMemoryApiKeyStore() {
    }

    @Override
    public void insert(ApiKeyRecord row) {
        if (rows.putIfAbsent(row.fingerprint(), row) != null) {
            throw new IllegalStateException("an API key with id " + row.keyId() + " already exists");
        }
        byKeyId.put(row.keyId(), row.fingerprint());
    }

    @Override
    public boolean insertWithinCap(ApiKeyRecord row, int maxLive) {
        KeyCaps.check(maxLive);
        synchronized (capLock) {
            if (KeyCaps.live(byOwner(row.ownerId())) >= maxLive) {
                return false;
            }
            insert(row);
            return true;
        }
    }

    @Override
    public Optional<ApiKeyRecord> find(Fingerprint fingerprint) {
        return Optional.ofNullable(rows.get(fingerprint));
    }

    @Override
    public Optional<ApiKeyRecord> findByKeyId(String keyId) {
        Fingerprint fingerprint = byKeyId.get(keyId);
        return fingerprint == null ? Optional.empty() : find(fingerprint);
    }

    @Override
    public Optional<ApiKeyRecord> revoke(Fingerprint fingerprint, Instant at) {
        return Optional.ofNullable(rows.computeIfPresent(fingerprint,
                (k, row) -> row.active() ? row.revokedAt(at) : row));
    }

    @Override
    public List<ApiKeyRecord> byOwner(String ownerId) {
        return rows.values().stream()
                .filter(row -> row.ownerId().equals(ownerId))
                .sorted(Comparator.comparing(ApiKeyRecord::createdAt).thenComparing(ApiKeyRecord::keyId))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Returns every row, active and revoked, held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public List<ApiKeyRecord> all() {
        return List.copyOf(rows.values());
    }
}

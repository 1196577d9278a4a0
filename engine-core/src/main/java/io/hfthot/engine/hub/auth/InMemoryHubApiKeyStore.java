package io.hfthot.engine.hub.auth;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** {@link HubApiKeyStore} in a concurrent map; lost on restart. */
public final class InMemoryHubApiKeyStore implements HubApiKeyStore {
    private final ConcurrentHashMap<Fingerprint, HubApiKeyRecord> rows = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryHubApiKeyStore() {
    }

    @Override
    public void insert(HubApiKeyRecord row) {
        if (rows.putIfAbsent(row.fingerprint(), row) != null) {
            throw new IllegalStateException("hub API key " + row.fingerprint() + " already exists");
        }
    }

    @Override
    public Optional<HubApiKeyRecord> find(Fingerprint fingerprint) {
        return Optional.ofNullable(rows.get(fingerprint));
    }

    @Override
    public int revokeUser(String userId, Instant at) {
        int[] count = {0};
        rows.replaceAll((k, row) -> {
            if (!row.userId().equals(userId) || !row.active()) {
                return row;
            }
            count[0]++;
            return new HubApiKeyRecord(row.fingerprint(), row.userId(), row.hint(), row.createdAt(), at);
        });
        return count[0];
    }

    @Override
    public List<HubApiKeyRecord> byUser(String userId) {
        return rows.values().stream().filter(r -> r.userId().equals(userId))
                .sorted(Comparator.comparing(HubApiKeyRecord::createdAt))
                .collect(Collectors.toUnmodifiableList());
    }

    /**
     * Returns every row, active and revoked, held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public List<HubApiKeyRecord> all() {
        return List.copyOf(rows.values());
    }
}

package io.hfthot.engine.hub.auth;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/** {@link RefreshTokenStore} in a concurrent map; compare-and-set through {@code computeIfPresent}. */
public final class InMemoryRefreshTokenStore implements RefreshTokenStore {
    private final ConcurrentHashMap<Fingerprint, RefreshTokenRecord> rows = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryRefreshTokenStore() {
    }

    @Override
    public void insert(RefreshTokenRecord row) {
        if (rows.putIfAbsent(row.fingerprint(), row) != null) {
            throw new IllegalStateException("refresh token " + row.fingerprint() + " already exists");
        }
    }

    @Override
    public Optional<RefreshTokenRecord> find(Fingerprint fingerprint) {
        return Optional.ofNullable(rows.get(fingerprint));
    }

    @Override
    public boolean markUsed(Fingerprint fingerprint, Instant at) {
        boolean[] won = {false};
        rows.computeIfPresent(fingerprint, (k, row) -> {
            if (row.usedAt() != null || row.revokedAt() != null) {
                return row;
            }
            won[0] = true;
            return new RefreshTokenRecord(row.fingerprint(), row.userId(), row.familyId(), row.issuedAt(),
                    row.expiresAt(), at, null);
        });
        return won[0];
    }

    @Override
    public int revokeFamily(String familyId, Instant at) {
        return revokeWhere(row -> row.familyId().equals(familyId), at);
    }

    @Override
    public int revokeUser(String userId, Instant at) {
        return revokeWhere(row -> row.userId().equals(userId), at);
    }

    private int revokeWhere(Predicate<RefreshTokenRecord> selected, Instant at) {
        int[] count = {0};
        rows.replaceAll((k, row) -> {
            if (!selected.test(row) || row.revokedAt() != null) {
                return row;
            }
            count[0]++;
            return new RefreshTokenRecord(row.fingerprint(), row.userId(), row.familyId(), row.issuedAt(),
                    row.expiresAt(), row.usedAt(), at);
        });
        return count[0];
    }

    /**
     * Returns every row, in no particular order (for stores that keep this one as their index).
     *
     * @return a snapshot of the rows
     */
    public List<RefreshTokenRecord> all() {
        return List.copyOf(rows.values());
    }
}

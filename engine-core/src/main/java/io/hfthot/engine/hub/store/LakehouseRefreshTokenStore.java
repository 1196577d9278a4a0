package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.auth.InMemoryRefreshTokenStore;
import io.hfthot.engine.hub.auth.RefreshTokenRecord;
import io.hfthot.engine.hub.auth.RefreshTokenStore;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Predicate;

/**
 * A {@link RefreshTokenStore} in the Delta table {@code hub.refresh_tokens}: fingerprints only. Every state
 * change appends the token's whole row again; replay keeps, per token, the earliest {@code used_at} and the
 * earliest {@code revoked_at} logged, so a reuse detected before a restart stays detected after it.
 *
 * <p>Thread-safe: every write serializes on this instance, which also makes {@link #markUsed} the atomic
 * compare-and-set the contract asks for.
 */
public final class LakehouseRefreshTokenStore implements RefreshTokenStore {
    /** The table name. */
    public static final String TABLE = "hub.refresh_tokens";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(Field.required("fingerprint", DataType.STRING),
            Field.required("user_id", DataType.STRING), Field.required("family_id", DataType.STRING),
            Field.required("issued_at", DataType.TIMESTAMP), Field.required("expires_at", DataType.TIMESTAMP),
            Field.of("used_at", DataType.TIMESTAMP), Field.of("revoked_at", DataType.TIMESTAMP));

    private final HubTable table;
    private final InMemoryRefreshTokenStore index = new InMemoryRefreshTokenStore();

    private LakehouseRefreshTokenStore(HubTable table) {
        this.table = table;
    }

    /**
     * Opens the store, creating the table when missing and replaying it.
     *
     * @param lakehouse the lakehouse
     * @return the store
     */
    public static LakehouseRefreshTokenStore open(Lakehouse lakehouse) {
        LakehouseRefreshTokenStore store = new LakehouseRefreshTokenStore(new HubTable(lakehouse, TABLE, SCHEMA));
        Map<Fingerprint, RefreshTokenRecord> merged = new LinkedHashMap<>();
        for (Row r : store.table.rows()) {
            RefreshTokenRecord row = new RefreshTokenRecord(Fingerprint.fromHex(r.getString("fingerprint")),
                    r.getString("user_id"), r.getString("family_id"), (Instant) r.get("issued_at"),
                    (Instant) r.get("expires_at"), (Instant) r.get("used_at"), (Instant) r.get("revoked_at"));
            merged.merge(row.fingerprint(), row, (a, b) -> new RefreshTokenRecord(a.fingerprint(), a.userId(),
                    a.familyId(), a.issuedAt(), a.expiresAt(), earliest(a.usedAt(), b.usedAt()),
                    earliest(a.revokedAt(), b.revokedAt())));
        }
        merged.values().forEach(store.index::insert);
        return store;
    }

    private static Instant earliest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isBefore(b) ? a : b;
    }

    @Override
    public synchronized void insert(RefreshTokenRecord row) {
        if (index.find(row.fingerprint()).isPresent()) {
            throw new IllegalStateException("refresh token " + row.fingerprint() + " already exists");
        }
        table.append(values(row));
        index.insert(row);
    }

    @Override
    public Optional<RefreshTokenRecord> find(Fingerprint fingerprint) {
        return index.find(fingerprint);
    }

    @Override
    public synchronized boolean markUsed(Fingerprint fingerprint, Instant at) {
        Optional<RefreshTokenRecord> row = index.find(fingerprint);
        if (row.isEmpty() || row.get().usedAt() != null || row.get().revokedAt() != null) {
            return false;
        }
        RefreshTokenRecord r = row.get();
        table.append(values(new RefreshTokenRecord(r.fingerprint(), r.userId(), r.familyId(), r.issuedAt(),
                r.expiresAt(), at, null)));
        return index.markUsed(fingerprint, at);
    }

    @Override
    public synchronized int revokeFamily(String familyId, Instant at) {
        return revokeWhere(r -> r.familyId().equals(familyId), at, () -> index.revokeFamily(familyId, at));
    }

    @Override
    public synchronized int revokeUser(String userId, Instant at) {
        return revokeWhere(r -> r.userId().equals(userId), at, () -> index.revokeUser(userId, at));
    }

    private int revokeWhere(Predicate<RefreshTokenRecord> selected, Instant at, IntSupplier apply) {
        List<Object[]> changed = new ArrayList<>();
        for (RefreshTokenRecord r : index.all()) {
            if (selected.test(r) && r.revokedAt() == null) {
                changed.add(values(new RefreshTokenRecord(r.fingerprint(), r.userId(), r.familyId(), r.issuedAt(),
                        r.expiresAt(), r.usedAt(), at)));
            }
        }
        table.append(changed);
        return apply.getAsInt();
    }

    private static Object[] values(RefreshTokenRecord r) {
        return new Object[] {r.fingerprint().toHex(), r.userId(), r.familyId(), r.issuedAt(), r.expiresAt(),
            r.usedAt(), r.revokedAt()};
    }
}

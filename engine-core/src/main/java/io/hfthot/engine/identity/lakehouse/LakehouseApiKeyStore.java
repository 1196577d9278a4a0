package io.hfthot.engine.identity.lakehouse;

import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.ApiKeyStore;
import io.hfthot.engine.identity.InMemoryApiKeyStore;
import io.hfthot.engine.identity.KeyCaps;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link ApiKeyStore} persisted in the Delta table {@code auth.api_keys}, with an in-memory index in front
 * for O(1) lookups.
 *
 * <p>The table is an append-only log: an insert appends the key's row, a revocation appends the same row with
 * {@code revoked_at} set (one commit each, before the index changes, so what the index says has been
 * committed). Opening replays the log: a key's revocation time is the earliest {@code revoked_at} logged for
 * it, whatever the order of rows, which keeps "the first revocation wins" across restarts. Columns:
 * {@code fingerprint} (hex SHA-256 of the raw key; the raw key is never stored), {@code key_id}, {@code hint},
 * {@code owner_id}, {@code tier}, {@code created_at}, {@code revoked_at}. Time travel over the table shows
 * which keys existed at any instant (seed 000's {@code read_at_timestamp("api_keys", ...)} audit).
 *
 * <p>Thread safety: writes serialize on this instance; reads go to the thread-safe index.
 */
public final class LakehouseApiKeyStore implements ApiKeyStore {
    /** The table name. */
    public static final String TABLE = "auth.api_keys";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(
            Field.required("fingerprint", DataType.STRING), Field.required("key_id", DataType.STRING),
            Field.required("hint", DataType.STRING), Field.required("owner_id", DataType.STRING),
            Field.required("tier", DataType.STRING), Field.required("created_at", DataType.TIMESTAMP),
            Field.of("revoked_at", DataType.TIMESTAMP));

    private final Lakehouse lakehouse;
    private final InMemoryApiKeyStore index = new InMemoryApiKeyStore();

    private LakehouseApiKeyStore(Lakehouse lakehouse) {
        this.lakehouse = lakehouse;
    }

    /**
     * Opens the store, creating the table when missing and loading every key into the index.
     *
     * @param lakehouse the lakehouse
     * @return the store
     */
    public static LakehouseApiKeyStore open(Lakehouse lakehouse) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        lakehouse.createTableIfAbsent(TABLE, SCHEMA, List.of(), Map.of("delta.appendOnly", "true"));
        LakehouseApiKeyStore store = new LakehouseApiKeyStore(lakehouse);
        store.load();
        return store;
    }

    private void load() {
        // Insertion-ordered so that keys created at the same instant keep the log's order (the sort is stable).
        Map<String, ApiKeyRecord> keys = new LinkedHashMap<>();
        Map<String, Instant> revoked = new HashMap<>();
        for (Row r : lakehouse.read(TABLE).rows()) {
            String fp = r.getString("fingerprint");
            keys.putIfAbsent(fp, new ApiKeyRecord(Fingerprint.fromHex(fp), r.getString("hint"), r.getString("owner_id"),
                    Tier.parse(r.getString("tier")), (Instant) r.get("created_at"), null));
            Instant at = (Instant) r.get("revoked_at");
            if (at != null) {
                revoked.merge(fp, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        List<ApiKeyRecord> ordered = new ArrayList<>(keys.values());
        ordered.sort(Comparator.comparing(ApiKeyRecord::createdAt));
        for (ApiKeyRecord row : ordered) {
            index.insert(row);
            Instant at = revoked.get(row.fingerprint().toHex());
            if (at != null) {
                index.revoke(row.fingerprint(), at);
            }
        }
    }

    @Override
    public synchronized void insert(ApiKeyRecord row) {
        Objects.requireNonNull(row, "row");
        if (index.find(row.fingerprint()).isPresent()) {
            throw new IllegalStateException("a key with fingerprint id " + row.keyId() + " already exists");
        }
        append(row);
        index.insert(row);
    }

    @Override
    public synchronized boolean insertWithinCap(ApiKeyRecord row, int maxLive) {
        KeyCaps.check(maxLive);
        if (KeyCaps.live(index.byOwner(row.ownerId())) >= maxLive) {
            return false;
        }
        insert(row);
        return true;
    }

    @Override
    public Optional<ApiKeyRecord> find(Fingerprint fingerprint) {
        return index.find(fingerprint);
    }

    @Override
    public Optional<ApiKeyRecord> findByKeyId(String keyId) {
        return index.findByKeyId(keyId);
    }

    @Override
    public synchronized Optional<ApiKeyRecord> revoke(Fingerprint fingerprint, Instant at) {
        Optional<ApiKeyRecord> current = index.find(fingerprint);
        if (current.isEmpty() || !current.get().active()) {
            return current;
        }
        append(current.get().revokedAt(at));
        return index.revoke(fingerprint, at);
    }

    @Override
    public List<ApiKeyRecord> byOwner(String ownerId) {
        return index.byOwner(ownerId);
    }

    private void append(ApiKeyRecord row) {
        lakehouse.table(TABLE).append(ColumnBatch.builder(SCHEMA)
                .addRow(row.fingerprint().toHex(), row.keyId(), row.hint(), row.ownerId(), row.tier().id(),
                        row.createdAt(), row.revokedAt())
                .build());
    }

    /**
     * Returns every row, active and revoked, held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public List<ApiKeyRecord> all() {
        return index.all();
    }
}

package io.hfthot.engine.identity.lakehouse;

import io.hfthot.engine.usage.provider.ProviderBudget;
import io.hfthot.engine.usage.provider.ProviderKeyRecord;
import io.hfthot.engine.usage.provider.ProviderKeyStore;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ProviderKeyStore} persisted in the Delta table {@code auth.provider_keys}, with an in-memory map in
 * front.
 *
 * <p>The table is an append-only log of revisions: a put appends the row with the next {@code revision}, a
 * delete appends a tombstone ({@code deleted = true}, no key). Opening replays the log and keeps, per
 * (owner, provider), the row of the highest revision. Keys are stored exactly as given: sealed by
 * {@code AesGcmSealer} before they reach the store, which never holds the sealing key. Columns:
 * {@code owner_id}, {@code provider}, {@code sealed_key} (binary), {@code budget_limit},
 * {@code budget_window_ms}, {@code updated_at}, {@code revision}, {@code deleted}.
 *
 * <p>Thread safety: writes serialize on this instance; reads use a concurrent map.
 */
public final class LakehouseProviderKeyStore implements ProviderKeyStore {
    /** The table name. */
    public static final String TABLE = "auth.provider_keys";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(
            Field.required("owner_id", DataType.STRING), Field.required("provider", DataType.STRING),
            Field.of("sealed_key", DataType.BINARY), Field.of("budget_limit", DataType.LONG),
            Field.of("budget_window_ms", DataType.LONG), Field.required("updated_at", DataType.TIMESTAMP),
            Field.required("revision", DataType.LONG), Field.required("deleted", DataType.BOOLEAN));

    private final Lakehouse lakehouse;
    private final Map<String, ProviderKeyRecord> rows = new ConcurrentHashMap<>();
    private long revision;

    private LakehouseProviderKeyStore(Lakehouse lakehouse) {
        this.lakehouse = lakehouse;
    }

    /**
     * Opens the store, creating the table when missing and replaying it.
     *
     * @param lakehouse the lakehouse
     * @return the store
     */
    public static LakehouseProviderKeyStore open(Lakehouse lakehouse) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        lakehouse.createTableIfAbsent(TABLE, SCHEMA, List.of(), Map.of("delta.appendOnly", "true"));
        LakehouseProviderKeyStore store = new LakehouseProviderKeyStore(lakehouse);
        Map<String, Row> latest = new HashMap<>();
        for (Row r : lakehouse.read(TABLE).rows()) {
            String key = key(r.getString("owner_id"), r.getString("provider"));
            Row seen = latest.get(key);
            if (seen == null || seen.getLong("revision") < r.getLong("revision")) {
                latest.put(key, r);
            }
            store.revision = Math.max(store.revision, r.getLong("revision"));
        }
        for (Map.Entry<String, Row> e : latest.entrySet()) {
            Row r = e.getValue();
            if (!(Boolean) r.get("deleted")) {
                store.rows.put(e.getKey(), new ProviderKeyRecord(r.getString("owner_id"), r.getString("provider"),
                        (byte[]) r.get("sealed_key"), new ProviderBudget(r.getLong("budget_limit"),
                        Duration.ofMillis(r.getLong("budget_window_ms"))), (Instant) r.get("updated_at")));
            }
        }
        return store;
    }

    @Override
    public synchronized void put(ProviderKeyRecord row) {
        Objects.requireNonNull(row, "row");
        append(row.ownerId(), row.provider(), row.sealedKey(), row.budget().limit(), row.budget().window().toMillis(),
                row.updatedAt(), false);
        rows.put(key(row.ownerId(), row.provider()), row);
    }

    @Override
    public Optional<ProviderKeyRecord> find(String ownerId, String provider) {
        return Optional.ofNullable(rows.get(key(ownerId, provider)));
    }

    @Override
    public List<ProviderKeyRecord> byOwner(String ownerId) {
        return rows.values().stream().filter(r -> r.ownerId().equals(ownerId))
                .sorted(Comparator.comparing(ProviderKeyRecord::provider)).toList();
    }

    @Override
    public synchronized boolean delete(String ownerId, String provider) {
        ProviderKeyRecord existing = rows.get(key(ownerId, provider));
        if (existing == null) {
            return false;
        }
        append(ownerId, provider, null, null, null, existing.updatedAt(), true);
        rows.remove(key(ownerId, provider));
        return true;
    }

    private void append(String owner, String provider, byte[] sealed, Long limit, Long windowMs, Instant at,
                        boolean deleted) {
        lakehouse.table(TABLE).append(ColumnBatch.builder(SCHEMA)
                .addRow(owner, provider, sealed, limit, windowMs, at, revision + 1, deleted).build());
        revision++;
    }

    private static String key(String owner, String provider) {
        return owner + '\u0000' + provider;
    }

    /**
     * Returns every sealed row held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public List<ProviderKeyRecord> all() {
        return List.copyOf(rows.values());
    }
}

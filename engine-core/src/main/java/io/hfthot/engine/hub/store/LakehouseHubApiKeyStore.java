package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.auth.HubApiKeyRecord;
import io.hfthot.engine.hub.auth.HubApiKeyStore;
import io.hfthot.engine.hub.auth.InMemoryHubApiKeyStore;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link HubApiKeyStore} in the Delta table {@code hub.api_keys}: the SHA-256 fingerprint only, never the
 * key. An insert appends the key's row; a regeneration appends the revoked rows again with {@code revoked_at}
 * set; replay keeps the earliest revocation of each key (as {@code auth.api_keys} does). Thread-safe: writes
 * serialize on this instance.
 */
public final class LakehouseHubApiKeyStore implements HubApiKeyStore {
    /** The table name. */
    public static final String TABLE = "hub.api_keys";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(Field.required("fingerprint", DataType.STRING),
            Field.required("user_id", DataType.STRING), Field.required("hint", DataType.STRING),
            Field.required("created_at", DataType.TIMESTAMP), Field.of("revoked_at", DataType.TIMESTAMP));

    private final HubTable table;
    private final InMemoryHubApiKeyStore index = new InMemoryHubApiKeyStore();

    private LakehouseHubApiKeyStore(HubTable table) {
        this.table = table;
    }

    /**
     * Opens the store, creating the table when missing and replaying it.
     *
     * @param lakehouse the lakehouse
     * @return the store
     */
    public static LakehouseHubApiKeyStore open(Lakehouse lakehouse) {
        LakehouseHubApiKeyStore store = new LakehouseHubApiKeyStore(new HubTable(lakehouse, TABLE, SCHEMA));
        Map<String, HubApiKeyRecord> keys = new LinkedHashMap<>();
        Map<String, Instant> revoked = new HashMap<>();
        for (Row r : store.table.rows()) {
            String fp = r.getString("fingerprint");
            keys.putIfAbsent(fp, new HubApiKeyRecord(Fingerprint.fromHex(fp), r.getString("user_id"),
                    r.getString("hint"), (Instant) r.get("created_at"), null));
            Instant at = (Instant) r.get("revoked_at");
            if (at != null) {
                revoked.merge(fp, at, (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        for (HubApiKeyRecord k : keys.values()) {
            Instant at = revoked.get(k.fingerprint().toHex());
            store.index.insert(at == null ? k : new HubApiKeyRecord(k.fingerprint(), k.userId(), k.hint(),
                    k.createdAt(), at));
        }
        return store;
    }

    @Override
    public synchronized void insert(HubApiKeyRecord row) {
        if (index.find(row.fingerprint()).isPresent()) {
            throw new IllegalStateException("hub API key " + row.fingerprint() + " already exists");
        }
        table.append(row(row, row.revokedAt()));
        index.insert(row);
    }

    @Override
    public Optional<HubApiKeyRecord> find(Fingerprint fingerprint) {
        return index.find(fingerprint);
    }

    @Override
    public synchronized int revokeUser(String userId, Instant at) {
        List<Object[]> rows = new ArrayList<>();
        for (HubApiKeyRecord k : index.byUser(userId)) {
            if (k.active()) {
                rows.add(row(k, at));
            }
        }
        table.append(rows);
        return index.revokeUser(userId, at);
    }

    @Override
    public List<HubApiKeyRecord> byUser(String userId) {
        return index.byUser(userId);
    }

    private static Object[] row(HubApiKeyRecord k, Instant revokedAt) {
        return new Object[] {k.fingerprint().toHex(), k.userId(), k.hint(), k.createdAt(), revokedAt};
    }

    /**
     * Returns every row, active and revoked, held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public List<HubApiKeyRecord> all() {
        return index.all();
    }
}

package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.secrets.InMemorySecretStore;
import io.hfthot.engine.hub.secrets.SecretScope;
import io.hfthot.engine.hub.secrets.SecretStore;
import io.hfthot.engine.hub.secrets.StoredSecret;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A {@link SecretStore} in the Delta table {@code hub.secrets}: sealed bytes only (Base64 of the AES-GCM
 * output), never a clear value. A put appends the row, a delete appends a tombstone; the log's {@code seq}
 * column orders rows, so replay applies them in write order whatever the order of data files. Thread-safe:
 * writes serialize on this instance.
 */
public final class LakehouseSecretStore implements SecretStore {
    /** The table name. */
    public static final String TABLE = "hub.secrets";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(Field.required("seq", DataType.LONG),
            Field.required("user_id", DataType.STRING), Field.of("agent_id", DataType.STRING),
            Field.required("key_name", DataType.STRING), Field.of("sealed", DataType.STRING),
            Field.required("updated_at", DataType.TIMESTAMP));

    private final HubTable table;
    private final InMemorySecretStore index = new InMemorySecretStore();
    private long seq;

    private LakehouseSecretStore(HubTable table) {
        this.table = table;
    }

    /**
     * Opens the store, creating the table when missing and replaying it.
     *
     * @param lakehouse the lakehouse
     * @return the store
     */
    public static LakehouseSecretStore open(Lakehouse lakehouse) {
        LakehouseSecretStore store = new LakehouseSecretStore(new HubTable(lakehouse, TABLE, SCHEMA));
        List<Row> rows = new ArrayList<>(store.table.rows());
        rows.sort(Comparator.comparingLong(r -> r.getLong("seq")));
        for (Row r : rows) {
            SecretScope scope = new SecretScope(r.getString("user_id"), r.getString("agent_id"));
            String name = r.getString("key_name");
            String sealed = r.getString("sealed");
            if (sealed == null) {
                store.index.delete(scope, name);
            } else {
                store.index.put(new StoredSecret(scope, name, Base64.getDecoder().decode(sealed),
                        (Instant) r.get("updated_at")));
            }
            store.seq = Math.max(store.seq, r.getLong("seq"));
        }
        return store;
    }

    @Override
    public synchronized void put(StoredSecret secret) {
        table.append(++seq, secret.scope().userId(), secret.scope().agentId(), secret.keyName(),
                Base64.getEncoder().encodeToString(secret.sealed()), secret.updatedAt());
        index.put(secret);
    }

    @Override
    public Optional<StoredSecret> find(SecretScope scope, String keyName) {
        return index.find(scope, keyName);
    }

    @Override
    public List<StoredSecret> list(SecretScope scope) {
        return index.list(scope);
    }

    @Override
    public synchronized boolean delete(SecretScope scope, String keyName) {
        Optional<StoredSecret> existing = index.find(scope, keyName);
        if (existing.isEmpty()) {
            return false;
        }
        table.append(++seq, scope.userId(), scope.agentId(), keyName, null, existing.get().updatedAt());
        return index.delete(scope, keyName);
    }

    /**
     * Returns every sealed row held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public List<StoredSecret> all() {
        return index.all();
    }
}

package io.hfthot.engine.hub.store;

import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.auth.HubUserStore;
import io.hfthot.engine.hub.auth.InMemoryHubUserStore;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A {@link HubUserStore} in the Delta table {@code hub.users} (one row per user: id, email, argon2id hash,
 * creation time), indexed in memory. Thread-safe: inserts serialize on this instance.
 */
public final class LakehouseHubUserStore implements HubUserStore {
    /** The table name. */
    public static final String TABLE = "hub.users";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(Field.required("user_id", DataType.STRING),
            Field.required("email", DataType.STRING), Field.required("password_hash", DataType.STRING),
            Field.required("created_at", DataType.TIMESTAMP));

    private final HubTable table;
    private final InMemoryHubUserStore index = new InMemoryHubUserStore();

    private LakehouseHubUserStore(HubTable table) {
        this.table = table;
    }

    /**
     * Opens the store, creating the table when missing and loading every user.
     *
     * @param lakehouse the lakehouse
     * @return the store
     */
    public static LakehouseHubUserStore open(Lakehouse lakehouse) {
        LakehouseHubUserStore store = new LakehouseHubUserStore(new HubTable(lakehouse, TABLE, SCHEMA));
        for (Row r : store.table.rows()) {
            store.index.insert(new HubUser(r.getString("user_id"), r.getString("email"), r.getString("password_hash"),
                    (Instant) r.get("created_at")));
        }
        return store;
    }

    @Override
    public synchronized void insert(HubUser user) {
        if (index.findById(user.userId()).isPresent() || index.findByEmail(user.email()).isPresent()) {
            // Let the index word the refusal, without having written anything.
            index.insert(user);
        }
        table.append(user.userId(), user.email(), user.passwordHash(), user.createdAt());
        index.insert(user);
    }

    @Override
    public Optional<HubUser> findByEmail(String normalisedEmail) {
        return index.findByEmail(normalisedEmail);
    }

    @Override
    public Optional<HubUser> findById(String userId) {
        return index.findById(userId);
    }

    /**
     * Returns every user held, for copying them to another store (e.g. when switching to a shared one).
     *
     * @return the rows, in no particular order
     */
    public List<HubUser> all() {
        return index.all();
    }
}

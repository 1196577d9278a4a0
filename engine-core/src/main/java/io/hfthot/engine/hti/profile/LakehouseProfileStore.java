package io.hfthot.engine.hti.profile;

import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link ProfileStore} persisted in the Delta table {@code auth.hti_profiles}, with an
 * {@link InMemoryProfileStore} in front for O(1) lookups; the same design as the API keys'
 * {@code LakehouseApiKeyStore}.
 *
 * <p>The table is an append-only log of profile versions: an insert appends the profile's row, a replacement
 * appends the new version with the next {@code seq} (one commit each, before the index changes). Opening
 * replays the log, keeping the highest {@code seq} per fingerprint. The code itself is never stored: only
 * {@code fingerprint} (hex SHA-256) and {@code code_id}. Filter sets are stored comma-joined (their values
 * cannot hold commas, see {@link IdeaFilters}). The table lives under the private {@code auth} schema, which
 * SQL and the versions endpoint do not serve.
 *
 * <p>Thread safety: writes serialize on this instance; reads go to the thread-safe index.
 */
public final class LakehouseProfileStore implements ProfileStore {
    /** The table name. */
    public static final String TABLE = "auth.hti_profiles";
    /** The table schema. */
    public static final Schema SCHEMA = Schema.of(
            Field.required("seq", DataType.LONG), Field.required("fingerprint", DataType.STRING),
            Field.required("code_id", DataType.STRING), Field.required("account_name", DataType.STRING),
            Field.required("validity_type", DataType.STRING), Field.of("valid_until", DataType.TIMESTAMP),
            Field.required("request_limit_per_minute", DataType.LONG),
            Field.required("asset_classes", DataType.STRING), Field.required("timeframes", DataType.STRING),
            Field.required("instruments", DataType.STRING), Field.required("prefixes", DataType.STRING),
            Field.required("sides", DataType.STRING), Field.required("created_at", DataType.TIMESTAMP));

    private final Lakehouse lakehouse;
    private final InMemoryProfileStore index = new InMemoryProfileStore();
    private long seq;

    private LakehouseProfileStore(Lakehouse lakehouse) {
        this.lakehouse = lakehouse;
    }

    /**
     * Opens the store, creating the table when missing and loading every profile into the index.
     *
     * @param lakehouse the lakehouse
     * @return the store
     */
    public static LakehouseProfileStore open(Lakehouse lakehouse) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        lakehouse.createTableIfAbsent(TABLE, SCHEMA, List.of(), Map.of("delta.appendOnly", "true"));
        LakehouseProfileStore store = new LakehouseProfileStore(lakehouse);
        store.load();
        return store;
    }

    private void load() {
        Map<String, Row> newest = new HashMap<>();
        for (Row r : lakehouse.read(TABLE).rows()) {
            seq = Math.max(seq, r.getLong("seq"));
            newest.merge(r.getString("fingerprint"), r, (a, b) -> a.getLong("seq") >= b.getLong("seq") ? a : b);
        }
        newest.values().stream().map(LakehouseProfileStore::profile).forEach(index::insert);
    }

    private static HtiProfile profile(Row r) {
        IdeaFilters filters = new IdeaFilters(split(r.getString("asset_classes")), split(r.getString("timeframes")),
                split(r.getString("instruments")), split(r.getString("prefixes")), split(r.getString("sides")));
        return new HtiProfile(Fingerprint.fromHex(r.getString("fingerprint")), r.getString("account_name"),
                ValidityType.parse(r.getString("validity_type")), (Instant) r.get("valid_until"),
                (int) r.getLong("request_limit_per_minute"), filters, (Instant) r.get("created_at"));
    }

    private static Set<String> split(String joined) {
        return joined.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(joined.split(",")));
    }

    @Override
    public synchronized void insert(HtiProfile profile) {
        Objects.requireNonNull(profile, "profile");
        if (index.find(profile.fingerprint()).isPresent()) {
            throw new IllegalStateException("an HTI profile with code id " + profile.codeId() + " already exists");
        }
        append(profile);
        index.insert(profile);
    }

    @Override
    public Optional<HtiProfile> find(Fingerprint fingerprint) {
        return index.find(fingerprint);
    }

    @Override
    public synchronized boolean replace(HtiProfile profile) {
        Objects.requireNonNull(profile, "profile");
        if (index.find(profile.fingerprint()).isEmpty()) {
            return false;
        }
        append(profile);
        return index.replace(profile);
    }

    @Override
    public List<HtiProfile> all() {
        return index.all();
    }

    private void append(HtiProfile p) {
        IdeaFilters f = p.filters();
        lakehouse.table(TABLE).append(ColumnBatch.builder(SCHEMA)
                .addRow(seq + 1, p.fingerprint().toHex(), p.codeId(), p.accountName(), p.validityType().wireName(),
                        p.validUntil(), (long) p.requestLimitPerMinute(), String.join(",", f.assetClasses()),
                        String.join(",", f.timeframes()), String.join(",", f.instruments()),
                        String.join(",", f.prefixes()), String.join(",", f.sides()), p.createdAt())
                .build());
        seq++;
    }
}

package io.hfthot.engine.identity.lakehouse;

import io.hfthot.engine.usage.UsageStore;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link UsageStore} persisted in the Delta table {@code auth.usage}, write-behind.
 *
 * <p>Counting happens in memory (one {@link AtomicLong} per subject and day, so {@link #add} is lock-free and
 * atomic); {@link #flush()} appends, in one commit, a row {@code (subject, day, requests, flushed_at)} with the
 * current total of every counter that changed since the previous flush. Opening reads the table and takes,
 * per subject and day, the largest total (totals never decrease, so the largest is the latest whatever the
 * row order). Additions not yet flushed are lost by a crash (not by {@link #close()}, which flushes): callers
 * flush on a schedule (the lab every append interval), which bounds what a crash loses.
 *
 * <p>Thread safety: {@link #add} and {@link #requests} are lock-free; flushes serialize on this instance.
 */
public final class LakehouseUsageStore implements UsageStore, AutoCloseable {
    /** The table name. */
    public static final String TABLE = "auth.usage";
    /** The table schema; {@code day} is the UTC date. */
    public static final Schema SCHEMA = Schema.of(
            Field.required("subject", DataType.STRING), Field.required("day", DataType.DATE),
            Field.required("requests", DataType.LONG), Field.required("flushed_at", DataType.TIMESTAMP));

    private final Lakehouse lakehouse;
    private final InstantSource clock;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    private LakehouseUsageStore(Lakehouse lakehouse, InstantSource clock) {
        this.lakehouse = lakehouse;
        this.clock = clock;
    }

    /**
     * Opens the store, creating the table when missing and loading the stored totals.
     *
     * @param lakehouse the lakehouse
     * @param clock     the clock for {@code flushed_at}
     * @return the store
     */
    public static LakehouseUsageStore open(Lakehouse lakehouse, InstantSource clock) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        Objects.requireNonNull(clock, "clock");
        lakehouse.createTableIfAbsent(TABLE, SCHEMA, List.of(), Map.of("delta.appendOnly", "true"));
        LakehouseUsageStore store = new LakehouseUsageStore(lakehouse, clock);
        for (Row r : lakehouse.read(TABLE).rows()) {
            Key key = new Key(r.getString("subject"), ((LocalDate) r.get("day")).toEpochDay());
            long total = r.getLong("requests");
            Counter c = store.counters.computeIfAbsent(key, k -> new Counter());
            c.total.accumulateAndGet(total, Math::max);
            c.flushed = Math.max(c.flushed, total);
        }
        return store;
    }

    @Override
    public long add(String subject, long epochDay, long delta) {
        Objects.requireNonNull(subject, "subject");
        if (delta < 0) {
            throw new IllegalArgumentException("delta must be >= 0, got " + delta);
        }
        return counters.computeIfAbsent(new Key(subject, epochDay), k -> new Counter()).total.addAndGet(delta);
    }

    @Override
    public long requests(String subject, long epochDay) {
        Counter c = counters.get(new Key(subject, epochDay));
        return c == null ? 0 : c.total.get();
    }

    /**
     * Appends the totals that changed since the last flush, in one commit.
     *
     * @return the number of rows written
     */
    public synchronized int flush() {
        List<Key> keys = new ArrayList<>();
        List<Long> totals = new ArrayList<>();
        for (Map.Entry<Key, Counter> e : counters.entrySet()) {
            long total = e.getValue().total.get();
            if (total > e.getValue().flushed) {
                keys.add(e.getKey());
                totals.add(total);
            }
        }
        if (keys.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        ColumnBatch.Builder b = ColumnBatch.builder(SCHEMA);
        for (int i = 0; i < keys.size(); i++) {
            b.addRow(keys.get(i).subject(), LocalDate.ofEpochDay(keys.get(i).epochDay()), totals.get(i), now);
        }
        lakehouse.table(TABLE).append(b.build());
        for (int i = 0; i < keys.size(); i++) {
            Counter c = counters.get(keys.get(i));
            c.flushed = Math.max(c.flushed, totals.get(i));
        }
        return keys.size();
    }

    /** Flushes. */
    @Override
    public void close() {
        flush();
    }

    private record Key(String subject, long epochDay) {
    }

    private static final class Counter {
        private final AtomicLong total = new AtomicLong();
        private volatile long flushed;
    }
}

package io.hfthot.engine.market.lakehouse;

import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.TickColumns;
import io.hfthot.lakehouse.DataFile;
import io.hfthot.lakehouse.Lakehouse;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market history: the live source's bars and ticks recorded in {@code market.ohlcv} and
 * {@code market.ticks}, served back from the lakehouse and merged with the live simulator for the bars
 * closed since the last append.
 *
 * <p>First start: both tables are created and the simulator's whole history is written in bulk, one commit
 * per interval (all symbols in it) and one for the ticks. Later starts reuse the tables and append the new
 * simulator session's bars after the last stored bar of each symbol and interval. Either way the in-memory
 * {@link BarSeriesCache} is then loaded from the table, and every {@link #appendClosed()} extends it only
 * after its commit succeeded, so reads return what the table holds.
 *
 * <p>Tick sequence numbers in {@code market.ticks} continue across restarts: a new simulator session
 * numbers its trades from 1, so its ticks are stored with an offset, and ticks not later than the last stored
 * one are skipped (the new session's warm-up overlaps the old session in time).
 *
 * <p>Thread safety: {@link #bars} may be called from any thread; {@link #appendClosed()} serializes on
 * this instance.
 */
public final class LakehouseMarketData {
    private static final Logger LOG = LoggerFactory.getLogger(LakehouseMarketData.class);
    private static final int TICK_CHUNK = 100_000;

    private final MarketDataSource market;
    private final MarketTables tables;
    private final BarSeriesCache cache = new BarSeriesCache();
    private final Map<String, TickCursor> tickCursors = new HashMap<>();

    private final Set<String> simulated;
    private final ImportedSymbols imported;

    private LakehouseMarketData(MarketDataSource market, MarketTables tables, Lakehouse lakehouse) {
        this.market = market;
        this.tables = tables;
        this.simulated = Set.copyOf(market.symbols());
        this.imported = new ImportedSymbols(tables, new StoredSymbols(lakehouse, System::nanoTime), simulated);
    }

    /**
     * Opens the market history: creates and fills the tables at first start, reuses them later, appends
     * what the simulator closed since, and loads the read cache from the table.
     *
     * @param market    the live market data source
     * @param lakehouse the lakehouse
     * @param storage   whether the data directory takes writes: when it does not (a full disk), the history is
     *                  served as stored and the simulator's new bars wait for a later {@link #appendClosed()}
     * @return the opened history
     */
    public static LakehouseMarketData open(MarketDataSource market, Lakehouse lakehouse, StorageGuard storage) {
        return open(market, lakehouse, storage, true);
    }

    /**
     * Opens the market history, appending what the simulator closed only when this process is the market writer
     * (several replicas share the tables and exactly one writes them; the others read them).
     *
     * @param market    the live market data source
     * @param lakehouse the lakehouse
     * @param storage   whether the data directory takes writes
     * @param writer    whether this process writes {@code market.*} now
     * @return the opened history
     */
    public static LakehouseMarketData open(MarketDataSource market, Lakehouse lakehouse, StorageGuard storage,
                                           boolean writer) {
        Objects.requireNonNull(market, "market");
        MarketTables tables = new MarketTables(lakehouse);
        boolean reuse = tables.exist();
        tables.createMissing();
        LakehouseMarketData data = new LakehouseMarketData(market, tables, lakehouse);
        for (String symbol : market.symbols()) {
            for (Interval interval : Interval.values()) {
                data.cache.append(tables.readAllBars(symbol, interval));
            }
            data.tickCursors.put(symbol, data.initialCursor(symbol));
        }
        if (!writer) {
            LOG.info("market history read from the shared tables; another replica writes them");
            return data;
        }
        if (!storage.writable()) {
            LOG.warn("market history reused read-only: the data directory takes no writes for now");
            return data;
        }
        try {
            long rows = data.appendClosed();
            LOG.info("market history {}: {} rows appended from the simulator", reuse ? "reused" : "created", rows);
        } catch (RuntimeException e) {
            if (!storage.recordFailure(e)) {
                throw e;
            }
        }
        return data;
    }

    /**
     * Returns the tables.
     *
     * @return the market tables
     */
    public MarketTables tables() {
        return tables;
    }

    /**
     * Returns the symbols served from stored bars only (imported history).
     *
     * @return the imported symbols
     */
    public ImportedSymbols imported() {
        return imported;
    }

    /**
     * Returns the read cache (the table's content).
     *
     * @return the cache
     */
    public BarSeriesCache cache() {
        return cache;
    }

    /**
     * Returns the source behind the live bars.
     *
     * @return the source
     */
    public MarketDataSource market() {
        return market;
    }

    /**
     * Appends to the tables every bar the simulator closed after the last stored one (one commit for all
     * symbols and intervals) and every new tick (one commit), then extends the cache.
     *
     * @return rows written
     */
    public synchronized long appendClosed() {
        List<BarColumns> bars = new ArrayList<>();
        for (String symbol : market.symbols()) {
            for (Interval interval : Interval.values()) {
                long last = cache.lastTime(symbol, interval);
                long from = last == Long.MIN_VALUE ? Long.MIN_VALUE : last + 1;
                BarColumns fresh = market.barColumns(symbol, interval, from, Long.MAX_VALUE);
                if (fresh.size() > 0) {
                    bars.add(fresh);
                }
            }
        }
        long rows = tables.appendBars(bars);
        for (BarColumns part : bars) {
            cache.append(part);
        }
        rows += appendTicks();
        return rows;
    }

    /**
     * Extends the read cache with the bars another process stored since this history last looked: what a replica
     * that does not write the market tables runs periodically.
     *
     * @return bars added to the cache
     */
    public synchronized long refreshFromTables() {
        long added = 0;
        for (String symbol : market.symbols()) {
            for (Interval interval : Interval.values()) {
                long last = cache.lastTime(symbol, interval);
                // The table's timestamps are microseconds: the open-ended bound must still fit once multiplied.
                BarColumns stored = last == Long.MIN_VALUE ? tables.readAllBars(symbol, interval)
                        : tables.readBars(symbol, interval, last + 1, Long.MAX_VALUE / 1_000);
                if (stored.size() > 0) {
                    added += cache.append(stored);
                }
            }
        }
        return added;
    }

    /**
     * Prepares this process to become the writer of the market tables: reads what the previous writer stored
     * (bars into the cache, tick positions from the table), so the next {@link #appendClosed()} continues after
     * the last stored bar and tick instead of writing them twice.
     */
    public synchronized void prepareToWrite() {
        refreshFromTables();
        for (String symbol : market.symbols()) {
            tickCursors.put(symbol, initialCursor(symbol));
        }
    }

    private long appendTicks() {
        long rows = 0;
        boolean more = true;
        while (more) {
            more = false;
            List<TickColumns> parts = new ArrayList<>();
            List<Runnable> advances = new ArrayList<>();
            for (String symbol : market.symbols()) {
                TickCursor cursor = tickCursors.get(symbol);
                TickColumns raw = market.tickColumns(symbol, cursor.afterSimSequence, TICK_CHUNK);
                if (raw.size() == 0) {
                    continue;
                }
                more |= raw.size() == TICK_CHUNK;
                TickColumns kept = cursor.admit(raw);
                long lastSim = raw.sequence()[raw.size() - 1];
                advances.add(() -> cursor.afterSimSequence = lastSim);
                if (kept.size() > 0) {
                    parts.add(kept);
                    long lastStored = kept.sequence()[kept.size() - 1];
                    long lastTs = kept.tsMs()[kept.size() - 1];
                    advances.add(() -> {
                        cursor.lastStoredSequence = lastStored;
                        cursor.lastStoredTsMs = lastTs;
                    });
                }
            }
            rows += tables.appendTicks(parts);
            // Cursors move only once the commit is in, so a failed commit is retried next round.
            advances.forEach(Runnable::run);
        }
        return rows;
    }

    /**
     * Returns closed bars with open time in {@code [fromMs, toMs]}: those stored in the lakehouse, followed by
     * those the simulator closed after the last append; at most the most recent {@code limit}. A symbol the
     * simulator does not know is served from its stored bars alone ({@link ImportedSymbols}).
     *
     * @param symbol   a known symbol
     * @param interval the interval
     * @param fromMs   first open time (inclusive)
     * @param toMs     last open time (inclusive)
     * @param limit    1..5000
     * @return the bars in strictly increasing time
     */
    public List<Bar> bars(String symbol, Interval interval, long fromMs, long toMs, int limit) {
        if (!simulated.contains(symbol)) {
            return imported.bars(symbol, interval, fromMs, toMs, limit);
        }
        long lastStored = cache.lastTime(symbol, interval);
        List<Bar> stored = cache.range(symbol, interval, fromMs, toMs, limit);
        if (toMs <= lastStored) {
            return stored;
        }
        long liveFrom = lastStored == Long.MIN_VALUE ? fromMs : Math.max(fromMs, lastStored + 1);
        List<Bar> live = market.bars(symbol, interval, liveFrom, toMs, limit);
        if (live.isEmpty()) {
            return stored;
        }
        if (stored.isEmpty() || live.size() >= limit) {
            return live;
        }
        int keepStored = Math.min(stored.size(), limit - live.size());
        List<Bar> out = new ArrayList<>(keepStored + live.size());
        out.addAll(stored.subList(stored.size() - keepStored, stored.size()));
        out.addAll(live);
        return out;
    }

    private TickCursor initialCursor(String symbol) {
        long lastSeq = 0;
        long lastTs = Long.MIN_VALUE;
        for (DataFile f : tables.tickFiles(symbol)) {
            Object seq = f.stats() == null ? null : f.stats().maxValues().get("seq");
            Object ts = f.stats() == null ? null : f.stats().maxValues().get("ts");
            if (seq instanceof Number n) {
                lastSeq = Math.max(lastSeq, n.longValue());
            } else {
                lastSeq = Math.max(lastSeq, tables.lastTickSequence(symbol));
            }
            if (ts instanceof String s) {
                lastTs = Math.max(lastTs, OffsetDateTime.parse(s).toInstant().toEpochMilli());
            }
        }
        return new TickCursor(lastSeq, lastTs);
    }

    /** Where the tick appender stands for one symbol. */
    private static final class TickCursor {
        private long afterSimSequence;
        private long lastStoredSequence;
        private long lastStoredTsMs;
        private long offset = Long.MIN_VALUE;

        TickCursor(long lastStoredSequence, long lastStoredTsMs) {
            this.lastStoredSequence = lastStoredSequence;
            this.lastStoredTsMs = lastStoredTsMs;
        }

        /** Drops ticks not later than the last stored one and renumbers the rest to continue the table. */
        TickColumns admit(TickColumns raw) {
            long[] ts = raw.tsMs();
            int from = 0;
            if (offset == Long.MIN_VALUE) {
                while (from < ts.length && ts[from] <= lastStoredTsMs) {
                    from++;
                }
                if (from == ts.length) {
                    return slice(raw, 0, 0, 0);
                }
                offset = lastStoredSequence - raw.sequence()[from] + 1;
            }
            return slice(raw, from, ts.length, offset);
        }

        private static TickColumns slice(TickColumns raw, int from, int to, long offset) {
            long[] seq = java.util.Arrays.copyOfRange(raw.sequence(), from, to);
            for (int i = 0; i < seq.length; i++) {
                seq[i] += offset;
            }
            return new TickColumns(raw.symbol(), seq, java.util.Arrays.copyOfRange(raw.tsMs(), from, to),
                    java.util.Arrays.copyOfRange(raw.price(), from, to),
                    java.util.Arrays.copyOfRange(raw.qty(), from, to),
                    java.util.Arrays.copyOfRange(raw.buy(), from, to));
        }
    }
}

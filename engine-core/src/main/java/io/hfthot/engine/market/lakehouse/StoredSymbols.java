package io.hfthot.engine.market.lakehouse;

import io.hfthot.engine.EngineException;

import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.lakehouse.DataFile;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Snapshot;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * What {@code market.ohlcv} holds, per symbol and interval: first and last bar time and the bar count, whoever
 * wrote the bars (the simulator, an import in this or another process, a foreign Delta writer).
 *
 * <p>Computed from the latest snapshot's partition values and per-file statistics (no data read), falling back to
 * reading the {@code ts} column of a partition whose files carry no statistics. The result is cached and the
 * table re-checked at most once per {@link #REFRESH_NANOS}: a symbol imported by another process appears within
 * that time without a restart. Thread-safe.
 */
public final class StoredSymbols {
    /** Minimum time between two checks of the table. */
    public static final long REFRESH_NANOS = 1_000_000_000L;

    /**
     * One stored (symbol, interval) series.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @param firstMs  open time of the first bar, Unix ms
     * @param lastMs   open time of the last bar, Unix ms
     * @param bars     number of bars
     */
    public record Coverage(String symbol, Interval interval, long firstMs, long lastMs, long bars) {
    }

    private final Lakehouse lakehouse;
    private final MarketTables tables;
    private final LongSupplier nanoTime;
    private long checkedAt;
    private long version = Long.MIN_VALUE;
    private Map<String, List<Coverage>> bySymbol = Map.of();

    /**
     * Creates the view.
     *
     * @param lakehouse the lakehouse holding {@code market.ohlcv}
     * @param nanoTime  a monotonic clock for the refresh interval (e.g. {@code System::nanoTime})
     */
    public StoredSymbols(Lakehouse lakehouse, LongSupplier nanoTime) {
        this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
        this.tables = new MarketTables(lakehouse);
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.checkedAt = nanoTime.getAsLong() - REFRESH_NANOS;
    }

    /**
     * Returns every stored series grouped by symbol (symbols sorted, intervals from finest to coarsest).
     *
     * @return symbol to its series
     */
    public synchronized Map<String, List<Coverage>> bySymbol() {
        long now = nanoTime.getAsLong();
        if (now - checkedAt >= REFRESH_NANOS) {
            checkedAt = now;
            if (lakehouse.exists(MarketTables.OHLCV)) {
                Snapshot snap = lakehouse.read(MarketTables.OHLCV);
                if (snap.version() != version) {
                    bySymbol = compute(snap);
                    version = snap.version();
                }
            }
        }
        return bySymbol;
    }

    /**
     * Returns one symbol's series (finest interval first), empty when none is stored.
     *
     * @param symbol the symbol
     * @return the series
     */
    public List<Coverage> of(String symbol) {
        return bySymbol().getOrDefault(symbol, List.of());
    }

    private Map<String, List<Coverage>> compute(Snapshot snap) {
        Map<String, Map<Interval, long[]>> acc = new java.util.TreeMap<>();
        Map<String, Map<Interval, Boolean>> exact = new LinkedHashMap<>();
        for (DataFile f : snap.dataFiles()) {
            String symbol = f.partitionValues().get("symbol");
            Interval interval;
            try {
                interval = Interval.parse(f.partitionValues().get("interval"));
            } catch (EngineException e) {
                continue; // an interval this server does not serve (written by another tool): not listed
            }
            if (symbol == null) {
                continue;
            }
            long[] a = acc.computeIfAbsent(symbol, s -> new java.util.EnumMap<>(Interval.class))
                    .computeIfAbsent(interval, i -> new long[] {Long.MAX_VALUE, Long.MIN_VALUE, 0});
            Long min = f.stats() == null ? null : millis(f.stats().minValues().get("ts"));
            Long max = f.stats() == null ? null : millis(f.stats().maxValues().get("ts"));
            if (min == null || max == null) {
                exact.computeIfAbsent(symbol, s -> new LinkedHashMap<>()).put(interval, false);
                continue;
            }
            a[0] = Math.min(a[0], min);
            a[1] = Math.max(a[1], max);
            a[2] += f.stats().numRecords();
        }
        Map<String, List<Coverage>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Map<Interval, long[]>> e : acc.entrySet()) {
            List<Coverage> list = new ArrayList<>();
            for (Map.Entry<Interval, long[]> s : e.getValue().entrySet()) {
                long[] a = s.getValue();
                if (exact.getOrDefault(e.getKey(), Map.of()).containsKey(s.getKey())) {
                    BarColumns all = tables.readAllBars(e.getKey(), s.getKey());
                    if (all.size() == 0) {
                        continue;
                    }
                    long[] t = all.time();
                    a = new long[] {t[0], t[t.length - 1], t.length};
                }
                if (a[2] > 0) {
                    list.add(new Coverage(e.getKey(), s.getKey(), a[0], a[1], a[2]));
                }
            }
            list.sort(Comparator.comparingLong(c -> c.interval().millis()));
            if (!list.isEmpty()) {
                out.put(e.getKey(), List.copyOf(list));
            }
        }
        return out;
    }

    /** Parses a {@code ts} statistic (ISO-8601 with offset, milliseconds); null when absent or unparseable. */
    private static Long millis(Object stat) {
        if (!(stat instanceof String s)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

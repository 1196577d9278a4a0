package io.hfthot.engine.market.lakehouse;

import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.BarRanges;
import io.hfthot.engine.market.Interval;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory columnar mirror of {@code market.ohlcv}: per symbol and interval, the bars committed to the
 * lakehouse, loaded from the table at start and extended only after each append commits. It lets an OHLCV
 * request be served by a binary search instead of a Parquet scan while returning exactly what the table
 * holds (tests compare the two).
 *
 * <p>Thread safety: one writer ({@link #append}) and any number of readers. The writer fills slots beyond
 * the published size and then publishes a new immutable view through a volatile write, so a reader sees
 * either the old or the new bars, never a partial bar.
 */
public final class BarSeriesCache {
    private final Map<String, Series> series = new ConcurrentHashMap<>();

    /** Creates an empty cache. */
    public BarSeriesCache() {
    }

    /**
     * Appends bars after the last cached one; bars at or before it are ignored.
     *
     * @param bars bars of one symbol and interval in increasing time
     * @return the number of bars added
     */
    public int append(BarColumns bars) {
        return series.computeIfAbsent(key(bars.symbol(), bars.interval()), k -> new Series()).append(bars);
    }

    /**
     * Returns the open time of the last cached bar.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @return Unix ms, or {@link Long#MIN_VALUE} when nothing is cached
     */
    public long lastTime(String symbol, Interval interval) {
        Series s = series.get(key(symbol, interval));
        return s == null ? Long.MIN_VALUE : s.view.lastTime();
    }

    /**
     * Returns the number of cached bars.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @return the count
     */
    public int size(String symbol, Interval interval) {
        Series s = series.get(key(symbol, interval));
        return s == null ? 0 : s.view.size;
    }

    /**
     * Returns the cached bars with open time in {@code [fromMs, toMs]}, at most the last {@code limit}.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @param fromMs   first open time (inclusive)
     * @param toMs     last open time (inclusive)
     * @param limit    at most this many (the most recent)
     * @return the bars in increasing time
     */
    public List<Bar> range(String symbol, Interval interval, long fromMs, long toMs, int limit) {
        Series s = series.get(key(symbol, interval));
        return s == null ? List.of() : s.view.range(fromMs, toMs, limit);
    }

    /**
     * Returns the closes of the last {@code count} cached bars (fewer when fewer exist).
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @param count    how many
     * @return closes, oldest first
     */
    public double[] lastCloses(String symbol, Interval interval, int count) {
        Series s = series.get(key(symbol, interval));
        if (s == null) {
            return new double[0];
        }
        View v = s.view;
        int from = Math.max(0, v.size - count);
        return Arrays.copyOfRange(v.close, from, v.size);
    }

    /**
     * Returns the cached columns with open time in {@code [fromMs, toMs]}.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @param fromMs   first open time (inclusive)
     * @param toMs     last open time (inclusive)
     * @return the columns
     */
    public BarColumns columns(String symbol, Interval interval, long fromMs, long toMs) {
        Series s = series.get(key(symbol, interval));
        if (s == null) {
            return new BarColumns(symbol, interval, new long[0], new double[0], new double[0], new double[0],
                    new double[0], new double[0]);
        }
        View v = s.view;
        int from = v.lowerBound(fromMs);
        int to = Math.max(from, v.lowerBound(toMs == Long.MAX_VALUE ? toMs : toMs + 1));
        return new BarColumns(symbol, interval, Arrays.copyOfRange(v.time, from, to),
                Arrays.copyOfRange(v.open, from, to), Arrays.copyOfRange(v.high, from, to),
                Arrays.copyOfRange(v.low, from, to), Arrays.copyOfRange(v.close, from, to),
                Arrays.copyOfRange(v.volume, from, to));
    }

    private static String key(String symbol, Interval interval) {
        return symbol + '|' + interval.label();
    }

    /** One symbol and interval: the mutable arrays and the published view. */
    private static final class Series {
        private volatile View view = new View(new long[0], new double[0], new double[0], new double[0],
                new double[0], new double[0], 0);

        synchronized int append(BarColumns bars) {
            View v = view;
            long last = v.lastTime();
            long[] t = bars.time();
            int start = 0;
            while (start < t.length && t[start] <= last) {
                start++;
            }
            int add = t.length - start;
            if (add == 0) {
                return 0;
            }
            int size = v.size + add;
            View grown = v;
            if (size > v.time.length) {
                int capacity = Math.max(size, v.time.length + (v.time.length >> 1) + 64);
                grown = new View(Arrays.copyOf(v.time, capacity), Arrays.copyOf(v.open, capacity),
                        Arrays.copyOf(v.high, capacity), Arrays.copyOf(v.low, capacity),
                        Arrays.copyOf(v.close, capacity), Arrays.copyOf(v.volume, capacity), v.size);
            }
            System.arraycopy(t, start, grown.time, v.size, add);
            System.arraycopy(bars.open(), start, grown.open, v.size, add);
            System.arraycopy(bars.high(), start, grown.high, v.size, add);
            System.arraycopy(bars.low(), start, grown.low, v.size, add);
            System.arraycopy(bars.close(), start, grown.close, v.size, add);
            System.arraycopy(bars.volume(), start, grown.volume, v.size, add);
            // Slots beyond the old size were invisible to readers; the volatile write publishes them.
            view = new View(grown.time, grown.open, grown.high, grown.low, grown.close, grown.volume, size);
            return add;
        }
    }

    /** An immutable prefix of the arrays: readers never look at index {@code size} or beyond. */
    private record View(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume,
                        int size) {
        long lastTime() {
            return size == 0 ? Long.MIN_VALUE : time[size - 1];
        }

        int lowerBound(long t) {
            return BarRanges.lowerBound(time, size, t);
        }

        List<Bar> range(long fromMs, long toMs, int limit) {
            return BarRanges.range(time, open, high, low, close, volume, size, fromMs, toMs, limit);
        }
    }
}

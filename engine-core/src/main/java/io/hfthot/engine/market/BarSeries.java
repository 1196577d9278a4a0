package io.hfthot.engine.market;

import java.util.Arrays;
import java.util.List;

/**
 * A growable columnar series of bars in strictly increasing time order. One writer (the market, under its
 * lock) appends; any number of readers may read at the same time without a lock: every append publishes
 * a {@link View} (the arrays and the size) through a volatile field, and a bar below a published size is
 * never written again, so a reader sees a consistent prefix of the series.
 */
final class BarSeries {
    private final Interval interval;
    private long[] time = new long[1024];
    private double[] open = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] close = new double[1024];
    private double[] volume = new double[1024];
    private int size;
    private volatile View view;

    /** What readers see: arrays that are never written below {@code size}, and that size. */
    private record View(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume,
                        int size) {
    }

    BarSeries(Interval interval) {
        this.interval = interval;
        publish();
    }

    private void publish() {
        view = new View(time, open, high, low, close, volume, size);
    }

    void append(long t, double o, double h, double l, double c, double v) {
        if (size > 0 && t <= time[size - 1]) {
            throw new IllegalStateException(interval + " bar at " + t + " after " + time[size - 1]);
        }
        if (size == time.length) {
            ensureCapacity(size * 2);
        }
        time[size] = t;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
        publish();
    }

    void ensureCapacity(int capacity) {
        if (capacity > time.length) {
            time = Arrays.copyOf(time, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
            publish();
        }
    }

    int size() {
        return size;
    }

    long lastTime() {
        return time[size - 1];
    }

    double lastClose() {
        return close[size - 1];
    }

    /** Reader-safe: the oldest open time, or {@link Long#MAX_VALUE} when empty. */
    long firstTime() {
        View v = view;
        return v.size == 0 ? Long.MAX_VALUE : v.time[0];
    }

    /** Reader-safe: the most recent {@code limit} bars with time in [start, end]. */
    List<Bar> range(long start, long end, int limit) {
        View v = view;
        return BarRanges.range(v.time, v.open, v.high, v.low, v.close, v.volume, v.size, start, end, limit);
    }

    /** Reader-safe: the bars with time in [start, end] as columns. */
    BarColumns columns(String symbol, long start, long end) {
        View v = view;
        int from = BarRanges.lowerBound(v.time, v.size, start);
        int to = end == Long.MAX_VALUE ? v.size : BarRanges.lowerBound(v.time, v.size, end + 1);
        to = Math.max(from, to);
        return new BarColumns(symbol, interval, Arrays.copyOfRange(v.time, from, to),
                Arrays.copyOfRange(v.open, from, to), Arrays.copyOfRange(v.high, from, to),
                Arrays.copyOfRange(v.low, from, to), Arrays.copyOfRange(v.close, from, to),
                Arrays.copyOfRange(v.volume, from, to));
    }
}

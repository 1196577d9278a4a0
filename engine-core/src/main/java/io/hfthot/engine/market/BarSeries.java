package io.hfthot.engine.market;

import java.util.Arrays;
import java.util.List;

/** A growable columnar series of bars in strictly increasing time order. Not thread-safe. */
final class BarSeries {
    private final Interval interval;
    private long[] time = new long[1024];
    private double[] open = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] close = new double[1024];
    private double[] volume = new double[1024];
    private int size;

    BarSeries(Interval interval) {
        this.interval = interval;
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
    }

    void ensureCapacity(int capacity) {
        if (capacity > time.length) {
            time = Arrays.copyOf(time, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
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

    long firstTime() {
        return size == 0 ? Long.MAX_VALUE : time[0];
    }

    /** Index of the first bar with time >= t (size when none). */
    private int lowerBound(long t) {
        return BarRanges.lowerBound(time, size, t);
    }

    /** The most recent {@code limit} bars with time in [start, end]. */
    List<Bar> range(long start, long end, int limit) {
        return BarRanges.range(time, open, high, low, close, volume, size, start, end, limit);
    }

    BarColumns columns(String symbol, long start, long end) {
        int from = lowerBound(start);
        int to = end == Long.MAX_VALUE ? size : lowerBound(end + 1);
        to = Math.max(from, to);
        return new BarColumns(symbol, interval, Arrays.copyOfRange(time, from, to),
                Arrays.copyOfRange(open, from, to), Arrays.copyOfRange(high, from, to),
                Arrays.copyOfRange(low, from, to), Arrays.copyOfRange(close, from, to),
                Arrays.copyOfRange(volume, from, to));
    }
}

package io.hfthot.engine.market;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A batch of bars of one symbol and interval as parallel columns, ready for a bulk columnar write (one
 * row per index into the {@code market.ohlcv} table). Arrays are copied in and out.
 *
 * @param symbol   the trading pair
 * @param interval the bar interval
 * @param time     bar open times in Unix milliseconds, strictly increasing
 * @param open     open prices
 * @param high     high prices
 * @param low      low prices
 * @param close    close prices
 * @param volume   volumes
 */
public record BarColumns(String symbol, Interval interval, long[] time, double[] open, double[] high,
                         double[] low, double[] close, double[] volume) {
    /** Validates the column lengths and copies the arrays. */
    public BarColumns {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(interval, "interval");
        int n = time.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("all columns must have the time column's length " + n);
        }
        time = time.clone();
        open = open.clone();
        high = high.clone();
        low = low.clone();
        close = close.clone();
        volume = volume.clone();
    }

    /**
     * Builds the columns of bars in time order.
     *
     * @param symbol   the trading pair
     * @param interval the bar interval
     * @param bars     the bars, oldest first (not modified)
     * @return the columns
     */
    public static BarColumns of(String symbol, Interval interval, List<Bar> bars) {
        int n = bars.size();
        long[] time = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        double[] volume = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            time[i] = b.time();
            open[i] = b.open();
            high[i] = b.high();
            low[i] = b.low();
            close[i] = b.close();
            volume[i] = b.volume();
        }
        return new BarColumns(symbol, interval, time, open, high, low, close, volume);
    }

    /**
     * Returns the number of bars.
     *
     * @return the row count
     */
    public int size() {
        return time.length;
    }

    /**
     * Returns one row as a {@link Bar}.
     *
     * @param index the row, in {@code [0, size())}
     * @return the bar
     */
    public Bar bar(int index) {
        return new Bar(time[index], open[index], high[index], low[index], close[index], volume[index]);
    }

    /**
     * Returns all rows as bars, in time order.
     *
     * @return a new list
     */
    public List<Bar> bars() {
        List<Bar> out = new ArrayList<>(size());
        for (int i = 0; i < size(); i++) {
            out.add(bar(i));
        }
        return out;
    }

    /**
     * Returns a copy of the open-time column.
     *
     * @return a new array
     */
    @Override
    public long[] time() {
        return time.clone();
    }

    /**
     * Returns a copy of the open column.
     *
     * @return a new array
     */
    @Override
    public double[] open() {
        return open.clone();
    }

    /**
     * Returns a copy of the high column.
     *
     * @return a new array
     */
    @Override
    public double[] high() {
        return high.clone();
    }

    /**
     * Returns a copy of the low column.
     *
     * @return a new array
     */
    @Override
    public double[] low() {
        return low.clone();
    }

    /**
     * Returns a copy of the close column.
     *
     * @return a new array
     */
    @Override
    public double[] close() {
        return close.clone();
    }

    /**
     * Returns a copy of the volume column.
     *
     * @return a new array
     */
    @Override
    public double[] volume() {
        return volume.clone();
    }
}

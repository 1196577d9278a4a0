package io.hfthot.engine.imports;

import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The validated bars of one symbol collected so far, with what ordering and duplicate checks need: the last
 * accepted open time (and where it came from) and the open times already stored.
 */
final class SymbolBars {
    private final String symbol;
    private final long[] stored;
    private long[] time = new long[1024];
    private double[] open = new double[1024];
    private double[] high = new double[1024];
    private double[] low = new double[1024];
    private double[] close = new double[1024];
    private double[] volume = new double[1024];
    private int size;
    private Path lastFile;
    private long lastLine;

    /**
     * Starts an empty collection.
     *
     * @param symbol the symbol
     * @param stored the open times already in the table for this symbol and interval, sorted
     */
    SymbolBars(String symbol, long[] stored) {
        this.symbol = symbol;
        this.stored = stored;
    }

    boolean isStored(long ts) {
        return Arrays.binarySearch(stored, ts) >= 0;
    }

    boolean isEmpty() {
        return size == 0;
    }

    long lastTime() {
        return time[size - 1];
    }

    String lastPlace() {
        return lastFile + ":" + lastLine;
    }

    int size() {
        return size;
    }

    void add(long ts, double o, double h, double l, double c, double v, Path file, long line) {
        if (size == time.length) {
            int capacity = Math.multiplyExact(size, 2);
            time = Arrays.copyOf(time, capacity);
            open = Arrays.copyOf(open, capacity);
            high = Arrays.copyOf(high, capacity);
            low = Arrays.copyOf(low, capacity);
            close = Arrays.copyOf(close, capacity);
            volume = Arrays.copyOf(volume, capacity);
        }
        time[size] = ts;
        open[size] = o;
        high[size] = h;
        low[size] = l;
        close[size] = c;
        volume[size] = v;
        size++;
        lastFile = file;
        lastLine = line;
    }

    long firstTime() {
        return time[0];
    }

    BarColumns toColumns(Interval interval) {
        return new BarColumns(symbol, interval, Arrays.copyOf(time, size), Arrays.copyOf(open, size),
                Arrays.copyOf(high, size), Arrays.copyOf(low, size), Arrays.copyOf(close, size),
                Arrays.copyOf(volume, size));
    }
}

package io.hfthot.engine.market;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * An immutable run of consecutive bars read in place from a columnar store: {@code get(i)} builds the
 * {@link Bar} from the columns when it is asked for, so selecting bars costs two binary searches and no
 * copy, whatever the run's length.
 *
 * <p>Why it is sound: it is created only over index ranges that the store never writes again (both
 * columnar stores here append beyond a published size and replace their arrays when they grow, so a slot
 * below a published size keeps its value for as long as anything refers to the arrays). Why it matters:
 * an OHLCV request that selects 100 bars whose JSON is already encoded would otherwise build 100 records
 * only to look at the first and last (measured in docs/performance.md).
 *
 * <p>Every mutator of {@link java.util.List} throws {@link UnsupportedOperationException}, as for
 * {@link List#of}. Thread-safe.
 */
public final class BarSlice extends AbstractList<Bar> implements RandomAccess {
    private static final BarSlice EMPTY = new BarSlice(new long[0], new double[0], new double[0], new double[0],
            new double[0], new double[0], 0, 0);

    private final long[] time;
    private final double[] open;
    private final double[] high;
    private final double[] low;
    private final double[] close;
    private final double[] volume;
    private final int from;
    private final int size;

    private BarSlice(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume,
                     int from, int to) {
        this.time = time;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        this.from = from;
        this.size = to - from;
    }

    /**
     * Returns a view of the bars at indices {@code [from, to)} of the columns. The caller guarantees that
     * those slots are never written again; the arrays are kept, not copied.
     *
     * @param time   open times (not modified)
     * @param open   open prices (not modified)
     * @param high   high prices (not modified)
     * @param low    low prices (not modified)
     * @param close  close prices (not modified)
     * @param volume volumes (not modified)
     * @param from   the first index, inclusive
     * @param to     the last index, exclusive, {@code from <= to <= time.length}
     * @return the slice
     * @throws IndexOutOfBoundsException when the range does not lie within every column
     */
    static BarSlice over(long[] time, double[] open, double[] high, double[] low, double[] close, double[] volume,
                         int from, int to) {
        int length = Math.min(time.length, Math.min(Math.min(open.length, high.length),
                Math.min(Math.min(low.length, close.length), volume.length)));
        Objects.checkFromToIndex(from, to, length);
        return from == to ? EMPTY : new BarSlice(time, open, high, low, close, volume, from, to);
    }

    /**
     * Returns an immutable copy of a bar list for a record to keep: a slice is immutable already and is
     * returned as it is, anything else is copied with {@link List#copyOf}.
     *
     * @param bars the bars (no nulls)
     * @return an immutable list of the same bars
     */
    public static List<Bar> immutable(List<Bar> bars) {
        return bars instanceof BarSlice slice ? slice : List.copyOf(bars);
    }

    @Override
    public Bar get(int index) {
        Objects.checkIndex(index, size);
        int i = from + index;
        return new Bar(time[i], open[i], high[i], low[i], close[i], volume[i]);
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public List<Bar> subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        return over(time, open, high, low, close, volume, from + fromIndex, from + toIndex);
    }
}

package io.hfthot.engine.market;

import java.util.Arrays;
import java.util.List;

/**
 * Time-range lookups over bars held as parallel columns in strictly increasing time order, shared by every
 * columnar bar store (the simulator's series, the lab's lakehouse cache).
 */
public final class BarRanges {
    private BarRanges() {
    }

    /**
     * Returns the index of the first bar with time {@code >= t} among the first {@code size} entries, or
     * {@code size} when there is none.
     *
     * @param time bar open times, strictly increasing over {@code [0, size)} (not modified)
     * @param size how many entries are in use
     * @param t    the time sought
     * @return the lower bound
     */
    public static int lowerBound(long[] time, int size, long t) {
        int at = Arrays.binarySearch(time, 0, size, t);
        return at >= 0 ? at : -at - 1;
    }

    /**
     * Returns the most recent {@code limit} bars whose time lies in {@code [start, end]}, oldest first.
     *
     * @param time   open times, strictly increasing over {@code [0, size)} (not modified)
     * @param open   open prices (not modified)
     * @param high   high prices (not modified)
     * @param low    low prices (not modified)
     * @param close  close prices (not modified)
     * @param volume volumes (not modified)
     * @param size   how many entries are in use
     * @param start  earliest open time, inclusive
     * @param end    latest open time, inclusive ({@link Long#MAX_VALUE} for no bound)
     * @param limit  the most bars to return
     * @return an immutable view of the bars (the columns are read in place: the caller guarantees that
     *         slots below {@code size} are never written again)
     */
    public static List<Bar> range(long[] time, double[] open, double[] high, double[] low, double[] close,
                                  double[] volume, int size, long start, long end, int limit) {
        int from = lowerBound(time, size, start);
        int to = end == Long.MAX_VALUE ? size : lowerBound(time, size, end + 1);
        from = Math.max(from, to - limit);
        return BarSlice.over(time, open, high, low, close, volume, from, Math.max(from, to));
    }
}

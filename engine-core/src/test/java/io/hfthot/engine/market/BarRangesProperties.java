package io.hfthot.engine.market;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * {@link BarRanges#range} returns, as an in-place {@link BarSlice}, exactly what a linear filter of the
 * columns returns (the most recent {@code limit} bars with time in {@code [start, end]}), and the slice
 * behaves as an immutable list of those bars.
 */
class BarRangesProperties {
    /** Columns of {@code size} valid bars at strictly increasing times, in arrays with spare capacity. */
    private record Columns(long[] time, double[] open, double[] high, double[] low, double[] close,
                           double[] volume, int size) {
        static Columns random(long seed, int size) {
            SplittableRandom rnd = new SplittableRandom(seed);
            int capacity = size + rnd.nextInt(0, 8);
            Columns c = new Columns(new long[capacity], new double[capacity], new double[capacity],
                    new double[capacity], new double[capacity], new double[capacity], size);
            long t = rnd.nextLong(0, 1_000);
            for (int i = 0; i < size; i++) {
                t += rnd.nextLong(1, 100);
                double o = rnd.nextDouble(10, 20);
                double cl = rnd.nextDouble(10, 20);
                c.time[i] = t;
                c.open[i] = o;
                c.close[i] = cl;
                c.high[i] = Math.max(o, cl) + rnd.nextDouble(0, 1);
                c.low[i] = Math.min(o, cl) - rnd.nextDouble(0, 1);
                c.volume[i] = rnd.nextDouble(0, 5);
            }
            return c;
        }

        List<Bar> linearFilter(long start, long end, int limit) {
            List<Bar> in = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                if (time[i] >= start && time[i] <= end) {
                    in.add(new Bar(time[i], open[i], high[i], low[i], close[i], volume[i]));
                }
            }
            return in.subList(Math.max(0, in.size() - limit), in.size());
        }

        List<Bar> range(long start, long end, int limit) {
            return BarRanges.range(time, open, high, low, close, volume, size, start, end, limit);
        }
    }

    @Property(tries = 300)
    void rangeEqualsALinearFilterOfTheColumns(@ForAll long seed, @ForAll @IntRange(min = 0, max = 200) int size,
                                              @ForAll @LongRange(min = -100, max = 20_000) long start,
                                              @ForAll @LongRange(min = 0, max = 20_000) long span,
                                              @ForAll @IntRange(min = 1, max = 300) int limit,
                                              @ForAll boolean unboundedEnd) {
        Columns c = Columns.random(seed, size);
        long end = unboundedEnd ? Long.MAX_VALUE : start + span;
        List<Bar> expected = c.linearFilter(start, end, limit);
        List<Bar> slice = c.range(start, end, limit);
        assertEquals(expected, slice);
        assertEquals(expected.size(), slice.size());
        assertEquals(expected.hashCode(), slice.hashCode());
    }

    @Property(tries = 200)
    void subListsOfASliceAreTheSubListsOfItsBars(@ForAll long seed, @ForAll @IntRange(min = 0, max = 60) int size,
                                                 @ForAll @IntRange(min = 0, max = 60) int a,
                                                 @ForAll @IntRange(min = 0, max = 60) int b) {
        List<Bar> slice = Columns.random(seed, size).range(Long.MIN_VALUE, Long.MAX_VALUE, 5000);
        int from = Math.min(Math.min(a, b), slice.size());
        int to = Math.min(Math.max(a, b), slice.size());
        List<Bar> copy = List.copyOf(slice);
        assertEquals(copy.subList(from, to), slice.subList(from, to));
    }

    @Property(tries = 50)
    void aSliceCannotBeChangedAndIsKeptAsItIsByImmutable(@ForAll long seed,
                                                          @ForAll @IntRange(min = 1, max = 40) int size) {
        List<Bar> slice = Columns.random(seed, size).range(Long.MIN_VALUE, Long.MAX_VALUE, 5000);
        Bar first = slice.get(0);
        assertThrows(UnsupportedOperationException.class, () -> slice.add(first));
        assertThrows(UnsupportedOperationException.class, () -> slice.set(0, first));
        assertThrows(UnsupportedOperationException.class, () -> slice.remove(0));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.get(size));
        assertThrows(IndexOutOfBoundsException.class, () -> slice.get(-1));
        assertSame(slice, BarSlice.immutable(slice));
        List<Bar> plain = new ArrayList<>(slice);
        List<Bar> kept = BarSlice.immutable(plain);
        plain.clear();
        assertEquals(size, kept.size());
        assertThrows(UnsupportedOperationException.class, () -> kept.add(first));
    }
}

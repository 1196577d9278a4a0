package io.hfthot.engine.market.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** The read cache answers every range query exactly as a brute-force filter over what was appended. */
class BarSeriesCacheProperties {

    @Property(tries = 200)
    void rangeQueriesMatchABruteForceFilter(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
                                            @ForAll @IntRange(min = 1, max = 12) int appends) {
        SplittableRandom random = new SplittableRandom(seed);
        BarSeriesCache cache = new BarSeriesCache();
        List<Bar> reference = new ArrayList<>();
        long t = 60_000L * random.nextInt(1_000);
        for (int a = 0; a < appends; a++) {
            // Chunks may overlap what is cached (a retried append): the overlap must be ignored.
            long chunkStart = reference.isEmpty() || random.nextInt(4) > 0 ? t
                    : reference.get(random.nextInt(reference.size())).time();
            int n = random.nextInt(0, 300);
            List<Bar> chunk = new ArrayList<>();
            long time = chunkStart;
            for (int i = 0; i < n; i++) {
                double open = 100 + random.nextDouble(10);
                double close = 100 + random.nextDouble(10);
                chunk.add(new Bar(time, open, Math.max(open, close) + 1, Math.min(open, close) - 1, close, random.nextDouble(5)));
                time += 60_000L * (1 + random.nextInt(3));
            }
            int added = cache.append(columns(chunk));
            int expectedAdded = 0;
            long last = reference.isEmpty() ? Long.MIN_VALUE : reference.get(reference.size() - 1).time();
            for (Bar b : chunk) {
                if (b.time() > last) {
                    reference.add(b);
                    expectedAdded++;
                }
            }
            assertEquals(expectedAdded, added);
            t = Math.max(t, time);
        }
        assertEquals(reference.size(), cache.size("X", Interval.ONE_MINUTE));
        long span = reference.isEmpty() ? 60_000L : reference.get(reference.size() - 1).time() + 120_000L;
        for (int q = 0; q < 20; q++) {
            long from = random.nextLong(-60_000L, span);
            long to = random.nextLong(from, span + 60_000L);
            int limit = 1 + random.nextInt(400);
            List<Bar> inRange = reference.stream().filter(b -> b.time() >= from && b.time() <= to).toList();
            List<Bar> expected = inRange.subList(Math.max(0, inRange.size() - limit), inRange.size());
            assertEquals(expected, cache.range("X", Interval.ONE_MINUTE, from, to, limit));
            assertEquals(inRange, cache.columns("X", Interval.ONE_MINUTE, from, to).bars());
        }
    }

    private static BarColumns columns(List<Bar> bars) {
        int n = bars.size();
        long[] time = new long[n];
        double[] o = new double[n];
        double[] h = new double[n];
        double[] l = new double[n];
        double[] c = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            Bar b = bars.get(i);
            time[i] = b.time();
            o[i] = b.open();
            h[i] = b.high();
            l[i] = b.low();
            c[i] = b.close();
            v[i] = b.volume();
        }
        return new BarColumns("X", Interval.ONE_MINUTE, time, o, h, l, c, v);
    }
}

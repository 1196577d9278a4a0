package io.hfthot.engine.hub.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The ring's statistics equal a direct computation over the last prices. */
class PriceWindowProperties {
    @Property(tries = 300, seed = "17")
    void ringMatchesTheTailOfTheSeries(@ForAll @Size(min = 2, max = 200) List<@DoubleRange(min = 1, max = 1e5) Double> prices,
                                       @ForAll @IntRange(min = 2, max = 64) int capacity) {
        PriceWindow w = new PriceWindow(capacity);
        prices.forEach(w::add);
        double[] tail = prices.subList(Math.max(0, prices.size() - capacity), prices.size()).stream()
                .mapToDouble(Double::doubleValue).toArray();
        assertEquals(tail.length, w.size());
        int n = tail.length;
        double mean = Arrays.stream(tail).average().orElseThrow();
        assertEquals(mean, w.mean(n), 1e-8 * mean);
        double ss = Arrays.stream(tail).map(x -> (x - mean) * (x - mean)).sum();
        assertEquals(Math.sqrt(ss / (n - 1)), w.stdDev(n), 1e-8 * mean);
        if (n > 1) {
            double max = Arrays.stream(tail, 0, n - 1).max().orElseThrow();
            assertEquals(max, w.maxBefore(n - 1), 0);
        }
        assertEquals(tail[n - 1], w.back(0), 0);
    }
}

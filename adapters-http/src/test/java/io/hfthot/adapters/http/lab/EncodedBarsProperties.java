package io.hfthot.adapters.http.lab;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.engine.lab.api.OhlcvResponse;
import io.hfthot.engine.market.Bar;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The shared, pre-encoded bars array writes exactly what encoding the engine's answer would. */
class EncodedBarsProperties {
    private static final JsonCodec CODEC = JsonCodec.standard();

    /** A random walk of closed 5m bars with prices and volumes at the precision the market data has. */
    private static List<Bar> bars(long seed, int count, long firstTime) {
        Random rnd = new Random(seed);
        List<Bar> out = new ArrayList<>(count);
        double price = 100 + rnd.nextDouble() * 50_000;
        for (int i = 0; i < count; i++) {
            double open = price;
            double close = Math.max(0.1, Math.round((price + rnd.nextGaussian() * price * 1e-3) * 10) / 10.0);
            double high = Math.max(open, close) + Math.round(rnd.nextDouble() * 50) / 10.0;
            double low = Math.max(0.05, Math.min(open, close) - Math.round(rnd.nextDouble() * 50) / 10.0);
            double volume = rnd.nextInt(4) == 0 ? rnd.nextDouble() * 1e4 : Math.round(rnd.nextDouble() * 1e7) / 1e4;
            out.add(new Bar(firstTime + i * 300_000L, open, high, low, close, volume));
            price = close;
        }
        return out;
    }

    @Property(tries = 200)
    void theWireBytesEqualEncodingTheEngineAnswer(@ForAll long seed, @ForAll @IntRange(max = 300) int count,
                                                  @ForAll @IntRange(max = 2) int repeats) {
        EncodedBars cache = new EncodedBars(CODEC.mapper(), 1 << 20);
        List<Bar> bars = bars(seed, count, 1_795_238_100_000L);
        OhlcvResponse engineAnswer = new OhlcvResponse("BTC-USDT", "5m", bars, "lakehouse", 0.123);
        byte[] expected = CODEC.encode(engineAnswer);
        for (int i = 0; i <= repeats; i++) { // the first call encodes, later ones reuse
            OhlcvBody wire = new OhlcvBody("BTC-USDT", "5m", cache.of("BTC-USDT", "5m", bars), "lakehouse", 0.123);
            assertArrayEquals(expected, CODEC.encode(wire));
        }
    }

    @Test
    void theSameRunIsEncodedOnceAndAnotherRunIsNot() {
        EncodedBars cache = new EncodedBars(CODEC.mapper(), 1 << 20);
        List<Bar> run = bars(7, 100, 1_795_238_100_000L);
        assertSame(cache.of("BTC-USDT", "5m", run), cache.of("BTC-USDT", "5m", List.copyOf(run)));
        assertNotSame(cache.of("BTC-USDT", "5m", run), cache.of("ETH-USDT", "5m", run));
        assertNotSame(cache.of("BTC-USDT", "5m", run), cache.of("BTC-USDT", "15m", run));
        assertNotSame(cache.of("BTC-USDT", "5m", run), cache.of("BTC-USDT", "5m", run.subList(1, 100)));
        assertNotSame(cache.of("BTC-USDT", "5m", run), cache.of("BTC-USDT", "5m", run.subList(0, 99)));
        assertEquals(5, cache.size());
        assertEquals("[]", cache.of("BTC-USDT", "5m", List.of()).getValue());
    }

    @Test
    void theByteBudgetHoldsAndLargeRunsAreNotKept() {
        long budget = 64 * 1024;
        EncodedBars cache = new EncodedBars(CODEC.mapper(), budget);
        for (int i = 0; i < 200; i++) {
            cache.of("BTC-USDT", "1m", bars(i, 40, 1_795_238_100_000L + i * 60_000L));
            assertTrue(cache.bytes() <= budget, "held " + cache.bytes() + " bytes over a budget of " + budget);
        }
        assertTrue(cache.size() > 1);
        int before = cache.size();
        List<Bar> large = bars(1, 200, 1_700_000_000_000L); // about 20 KB: more than an eighth of the budget
        assertNotSame(cache.of("SOL-USDT", "1m", large), cache.of("SOL-USDT", "1m", large));
        assertTrue(cache.size() <= before);
    }
}

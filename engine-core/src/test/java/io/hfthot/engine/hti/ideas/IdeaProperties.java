package io.hfthot.engine.hti.ideas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

/**
 * Invariants of every idea and revision: levels on the right sides of the entry, confidence in [0, 1], expiry
 * after creation, last update not before creation, one active idea per slot. Closes are seeded random walks with
 * a drawn drift and volatility; the regime and posterior are drawn too.
 */
class IdeaProperties {
    private static final List<String> REGIMES = List.of("trending", "mean_reverting", "volatile");
    private static final Instant T0 = Instant.parse("2026-01-12T14:00:00Z");

    private static double[] walk(SplittableRandom r, int n, double drift, double vol, double start) {
        double[] c = new double[n];
        c[0] = start;
        for (int i = 1; i < n; i++) {
            c[i] = c[i - 1] * Math.exp(drift + vol * (r.nextDouble() * 2 - 1) * Math.sqrt(3));
        }
        return c;
    }

    @Property(tries = 500)
    void proposalsHaveLevelsOnTheRightSidesAndAConfidenceInTheUnitInterval(
            @ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long seed,
            @ForAll @DoubleRange(min = 0, max = 1) @Scale(6) double confidence,
            @ForAll @IntRange(min = 0, max = 2) int regime) {
        SplittableRandom r = new SplittableRandom(seed);
        // Drift in [-0.3%, 0.3%] per bar, volatility from 0.001% to 2% (log-uniform), prices from 1e-3 to 1e5.
        double drift = (r.nextDouble() * 2 - 1) * 0.003;
        double vol = 1e-5 * Math.pow(2000, r.nextDouble());
        double start = 1e-3 * Math.pow(1e8, r.nextDouble());
        double[] closes = walk(r, 40, drift, vol, start);
        double last = closes[closes.length - 1] * Math.exp(vol * (r.nextDouble() - 0.5));
        Optional<IdeaProposal> p = IdeaGenerator.propose(closes, last, REGIMES.get(regime), confidence);
        if (p.isEmpty()) {
            return;
        }
        IdeaProposal q = p.get();
        if (TradeIdea.BUY.equals(q.side())) {
            assertTrue(q.stopLoss() < q.price() && q.price() < q.takeProfit(), q.toString());
        } else {
            assertEquals(TradeIdea.SELL, q.side());
            assertTrue(q.takeProfit() < q.price() && q.price() < q.stopLoss(), q.toString());
        }
        assertTrue(q.confidence() >= IdeaGenerator.MIN_CONFIDENCE && q.confidence() <= 1, q.toString());
        assertTrue(q.horizonBars() > 0);
        assertEquals(REGIMES.get(regime), q.regime());
    }

    @Property(tries = 100)
    void everyRevisionOfABookKeepsItsTimesAndLevelsConsistent(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE)
                                                              long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        IdeaBook book = new IdeaBook(List.of(), 1000);
        Map<String, double[]> paths = new HashMap<>();
        Timeframe[] frames = Timeframe.values();
        for (String instrument : List.of("BTC-USDT", "EUR-USD")) {
            for (Timeframe tf : frames) {
                paths.put(Observation.key(instrument, tf), walk(r, 120, (r.nextDouble() - 0.5) * 0.004,
                        1e-4 + r.nextDouble() * 0.01, 100));
            }
        }
        Map<Long, TradeIdea> previous = new HashMap<>();
        Instant now = T0;
        for (int pass = 0; pass < 60; pass++) {
            now = now.plus(Duration.ofMinutes(1 + r.nextInt(30)));
            List<Observation> obs = new ArrayList<>();
            for (Map.Entry<String, double[]> e : paths.entrySet()) {
                String[] parts = e.getKey().split("\\|");
                Timeframe tf = Timeframe.valueOf(parts[1]);
                int end = 40 + pass;
                double[] closes = java.util.Arrays.copyOfRange(e.getValue(), end - 40, end);
                long barTime = now.toEpochMilli() / tf.millis() * tf.millis() - tf.millis();
                obs.add(new Observation(parts[0], tf, closes, barTime,
                        closes[closes.length - 1] * Math.exp((r.nextDouble() - 0.5) * 0.01),
                        REGIMES.get(r.nextInt(3)), r.nextDouble()));
            }
            IdeaBook.Plan plan = book.plan(obs, now);
            for (TradeIdea i : plan.revisions()) {
                assertTrue(i.expirationTime().isAfter(i.creationTime()), i.toString());
                assertTrue(!i.lastUpdate().isBefore(i.creationTime()), i.toString());
                assertTrue(i.confidence() >= 0 && i.confidence() <= 1, i.toString());
                boolean buy = TradeIdea.BUY.equals(i.side());
                assertTrue(buy ? i.stopLoss() < i.price() && i.price() < i.takeProfit()
                        : i.takeProfit() < i.price() && i.price() < i.stopLoss(), i.toString());
                TradeIdea before = previous.get(i.id());
                if (before != null) {
                    assertEquals(before.revision() + 1, i.revision());
                    assertEquals(before.creationTime(), i.creationTime());
                    assertTrue(!i.lastUpdate().isBefore(before.lastUpdate()));
                } else {
                    assertEquals(0, i.revision());
                    assertEquals(i.creationTime(), i.lastUpdate());
                    assertEquals(i.creationTime().plusMillis(IdeaGenerator.HORIZON_BARS * i.timeframe().millis()),
                            i.expirationTime());
                }
                previous.put(i.id(), i);
            }
            book.apply(plan);
            Set<String> slots = new HashSet<>();
            for (TradeIdea a : book.active()) {
                assertTrue(slots.add(Observation.key(a.instrument(), a.timeframe())), "two active ideas in a slot");
            }
        }
    }
}

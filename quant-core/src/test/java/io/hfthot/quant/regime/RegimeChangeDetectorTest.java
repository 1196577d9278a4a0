package io.hfthot.quant.regime;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.hmm.Observations;
import io.hfthot.quant.hmm.Posteriors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Regime-change events against a direct recomputation and on a scripted market. */
class RegimeChangeDetectorTest {
    private static final RegimeModel MODEL = RegimeModelTest.FIT.model();

    private static Instant bar(int i) {
        return Instant.ofEpochMilli(1706784000000L + 300_000L * i);
    }

    @Test
    void eventsMatchADirectRecomputationOfTheViterbiRegimeOnEveryWindow() {
        int lookback = 60;
        double[] closes = RegimeSimulator.defaults().simulate(600, 77L).closes();
        RegimeChangeDetector detector = new RegimeChangeDetector(MODEL, lookback, 0.75);
        List<RegimeChangeEvent> events = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            detector.onBar(bar(i), closes[i]).ifPresent(events::add);
        }

        List<RegimeChangeEvent> expected = new ArrayList<>();
        Regime current = null;
        int warmup = MODEL.features().warmup();
        for (int n = warmup + 1; n < closes.length; n++) {
            int from = Math.max(0, n + 1 - (lookback + warmup));
            Observations x = MODEL.features().fromCloses(closes, from, n + 1);
            int last = x.length() - 1;
            Regime viterbi = MODEL.mapping().regime(MODEL.hmm().viterbi(x).state(last));
            Posteriors p = MODEL.hmm().posteriors(x);
            double confidence = 0;
            for (int s = 0; s < MODEL.hmm().states(); s++) {
                confidence += MODEL.mapping().regime(s) == viterbi ? p.filtered(last, s) : 0;
            }
            if (current == null) {
                current = viterbi;
            } else if (viterbi != current && confidence > 0.75) {
                expected.add(new RegimeChangeEvent(current, viterbi, confidence, viterbi.recommendedStrategy(), bar(n)));
                current = viterbi;
            }
        }
        assertTrue(expected.size() > 3, "the simulated path switches regimes");
        assertEquals(expected.size(), events.size());
        for (int i = 0; i < events.size(); i++) {
            RegimeChangeEvent e = events.get(i);
            assertEquals(expected.get(i).from(), e.from());
            assertEquals(expected.get(i).to(), e.to());
            assertEquals(expected.get(i).time(), e.time());
            assertEquals(expected.get(i).confidence(), e.confidence(), 1e-12);
            assertTrue(e.confidence() > 0.75);
            if (i > 0) {
                assertEquals(events.get(i - 1).to(), e.from());
            }
        }
        assertEquals(current, detector.current().orElseThrow());
    }

    @Test
    void aCalmMarketThatStartsTrendingEmitsAChangeToTrending() {
        SplittableRandom r = new SplittableRandom(5);
        double[] closes = new double[260];
        double logPrice = Math.log(100);
        double anchor = logPrice;
        for (int i = 0; i < closes.length; i++) {
            double ret = i < 160 ? -0.5 * (logPrice - anchor) + 0.002 * r.nextGaussian() : 0.002 + 0.001 * r.nextGaussian();
            logPrice += i == 0 ? 0 : ret;
            closes[i] = Math.exp(logPrice);
        }
        RegimeChangeDetector detector = new RegimeChangeDetector(MODEL);
        List<Integer> switchesToTrend = new ArrayList<>();
        for (int i = 0; i < closes.length; i++) {
            Optional<RegimeChangeEvent> e = detector.onBar(bar(i), closes[i]);
            if (i == 159) {
                assertEquals(Regime.MEAN_REVERTING, detector.current().orElseThrow());
            }
            if (e.isPresent() && e.get().to() == Regime.TRENDING) {
                switchesToTrend.add(i);
                assertEquals("momentum", e.get().recommendedStrategy());
                assertEquals(bar(i).toEpochMilli(), e.get().timeMillis());
            }
        }
        assertTrue(switchesToTrend.stream().anyMatch(i -> i > 160 && i <= 180), "switches at " + switchesToTrend);
        assertEquals(Regime.TRENDING, detector.current().orElseThrow());
        assertEquals(260, detector.bars());
    }

    @Test
    void aStricterThresholdNeverEmitsMoreEvents() {
        double[] closes = RegimeSimulator.defaults().simulate(500, 8L).closes();
        RegimeChangeDetector loose = new RegimeChangeDetector(MODEL, 100, 0.75);
        RegimeChangeDetector strict = new RegimeChangeDetector(MODEL, 100, 0.99);
        int looseEvents = 0;
        int strictEvents = 0;
        for (int i = 0; i < closes.length; i++) {
            Optional<RegimeChangeEvent> a = loose.onBar(bar(i), closes[i]);
            Optional<RegimeChangeEvent> b = strict.onBar(bar(i), closes[i]);
            looseEvents += a.isPresent() ? 1 : 0;
            strictEvents += b.isPresent() ? 1 : 0;
            b.ifPresent(e -> assertTrue(e.confidence() > 0.99));
        }
        assertTrue(strictEvents <= looseEvents, strictEvents + " > " + looseEvents);
    }

    @Test
    void badBarsAreRejected() {
        RegimeChangeDetector detector = new RegimeChangeDetector(MODEL);
        detector.onBar(bar(5), 100);
        assertRejected(() -> detector.onBar(bar(4), 100), "backwards");
        assertRejected(() -> detector.onBar(bar(6), Double.NaN), "close", "NaN");
        assertRejected(() -> detector.onBar(bar(6), 0), "close", "> 0");
        assertRejected(() -> new RegimeChangeDetector(MODEL, 1, 0.75), "lookback");
        assertRejected(() -> new RegimeChangeDetector(MODEL, 200, 1.0), "threshold");
        assertTrue(detector.current().isEmpty());
    }
}

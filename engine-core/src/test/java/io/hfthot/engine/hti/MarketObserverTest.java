package io.hfthot.engine.hti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.Engine;
import io.hfthot.engine.hti.ideas.IdeaBook;
import io.hfthot.engine.hti.ideas.IdeaGenerator;
import io.hfthot.engine.hti.ideas.Observation;
import io.hfthot.engine.hti.ideas.Timeframe;
import io.hfthot.engine.hti.ideas.TimeframeRegimes;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.regime.RegimeService;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.regime.RegimeFeatures;
import io.hfthot.quant.regime.RegimeModel;
import io.hfthot.quant.regime.RegimeSignal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each timeframe's idea is drawn from that timeframe's own bars and posterior. Checked by direct recomputation:
 * the M5 closes are rebuilt from the one-minute bars and the M15 closes from the M5 ones (exact, tolerance 0), an
 * HMM is fitted on the rebuilt closes (posterior within 1e-12), and idea levels are recomputed from the
 * timeframe's volatility (log distances within 2e-6: entry and levels each keep 7 significant digits, a
 * relative error of at most 5e-7 each).
 */
class MarketObserverTest {
    private static final Instant START = Instant.parse("2026-01-12T14:00:30Z");

    @TempDir
    Path dir;

    /** The closes of {@code coarse} bars ending at {@code lastTime}, rebuilt from the last fine bar of each. */
    private static double[] rebuilt(Engine engine, String symbol, Interval fine, Timeframe coarse, long lastTime,
                                    int count) {
        long first = lastTime - (count - 1) * coarse.millis();
        Map<Long, Double> fineCloses = new HashMap<>();
        for (Bar b : engine.marketHistory().bars(symbol, fine, first, lastTime + coarse.millis(), 5000)) {
            fineCloses.put(b.time(), b.close());
        }
        double[] out = new double[count];
        for (int k = 0; k < count; k++) {
            long closeBar = first + k * coarse.millis() + coarse.millis() - fine.millis();
            out[k] = fineCloses.get(closeBar);
        }
        return out;
    }

    private static double[] tail(double[] values, int count) {
        return Arrays.copyOfRange(values, values.length - count, values.length);
    }

    @Test
    void eachTimeframeReadsItsOwnResampledClosesAndItsOwnPosterior() {
        TestClock clock = new TestClock(START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            Engine engine = lab.engine();
            engine.runMaintenance();
            List<Observation> obs = new MarketObserver(engine).observe(clock.millis());
            Map<String, Observation> byKey = new HashMap<>();
            obs.forEach(o -> byKey.put(o.key(), o));
            int differsFromM1 = 0;
            for (String symbol : engine.market().symbols()) {
                Observation m1 = byKey.get(Observation.key(symbol, Timeframe.M1));
                assertEquals(engine.regimes().signal(symbol, RegimeService.DEFAULT_LOOKBACK).confidence(),
                        m1.confidence(), 0.0);
                Observation m5 = byKey.get(Observation.key(symbol, Timeframe.M5));
                Observation m15 = byKey.get(Observation.key(symbol, Timeframe.M15));
                assertEquals(TimeframeRegimes.FIT_BARS, m5.closes().length);
                assertEquals(TimeframeRegimes.FIT_BARS, m15.closes().length);
                double[] m5Closes = rebuilt(engine, symbol, Interval.ONE_MINUTE, Timeframe.M5, m5.lastBarTime(),
                        TimeframeRegimes.FIT_BARS);
                double[] m15Closes = rebuilt(engine, symbol, Interval.FIVE_MINUTES, Timeframe.M15, m15.lastBarTime(),
                        TimeframeRegimes.FIT_BARS);
                assertEquals(Arrays.toString(m5Closes), Arrays.toString(m5.closes()), symbol + " M5");
                assertEquals(Arrays.toString(m15Closes), Arrays.toString(m15.closes()), symbol + " M15");
                for (Object[] slot : new Object[][] {{m5, m5Closes}, {m15, m15Closes}}) {
                    Observation o = (Observation) slot[0];
                    double[] closes = (double[]) slot[1];
                    RegimeModel model = RegimeModel.fit(closes, RegimeFeatures.defaults(), FitOptions.defaults())
                            .model();
                    RegimeSignal expected = model.signal(tail(closes, TimeframeRegimes.SIGNAL_CLOSES));
                    assertEquals(expected.regime().wireName(), o.regime(), o.key());
                    assertEquals(expected.confidence(), o.confidence(), 1e-12, o.key());
                }
                // H1: the last 48 closes are the last one-minute closes of their hours.
                Observation h1 = byKey.get(Observation.key(symbol, Timeframe.H1));
                assertEquals(Arrays.toString(rebuilt(engine, symbol, Interval.ONE_MINUTE, Timeframe.H1,
                        h1.lastBarTime(), 48)), Arrays.toString(tail(h1.closes(), 48)), symbol + " H1");
                for (Observation o : List.of(m5, m15, h1)) {
                    if (o.confidence() != m1.confidence() || !o.regime().equals(m1.regime())) {
                        differsFromM1++;
                    }
                }
            }
            assertTrue(differsFromM1 > 0, "every timeframe read the one-minute posterior");
        }
    }

    @Test
    void ideasTakeTheirLevelsFromTheirTimeframesVolatilityAndExpireAfterTwelveOfItsBars() {
        TestClock clock = new TestClock(START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            Engine engine = lab.engine();
            MarketObserver observer = new MarketObserver(engine);
            int coarse = 0;
            for (int pass = 0; pass < 24 && coarse < 3; pass++) {
                clock.advance(Duration.ofMinutes(20));
                engine.runMaintenance();
                Instant now = clock.instant();
                List<Observation> obs = observer.observe(now.toEpochMilli());
                Map<String, Observation> byKey = new HashMap<>();
                obs.forEach(o -> byKey.put(o.key(), o));
                // A fresh book: every revision of the pass is a new idea drawn from its observation.
                for (TradeIdea idea : new IdeaBook(List.of(), 1000).plan(obs, now).revisions()) {
                    Observation o = byKey.get(Observation.key(idea.instrument(), idea.timeframe()));
                    double sigmaH = sampleStdOfLastReturns(o.closes(), 20) * Math.sqrt(12);
                    double dir = TradeIdea.BUY.equals(idea.side()) ? 1 : -1;
                    assertEquals(2 * sigmaH, dir * Math.log(idea.takeProfit() / idea.price()), 2e-6,
                            idea.toString());
                    assertEquals(sigmaH, dir * Math.log(idea.price() / idea.stopLoss()), 2e-6, idea.toString());
                    assertEquals(now.plusMillis(12 * idea.timeframe().millis()), idea.expirationTime());
                    assertEquals(Math.round(o.confidence() * 1e4) / 1e4, idea.confidence(), 0.0);
                    if (idea.timeframe() != Timeframe.M1) {
                        coarse++;
                    }
                }
            }
            assertTrue(coarse > 0, "no M5, M15 or H1 idea in 8 hours");
        }
    }

    /** Written out here rather than calling the generator's helper: mean, then squared deviations, n - 1. */
    private static double sampleStdOfLastReturns(double[] closes, int count) {
        double[] r = new double[count];
        for (int i = 0; i < count; i++) {
            int j = closes.length - count + i;
            r[i] = Math.log(closes[j]) - Math.log(closes[j - 1]);
        }
        double mean = Arrays.stream(r).average().orElseThrow();
        double ss = Arrays.stream(r).map(x -> (x - mean) * (x - mean)).sum();
        assertTrue(IdeaGenerator.VOL_BARS == count);
        return Math.sqrt(ss / (count - 1));
    }
}

package io.hfthot.engine.hti.ideas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.regime.Regime;
import io.hfthot.quant.regime.RegimeFeatures;
import io.hfthot.quant.regime.RegimeModel;
import io.hfthot.quant.regime.RegimeSignal;
import io.hfthot.quant.regime.RegimeSimulator;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A slot's regime is the posterior of an HMM fitted on that slot's own closes: checked against a direct
 * recomputation with quant-core (fit on the last 500 closes, filtered posterior over the last 211; tolerance
 * 1e-12, the fit being deterministic), with the refit schedule and the minimum history.
 */
class TimeframeRegimesTest {
    private static final long HOUR = 3_600_000L;
    private static final double TOL = 1e-12;

    private static double[] path(int bars, long seed) {
        return RegimeSimulator.defaults().simulate(bars, seed).closes();
    }

    private static RegimeSignal direct(double[] closes, int fitEnd, int signalEnd) {
        double[] fitOn = Arrays.copyOfRange(closes, Math.max(0, fitEnd - 500), fitEnd);
        RegimeModel model = RegimeModel.fit(fitOn, RegimeFeatures.defaults(), FitOptions.defaults()).model();
        return model.signal(Arrays.copyOfRange(closes, Math.max(0, signalEnd - 211), signalEnd));
    }

    private static void assertSameSignal(RegimeSignal expected, RegimeSignal actual) {
        assertEquals(expected.regime(), actual.regime());
        for (Regime r : Regime.values()) {
            assertEquals(expected.probability(r), actual.probability(r), TOL, r.wireName());
        }
    }

    @Test
    void theSignalIsTheFilteredPosteriorOfAModelFittedOnTheSlotsOwnCloses() {
        double[] closes = path(700, 11);
        TimeframeRegimes regimes = new TimeframeRegimes();
        RegimeSignal got = regimes.signal("X|H1", closes, 699 * HOUR, HOUR).orElseThrow();
        assertSameSignal(direct(closes, 700, 700), got);
        assertTrue(got.confidence() >= 1.0 / 3 - TOL && got.confidence() <= 1 + TOL, "confidence " + got.confidence());
    }

    @Test
    void theModelIsKeptUntilHundredNewBarsThenRefittedAndTheSignalIsCachedPerBar() {
        double[] closes = path(900, 5);
        TimeframeRegimes regimes = new TimeframeRegimes();
        String key = "X|M15";
        long bar = 15 * 60_000L;
        RegimeSignal first = regimes.signal(key, Arrays.copyOf(closes, 600), 599 * bar, bar).orElseThrow();
        // Same bar: the cached signal, whatever closes are passed.
        assertSame(first, regimes.signal(key, closes, 599 * bar, bar).orElseThrow());
        // 99 bars later: same model (fitted at bar 599), posterior over the newer closes.
        RegimeSignal later = regimes.signal(key, Arrays.copyOf(closes, 699), 698 * bar, bar).orElseThrow();
        assertEquals(Optional.of(599 * bar), regimes.fittedAt(key));
        assertSameSignal(direct(closes, 600, 699), later);
        // 100 bars after the fit: refitted on the last 500 closes.
        RegimeSignal refit = regimes.signal(key, Arrays.copyOf(closes, 700), 699 * bar, bar).orElseThrow();
        assertEquals(Optional.of(699 * bar), regimes.fittedAt(key));
        assertSameSignal(direct(closes, 700, 700), refit);
    }

    @Test
    void fewerThanThreeHundredClosesGiveNoRegimeUntilThereAreEnough() {
        double[] closes = path(400, 3);
        TimeframeRegimes regimes = new TimeframeRegimes();
        assertTrue(regimes.signal("Y|M5", Arrays.copyOf(closes, 299), 298, 1).isEmpty());
        assertTrue(regimes.fittedAt("Y|M5").isEmpty());
        assertTrue(regimes.signal("Y|M5", Arrays.copyOf(closes, 300), 299, 1).isPresent());
    }
}

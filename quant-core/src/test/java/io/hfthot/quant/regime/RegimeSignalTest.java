package io.hfthot.quant.regime;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The signal and event records: names, strategies and validation. */
class RegimeSignalTest {
    @Test
    void theSignalCarriesTheSeedsFieldsAndNames() {
        RegimeSignal s = RegimeSignal.fromProbabilities(new double[] {0.06, 0.87, 0.07});
        assertEquals(Regime.MEAN_REVERTING, s.regime());
        assertEquals(0.87, s.confidence());
        assertEquals("stat_arb", s.strategy());
        Map<String, Double> byName = s.stateProbsByName();
        assertEquals(List.of("trending", "mean_reverting", "volatile"), List.copyOf(byName.keySet()));
        assertEquals(0.07, byName.get("volatile"));
        assertEquals(0.06, s.probability(Regime.TRENDING));
    }

    @Test
    void everyRegimeHasItsDocumentedStrategy() {
        assertEquals("momentum", Regime.TRENDING.recommendedStrategy());
        assertEquals("stat_arb", Regime.MEAN_REVERTING.recommendedStrategy());
        assertEquals("reduce_exposure", Regime.VOLATILE.recommendedStrategy());
        for (Regime r : Regime.values()) {
            assertEquals(r, Regime.fromWireName(r.wireName()));
        }
        assertRejected(() -> Regime.fromWireName("sideways"), "trending, mean_reverting, volatile", "sideways");
    }

    @Test
    void inconsistentSignalsAndEventsAreRejected() {
        assertRejected(() -> RegimeSignal.fromProbabilities(new double[] {0.5, 0.6, 0.1}), "sum to 1");
        assertRejected(() -> new RegimeSignal(Regime.TRENDING, 0.9, "stat_arb",
                Map.of(Regime.TRENDING, 0.9, Regime.MEAN_REVERTING, 0.05, Regime.VOLATILE, 0.05)), "must be momentum");
        assertRejected(() -> new RegimeSignal(Regime.TRENDING, 0.8, "momentum",
                Map.of(Regime.TRENDING, 0.9, Regime.MEAN_REVERTING, 0.05, Regime.VOLATILE, 0.05)), "confidence");
        assertRejected(() -> new RegimeSignal(Regime.TRENDING, 0.9, "momentum",
                Map.of(Regime.TRENDING, 0.9, Regime.VOLATILE, 0.1)), "mean_reverting");
        Instant t = Instant.ofEpochMilli(1706785260000L);
        RegimeChangeEvent e = new RegimeChangeEvent(Regime.TRENDING, Regime.MEAN_REVERTING, 0.89, "stat_arb", t);
        assertEquals(1706785260000L, e.timeMillis());
        assertRejected(() -> new RegimeChangeEvent(Regime.VOLATILE, Regime.VOLATILE, 0.9, "reduce_exposure", t),
                "two different regimes");
        assertRejected(() -> new RegimeChangeEvent(Regime.VOLATILE, Regime.TRENDING, 1.2, "momentum", t), "confidence");
    }
}

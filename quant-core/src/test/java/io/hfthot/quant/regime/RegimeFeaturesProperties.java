package io.hfthot.quant.regime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.hmm.Observations;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

/** Invariants of the features on seeded random price paths. */
class RegimeFeaturesProperties {
    @Property(tries = 50)
    void efficiencyIsBoundedAndFeaturesIgnoreThePriceLevel(@ForAll long seed,
                                                           @ForAll @IntRange(min = 2, max = 30) int window,
                                                           @ForAll @DoubleRange(min = 1e-3, max = 1e3) @Scale(6) double scale) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] closes = new double[window + 1 + r.nextInt(100)];
        double[] scaled = new double[closes.length];
        closes[0] = 100;
        for (int i = 1; i < closes.length; i++) {
            closes[i] = closes[i - 1] * Math.exp(0.01 * r.nextGaussian());
        }
        for (int i = 0; i < closes.length; i++) {
            scaled[i] = closes[i] * scale;
        }
        RegimeFeatures f = new RegimeFeatures(window);
        Observations x = f.fromCloses(closes);
        Observations y = f.fromCloses(scaled);
        for (int t = 0; t < x.length(); t++) {
            double er = x.value(t, RegimeFeatures.EFFICIENCY);
            assertTrue(er >= 0 && er <= 1, "efficiency " + er);
            assertEquals(x.value(t, 0), y.value(t, 0), 1e-12);
            assertEquals(er, y.value(t, 1), 1e-9);
        }
    }
}

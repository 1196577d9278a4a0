package io.hfthot.quant.regime;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.quant.hmm.Observations;
import org.junit.jupiter.api.Test;

/** Closed forms of the features and their alignment with close indices. */
class RegimeFeaturesTest {
    private final RegimeFeatures features = new RegimeFeatures(4);

    @Test
    void aSteadyGeometricTrendHasEfficiencyOneAndItsGrowthRateAsReturn() {
        double[] closes = new double[12];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = 100 * Math.pow(1.01, i);
        }
        Observations x = features.fromCloses(closes);
        assertEquals(8, x.length());
        for (int t = 0; t < x.length(); t++) {
            assertEquals(Math.log(1.01), x.value(t, RegimeFeatures.RETURN), 1e-12);
            assertEquals(1.0, x.value(t, RegimeFeatures.EFFICIENCY), 1e-12);
        }
    }

    @Test
    void aZigzagThatAlwaysReturnsHasEfficiencyZeroAndAFlatWindowToo() {
        double[] zigzag = new double[10];
        for (int i = 0; i < zigzag.length; i++) {
            zigzag[i] = i % 2 == 0 ? 100 : 101;
        }
        Observations x = features.fromCloses(zigzag);
        for (int t = 0; t < x.length(); t++) {
            assertEquals(0.0, x.value(t, RegimeFeatures.EFFICIENCY), 1e-15);
            assertEquals((t % 2 == 0 ? -1 : 1) * Math.log(101.0 / 100), x.value(t, RegimeFeatures.RETURN), 1e-15);
        }
        double[] flat = {5, 5, 5, 5, 5, 5};
        assertEquals(0.0, features.fromCloses(flat).value(1, RegimeFeatures.EFFICIENCY));
    }

    @Test
    void rowTDescribesCloseIndexTPlusTheWindow() {
        double[] closes = {100, 101, 99, 102, 104, 103, 107};
        Observations x = features.fromCloses(closes);
        assertEquals(closes.length - features.warmup(), x.length());
        for (int t = 0; t < x.length(); t++) {
            int i = t + 4;
            assertEquals(Math.log(closes[i] / closes[i - 1]), x.value(t, 0), 1e-15);
            double path = 0;
            for (int m = i - 3; m <= i; m++) {
                path += Math.abs(Math.log(closes[m] / closes[m - 1]));
            }
            assertEquals(Math.abs(Math.log(closes[i] / closes[i - 4])) / path, x.value(t, 1), 1e-12);
        }
        Observations slice = features.fromCloses(closes, 1, 7);
        assertEquals(x.value(1, 1), slice.value(0, 1), 0.0);
    }

    @Test
    void badPricesAndShortHistoriesAreRejected() {
        assertRejected(() -> features.fromCloses(new double[] {100, 101, Double.NaN, 102, 103, 104}),
                "closes[2]", "NaN", "> 0");
        assertRejected(() -> features.fromCloses(new double[] {100, 101, -3, 102, 103, 104}), "closes[2]", "-3.0");
        assertRejected(() -> features.fromCloses(new double[] {100, 101, 102, 103}), "more than 4", "got 4");
        assertRejected(() -> features.fromCloses(null), "closes");
        assertRejected(() -> new RegimeFeatures(1), "efficiencyWindow", "got 1");
    }
}

package io.hfthot.quant.regime;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.quant.hmm.GaussianHmm;
import org.junit.jupiter.api.Test;

/** The documented state-to-regime rule on hand-built models. */
class RegimeMappingTest {
    static GaussianHmm model(double[][] means, double[][] variances) {
        int k = means.length;
        double[] pi = new double[k];
        double[][] a = new double[k][k];
        for (int i = 0; i < k; i++) {
            pi[i] = 1.0 / k;
            for (int j = 0; j < k; j++) {
                a[i][j] = i == j ? 0.9 : 0.1 / (k - 1);
            }
        }
        return GaussianHmm.of(pi, a, means, variances);
    }

    @Test
    void volatileIsTheHighestReturnVarianceTrendingTheHighestEfficiency() {
        GaussianHmm m = model(new double[][] {{0, 0.7}, {0, 0.2}, {0, 0.3}},
                new double[][] {{4e-6, 0.02}, {4e-6, 0.02}, {6e-5, 0.04}});
        RegimeMapping mapping = RegimeMapping.of(m);
        assertArrayEquals(new Regime[] {Regime.TRENDING, Regime.MEAN_REVERTING, Regime.VOLATILE},
                mapping.regimeOfState());
        // Relabelling the states relabels the mapping.
        RegimeMapping permuted = RegimeMapping.of(m.permute(new int[] {2, 0, 1}));
        assertArrayEquals(new Regime[] {Regime.VOLATILE, Regime.TRENDING, Regime.MEAN_REVERTING},
                permuted.regimeOfState());
    }

    @Test
    void extraStatesJoinTheRegimeWithTheCloserEfficiency() {
        GaussianHmm m = model(new double[][] {{0, 0.7}, {0, 0.2}, {0, 0.3}, {0, 0.55}},
                new double[][] {{4e-6, 0.02}, {4e-6, 0.02}, {6e-5, 0.04}, {5e-6, 0.02}});
        RegimeMapping mapping = RegimeMapping.of(m);
        assertArrayEquals(new Regime[] {Regime.TRENDING, Regime.MEAN_REVERTING, Regime.VOLATILE, Regime.TRENDING},
                mapping.regimeOfState());
        double[] regimes = new double[3];
        mapping.aggregate(new double[] {0.1, 0.2, 0.3, 0.4}, regimes);
        assertEquals(0.5, regimes[Regime.TRENDING.ordinal()], 1e-15);
        assertEquals(0.2, regimes[Regime.MEAN_REVERTING.ordinal()], 1e-15);
        assertEquals(0.3, regimes[Regime.VOLATILE.ordinal()], 1e-15);
    }

    @Test
    void modelsThatCannotCarryThreeRegimesAreRejected() {
        GaussianHmm two = model(new double[][] {{0, 0.7}, {0, 0.2}}, new double[][] {{1, 1}, {2, 1}});
        assertRejected(() -> RegimeMapping.of(two), "at least 3 states", "got 2");
        GaussianHmm oneFeature = GaussianHmm.univariate(new double[] {0.2, 0.3, 0.5},
                new double[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}, new double[] {0, 0, 0}, new double[] {1, 2, 3});
        assertRejected(() -> RegimeMapping.of(oneFeature), "2 features", "got 1");
        assertRejected(() -> new RegimeMapping(new Regime[] {Regime.TRENDING, Regime.TRENDING, Regime.VOLATILE}),
                "mean_reverting has none");
    }
}

package io.hfthot.quant.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Fitting several sequences at once ({@link BaumWelch#fit(List, FitOptions)}, {@link Observations#sequences}):
 * against the concatenation of the same sequences (which differs only at the boundary), against the one-sequence
 * fit, and against the model the sequences were drawn from.
 */
class MultiSequenceFitTest {
    private static final GaussianHmm TRUTH = GaussianHmm.univariate(new double[] {0.6, 0.3, 0.1},
            RandomModels.returnsModel().transitionMatrix(), new double[] {0.0005, 0.0, -0.001},
            new double[] {0.005 * 0.005, 0.01 * 0.01, 0.03 * 0.03});

    @Test
    void anEStepOverTwoSequencesDiffersFromTheConcatenationOnlyAtTheBoundary() {
        SplittableRandom rnd = new SplittableRandom(7);
        Observations a = TRUTH.sample(1500, rnd).observations();
        Observations b = TRUTH.sample(1500, rnd).observations();
        double[] joined = new double[3000];
        System.arraycopy(a.column(0), 0, joined, 0, 1500);
        System.arraycopy(b.column(0), 0, joined, 1500, 1500);
        Observations concatenated = Observations.univariate(joined);
        Observations two = Observations.sequences(List.of(a, b));
        double[] floor = {1e-12};

        HmmWorkspace one = new HmmWorkspace();
        BaumWelch.step(TRUTH, concatenated, floor, 0, one);
        double[] xiOne = one.xiSum.clone();
        HmmWorkspace split = new HmmWorkspace();
        EmStep s = BaumWelch.step(TRUTH, two, floor, 0, split);

        // Log-likelihood: exactly the two sequences' own (nothing crosses the boundary).
        assertEquals(TRUTH.logLikelihood(a) + TRUTH.logLikelihood(b), s.logLikelihood(), 1e-9);
        // Expected transitions: T - 2 in all instead of T - 1 (the boundary transition is the one left out).
        assertEquals(2998, sum(split.xiSum, 9), 1e-8);
        assertEquals(2999, sum(xiOne, 9), 1e-8);
        // Posteriors: identical once the boundary is forgotten (the chain mixes in a few dozen steps).
        for (int t = 0; t < 3000; t++) {
            if (Math.abs(t - 1500) < 100) {
                continue;
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(one.gamma[t * 3 + i], split.gamma[t * 3 + i], 1e-8, "t = " + t + ", state " + i);
            }
        }
        // The second sequence's first posterior starts from the initial distribution, not from the first's end.
        HmmWorkspace alone = new HmmWorkspace();
        TRUTH.forwardBackward(b, alone);
        for (int i = 0; i < 3; i++) {
            assertEquals(alone.smoothed(0, i), split.gamma[1500 * 3 + i], 1e-12);
        }
    }

    @Test
    void fittingTwoSequencesIsCloseToFittingTheirConcatenation() {
        SplittableRandom rnd = new SplittableRandom(5);
        double[] a = TRUTH.sample(2000, rnd).observations().column(0);
        double[] b = TRUTH.sample(2000, rnd).observations().column(0);
        double[] joined = new double[4000];
        System.arraycopy(a, 0, joined, 0, 2000);
        System.arraycopy(b, 0, joined, 2000, 2000);
        FitResult together = BaumWelch.fit(Observations.univariate(joined), FitOptions.defaults());
        FitResult apart = BaumWelch.fit(List.of(a, b), FitOptions.defaults());
        assertEquals(SolverStatus.CONVERGED, apart.status(), apart.reason());
        assertEquals(SolverStatus.CONVERGED, together.status(), together.reason());
        for (int i = 0; i < 3; i++) {
            // One transition in 4,000 moves each parameter by O(1/T); 1e-2 relative leaves room for that only.
            assertEquals(1, apart.model().variance(i, 0) / together.model().variance(i, 0), 1e-2, "variance " + i);
            assertEquals(together.model().mean(i, 0), apart.model().mean(i, 0),
                    1e-2 * Math.sqrt(together.model().variance(i, 0)), "mean " + i);
            for (int j = 0; j < 3; j++) {
                // Each state is visited ~1,000-1,700 times: 5e-3 is a handful of expected transitions.
                assertEquals(together.model().transition(i, j), apart.model().transition(i, j), 5e-3,
                        "A[" + i + "][" + j + "]");
            }
        }
        assertEquals(4000, apart.observations());
    }

    @Test
    void oneSequenceInAListFitsExactlyAsTheSequence() {
        double[] x = TRUTH.sample(1500, new SplittableRandom(3)).observations().column(0);
        FitResult single = BaumWelch.fit(Observations.univariate(x), FitOptions.defaults());
        FitResult listed = BaumWelch.fit(List.of(x), FitOptions.defaults());
        assertEquals(single.model(), listed.model());
        assertEquals(single.logLikelihood(), listed.logLikelihood(), 0.0);
    }

    @Test
    void manyShortSequencesRecoverTheModelIncludingItsInitialDistribution() {
        SplittableRandom rnd = new SplittableRandom(2026);
        List<double[]> sequences = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            sequences.add(TRUTH.sample(100, rnd).observations().column(0));
        }
        FitResult fit = BaumWelch.fit(sequences, FitOptions.defaults());
        assertEquals(SolverStatus.CONVERGED, fit.status(), fit.reason());
        GaussianHmm m = fit.model();
        for (int i = 0; i < 3; i++) {
            // 20,000 observations: standard errors of a few percent on the volatilities, ~0.005 on A_ii.
            assertEquals(1, Math.sqrt(m.variance(i, 0) / TRUTH.variance(i, 0)), 0.08, "sigma " + i);
            assertEquals(TRUTH.transition(i, i), m.transition(i, i), 0.025, "A[" + i + "][" + i + "]");
            // 200 first states: the proportions have standard errors of at most 0.035.
            assertEquals(TRUTH.initial()[i], m.initial()[i], 0.12, "pi " + i);
        }
        // The initial distribution is learnt from the sequences' starts: far from uniform as the truth is.
        assertTrue(m.initial()[0] > m.initial()[2] + 0.25, "pi " + java.util.Arrays.toString(m.initial()));
    }

    @Test
    void invalidSequencesAreRejectedNamingTheSequence() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> BaumWelch.fit(List.of(new double[] {1, 2, 3}, new double[] {1}), FitOptions.defaults()));
        assertTrue(e.getMessage().contains("sequences[1]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> BaumWelch.fit(List.of(new double[] {1, 2, 3}, new double[] {1, Double.NaN}), FitOptions.defaults()));
        assertTrue(e.getMessage().startsWith("sequences[1]: "), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> BaumWelch.fit(List.of(), FitOptions.defaults()));
        Observations two = Observations.sequences(List.of(Observations.univariate(new double[] {1, 2}),
                Observations.univariate(new double[] {3, 4})));
        e = assertThrows(IllegalArgumentException.class,
                () -> TRUTH.forwardBackward(two, new HmmWorkspace()));
        assertTrue(e.getMessage().contains("2 sequences"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> two.slice(0, 2));
        assertThrows(IllegalArgumentException.class, () -> Observations.sequences(List.of(
                Observations.univariate(new double[] {1, 2}), Observations.of(new double[][] {{1, 2}, {3, 4}}))));
    }

    private static double sum(double[] v, int n) {
        double s = 0;
        for (int i = 0; i < n; i++) {
            s += v[i];
        }
        return s;
    }
}

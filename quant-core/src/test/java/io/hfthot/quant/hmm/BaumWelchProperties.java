package io.hfthot.quant.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of Baum-Welch on seeded random models and data. Monotonicity is checked up to a relative rounding
 * slack of 1e-10 of the log-likelihood.
 */
class BaumWelchProperties {
    private static final double SLACK = 1e-10;

    @Property(tries = 30)
    void emNeverDecreasesTheLogLikelihood(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int k,
                                          @ForAll @IntRange(min = 1, max = 2) int d,
                                          @ForAll @IntRange(min = 2, max = 300) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        Observations x = RandomModels.model(r, k, d).sample(length, r).observations();
        GaussianHmm model = RandomModels.model(r, k, d);
        double[] floor = new double[d];
        java.util.Arrays.fill(floor, 1e-3);
        HmmWorkspace ws = new HmmWorkspace();
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 25; i++) {
            EmStep step = BaumWelch.step(model, x, floor, 0, ws);
            assertTrue(step.logLikelihood() >= previous - SLACK * Math.abs(previous),
                    "iteration " + i + ": " + step.logLikelihood() + " < " + previous);
            previous = step.logLikelihood();
            model = step.updated();
        }
    }

    @Property(tries = 20)
    void withAStickyPriorEmNeverDecreasesThePenalisedLikelihood(@ForAll long seed,
                                                                @ForAll @DoubleRange(min = 0.5, max = 50) double kappa,
                                                                @ForAll @IntRange(min = 20, max = 300) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        Observations x = RandomModels.model(r, 3, 1).sample(length, r).observations();
        GaussianHmm model = RandomModels.model(r, 3, 1);
        HmmWorkspace ws = new HmmWorkspace();
        double previous = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < 20; i++) {
            EmStep step = BaumWelch.step(model, x, new double[] {1e-3}, kappa, ws);
            double objective = step.logLikelihood();
            for (int s = 0; s < 3; s++) {
                objective += kappa * Math.log(model.transition(s, s));
            }
            assertTrue(objective >= previous - SLACK * Math.abs(previous), "iteration " + i);
            previous = objective;
            model = step.updated();
        }
    }

    @Property(tries = 20)
    void theThreeStateEStepPosteriorsSumToOne(@ForAll long seed, @ForAll @IntRange(min = 2, max = 3000) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianHmm truth = RandomModels.model(r, 3, 1);
        Observations x = truth.sample(length, r).observations();
        HmmWorkspace ws = new HmmWorkspace();
        EmStep step = BaumWelch.step(RandomModels.model(r, 3, 1), x, new double[] {1e-3}, 0, ws);
        double occupancy = 0;
        for (int t = 0; t < length; t++) {
            assertEquals(1.0, ws.smoothed(t, 0) + ws.smoothed(t, 1) + ws.smoothed(t, 2), 1e-10, "t=" + t);
        }
        for (int s = 0; s < 3; s++) {
            occupancy += ws.occupancy[s];
        }
        assertEquals(length, occupancy, 1e-10 * length);
        assertEquals(ReferenceHmm.logSpaceLogLikelihood(step.updated(), x), step.updated().logLikelihood(x),
                1e-10 * Math.max(1, Math.abs(step.logLikelihood())));
    }

    @Property(tries = 15)
    void theUpdatedModelIsValidAndRespectsTheFloor(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int k,
                                                   @ForAll @IntRange(min = 2, max = 200) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        Observations x = RandomModels.model(r, k, 2).sample(length, r).observations();
        EmStep step = BaumWelch.step(RandomModels.model(r, k, 2), x, new double[] {0.05, 0.1}, 1.0, new HmmWorkspace());
        GaussianHmm m = step.updated();
        double pi = 0;
        for (int i = 0; i < k; i++) {
            pi += m.initial()[i];
            double row = 0;
            for (int j = 0; j < k; j++) {
                row += m.transition(i, j);
            }
            assertEquals(1.0, row, 1e-12);
            assertTrue(m.variance(i, 0) >= 0.05 && m.variance(i, 1) >= 0.1);
        }
        assertEquals(1.0, pi, 1e-12);
    }

    @Property(tries = 8)
    void fitsComeInCanonicalOrderAndReportTheirOwnLikelihood(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianHmm truth = RandomModels.model(r, 2, 1);
        Observations x = truth.sample(300, r).observations();
        FitResult fit = BaumWelch.fit(x, FitOptions.defaults().withStates(2).withRestarts(2).withSeed(seed));
        GaussianHmm m = fit.model();
        assertTrue(m.variance(0, 0) <= m.variance(1, 0), "canonical order");
        assertEquals(m.logLikelihood(x), fit.logLikelihood(), 0.0);
        assertEquals(fit.logLikelihood(), m.permute(new int[] {1, 0}).logLikelihood(x),
                1e-10 * Math.abs(fit.logLikelihood()));
        assertEquals(BaumWelch.canonical(m.permute(new int[] {1, 0})), m);
    }
}

package io.hfthot.quant.hmm;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Baum-Welch fitting: recovery of a known model, determinism, degeneracy and bad input. */
class BaumWelchTest {
    private static final Sample RETURNS = RandomModels.returnsModel().sample(5000, new SplittableRandom(20261121L));

    /**
     * Simulates T = 5000 daily returns from A_ii = 0.95 and sigma = 0.5% / 1% / 3% and fits a 3-state model.
     * Stated tolerances: each sigma within 10% relative, each A_ii within 0.02, the fitted log-likelihood at least
     * the true model's (the MLE beats the truth on its own sample), and the Viterbi path of the fit agrees with
     * the true states on at least 80% of days (the Bayes rate here is about 85%: 0.5% and 1% days overlap).
     */
    @Test
    void recoversAKnownThreeRegimeReturnModelFromFiveThousandObservations() {
        GaussianHmm truth = RandomModels.returnsModel();
        FitResult fit = BaumWelch.fit(RETURNS.observations(), FitOptions.defaults());
        assertEquals(SolverStatus.CONVERGED, fit.status(), fit.reason());
        assertTrue(fit.converged());
        assertEquals("", fit.reason());
        GaussianHmm m = fit.model();
        double[] sigma = {0.005, 0.01, 0.03};
        for (int s = 0; s < 3; s++) {
            assertEquals(sigma[s], Math.sqrt(m.variance(s, 0)), 0.10 * sigma[s], "sigma of state " + s);
            assertEquals(truth.transition(s, s), m.transition(s, s), 0.02, "A_ii of state " + s);
        }
        Observations x = RETURNS.observations();
        assertTrue(fit.logLikelihood() >= truth.logLikelihood(x));
        assertEquals(m.logLikelihood(x), fit.logLikelihood(), 0.0);
        int[] path = m.viterbi(x).states();
        int[] states = RETURNS.states();
        int agree = 0;
        for (int t = 0; t < states.length; t++) {
            agree += path[t] == states[t] ? 1 : 0;
        }
        assertTrue(agree >= 0.80 * states.length, "Viterbi agreement " + agree);
    }

    @Test
    void theSameSeedGivesABitIdenticalFit() {
        Observations x = RETURNS.observations().slice(0, 1500);
        FitOptions options = FitOptions.defaults().withRestarts(3).withSeed(99);
        FitResult a = BaumWelch.fit(x, options);
        FitResult b = BaumWelch.fit(x, options);
        assertEquals(a.model(), b.model());
        assertEquals(Double.doubleToRawLongBits(a.logLikelihood()), Double.doubleToRawLongBits(b.logLikelihood()));
        assertArrayEquals(a.logLikelihoodTrace(), b.logLikelihoodTrace());
        assertArrayEquals(a.restartLogLikelihoods(), b.restartLogLikelihoods());
        assertEquals(a.iterations(), b.iterations());
    }

    @Test
    void theBestRestartWinsAndStatesComeInCanonicalOrder() {
        FitResult fit = BaumWelch.fit(RETURNS.observations().slice(0, 2000), FitOptions.defaults().withRestarts(4));
        double best = Double.NEGATIVE_INFINITY;
        for (double ll : fit.restartLogLikelihoods()) {
            best = Math.max(best, ll);
        }
        assertEquals(best, fit.logLikelihood(), 1e-8 * Math.abs(best));
        GaussianHmm m = fit.model();
        assertTrue(m.variance(0, 0) < m.variance(1, 0) && m.variance(1, 0) < m.variance(2, 0));
    }

    @Test
    void theTraceNeverDecreasesAndEndsAtTheReportedLikelihood() {
        FitResult fit = BaumWelch.fit(RETURNS.observations().slice(0, 1900), FitOptions.defaults().withRestarts(2));
        double[] trace = fit.logLikelihoodTrace();
        assertTrue(trace.length >= 1 && trace.length <= fit.iterations(), "one entry per SQUAREM cycle");
        for (int i = 1; i < trace.length; i++) {
            assertTrue(trace[i] >= trace[i - 1] - 1e-9 * Math.abs(trace[i - 1]), "iteration " + i);
        }
        assertEquals(trace[trace.length - 1], fit.logLikelihood(), 1e-8 * Math.abs(fit.logLikelihood()));
    }

    @Test
    void theIterationLimitIsAStatusNotAnException() {
        FitResult fit = BaumWelch.fit(RETURNS.observations(), FitOptions.defaults().withRestarts(1).withMaxIterations(3));
        assertEquals(SolverStatus.MAX_ITERATIONS, fit.status());
        assertFalse(fit.converged());
        assertEquals(3, fit.iterations());
        assertTrue(fit.reason().contains("3 EM steps"), fit.reason());
        assertFalse(fit.isUsable(), "only a converged fit is usable");
    }

    @Test
    void aStickyPriorMakesRegimesMorePersistent() {
        Observations x = RETURNS.observations().slice(0, 1000);
        FitResult plain = BaumWelch.fit(x, FitOptions.defaults().withRestarts(2));
        FitResult sticky = BaumWelch.fit(x, FitOptions.defaults().withRestarts(2).withStickyStrength(200));
        double plainDiag = 0;
        double stickyDiag = 0;
        for (int s = 0; s < 3; s++) {
            plainDiag += plain.model().transition(s, s);
            stickyDiag += sticky.model().transition(s, s);
        }
        assertTrue(stickyDiag > plainDiag, stickyDiag + " vs " + plainDiag);
        assertTrue(sticky.logLikelihood() <= plain.logLikelihood() + 1e-9 * Math.abs(plain.logLikelihood()));
    }

    @Test
    void theVarianceFloorIsRelativeToTheDataSoSmallDailyReturnVariancesSurvive() {
        FitResult fit = BaumWelch.fit(RETURNS.observations(), FitOptions.defaults().withRestarts(1));
        double[] x = RETURNS.observations().column(0);
        double mean = 0;
        for (double v : x) {
            mean += v / x.length;
        }
        double var = 0;
        for (double v : x) {
            var += (v - mean) * (v - mean) / x.length;
        }
        for (int s = 0; s < 3; s++) {
            assertTrue(fit.model().variance(s, 0) >= 1e-3 * var * (1 - 1e-12));
            // hmmlearn's absolute min_covar = 1e-3 would have forced every variance above 1e-3, i.e. sigma > 3%.
            assertTrue(fit.model().variance(s, 0) < 1e-3);
        }
    }

    @Test
    void aStateCollapsingOntoRunsOfExactlyZeroReturnsIsFlaggedDegenerate() {
        SplittableRandom r = new SplittableRandom(4);
        double[] returns = new double[600];
        for (int t = 0; t < returns.length; t++) {
            // Every other block of 30 bars is a market halt: returns are exactly zero.
            returns[t] = (t / 30) % 2 == 0 ? 0.0 : 0.01 * r.nextGaussian();
        }
        FitResult fit = BaumWelch.fit(Observations.univariate(returns), FitOptions.defaults());
        assertEquals(SolverStatus.DEGENERATE, fit.status());
        assertFalse(fit.isUsable());
        assertFalse(fit.reason().isEmpty());
        assertTrue(fit.reason().contains("all 6 starting model(s) degenerated")
                && fit.reason().contains("sits on a repeated value of feature 0"), fit.reason());
    }

    @Test
    void anEmStepWhoseUnrolledForwardPassMustFallBackStaysExact() {
        GaussianHmm m = GaussianHmm.univariate(new double[] {1, 0, 0},
                new double[][] {{0.9, 0.1, 0}, {0.5, 0.5, 0}, {0, 0, 1}}, new double[] {0, 50, 100},
                new double[] {1, 1, 1});
        Observations x = Observations.univariate(new double[] {0.3, 49, 100, 0.1});
        HmmWorkspace ws = new HmmWorkspace();
        EmStep step = BaumWelch.step(m, x, new double[] {1e-3}, 0, ws);
        double reference = ReferenceHmm.logSpaceLogLikelihood(m, x);
        assertEquals(reference, step.logLikelihood(), 1e-10 * Math.abs(reference));
        assertEquals(1.0, ws.smoothed(2, 1), 1e-10);
        assertTrue(step.updated().logLikelihood(x) >= step.logLikelihood());
    }

    @Test
    void badInputIsRejectedWithAClearMessage() {
        FitOptions o = FitOptions.defaults();
        assertRejected(() -> BaumWelch.fit(Observations.univariate(new double[13]), o), "13 rows", "14 free parameters");
        double[] constant = new double[100];
        java.util.Arrays.fill(constant, 0.25);
        assertRejected(() -> BaumWelch.fit(Observations.univariate(constant), o), "feature 0 is constant", "0.25");
        assertRejected(() -> Observations.univariate(new double[] {0.01, Double.NaN, 0.02}), "observations[1]", "NaN");
        GaussianHmm m = RandomModels.returnsModel();
        Observations two = Observations.of(new double[][] {{1, 2}, {3, 4}, {5, 6}});
        assertRejected(() -> BaumWelch.step(m, two, new double[] {1e-6}, 0, new HmmWorkspace()),
                "2 features", "expects 1");
        assertRejected(() -> BaumWelch.step(m, RETURNS.observations(), new double[] {0}, 0, new HmmWorkspace()),
                "varianceFloor[0]");
        assertRejected(() -> BaumWelch.step(m, RETURNS.observations(), new double[] {1e-8}, -1, new HmmWorkspace()),
                "stickyStrength");
        assertRejected(() -> FitOptions.defaults().withStates(0), "states must be in [1, 64], got 0");
        assertRejected(() -> FitOptions.defaults().withVarianceFloorFraction(0), "varianceFloorFraction");
        assertRejected(() -> FitOptions.defaults().withRelativeTolerance(Double.NaN), "relativeTolerance");
        assertRejected(() -> FitOptions.defaults().withRestarts(0), "restarts");
        assertRejected(() -> FitOptions.defaults().withMaxIterations(0), "maxIterations");
    }

    @Test
    void aMultiFeatureFitSeparatesStatesThatOneFeatureAloneCannot() {
        // Both states have the same return distribution; only the second feature tells them apart.
        GaussianHmm truth = GaussianHmm.of(new double[] {0.5, 0.5}, new double[][] {{0.97, 0.03}, {0.03, 0.97}},
                new double[][] {{0, 0.2}, {0, 0.8}}, new double[][] {{1e-4, 0.01}, {1e-4, 0.01}});
        Sample sample = truth.sample(3000, new SplittableRandom(12));
        FitResult fit = BaumWelch.fit(sample.observations(), FitOptions.defaults().withStates(2));
        assertEquals(SolverStatus.CONVERGED, fit.status(), fit.reason());
        double lo = Math.min(fit.model().mean(0, 1), fit.model().mean(1, 1));
        double hi = Math.max(fit.model().mean(0, 1), fit.model().mean(1, 1));
        assertEquals(0.2, lo, 0.02);
        assertEquals(0.8, hi, 0.02);
    }
}

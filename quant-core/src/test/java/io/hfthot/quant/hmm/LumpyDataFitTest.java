package io.hfthot.quant.hmm;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Fits on realistic daily returns ({@link LumpyReturns}: three regimes, one fat-tailed, about 4% exact zeros in
 * holidays and stale runs), against an independent hmmlearn-style EM.
 */
class LumpyDataFitTest {
    /** A further this many plain EM steps from the returned model ... */
    private static final int FURTHER_STEPS = 1000;
    /** ... move no parameter by more than this, relative in the sense of {@link ParameterChange}. */
    private static final double CONVERGED = 1e-6;

    /**
     * The default fit is converged, non-degenerate, at least as likely as the best of 20 restarts of the
     * reference EM (within 1e-10 relative: the reference stops when a step gains under 1e-9), and converged in
     * its parameters: 1,000 more EM steps move none of them by more than 1e-6 relative.
     */
    @Test
    void theDefaultFitBeatsTwentyHmmlearnStyleRestartsAndIsConverged() {
        for (long seed : new long[] {1, 2}) {
            double[] r = LumpyReturns.draw(2000, seed);
            long zeros = Arrays.stream(r).filter(v -> v == 0).count();
            assertTrue(zeros >= 40 && zeros <= 100, "zeros " + zeros);
            Observations x = Observations.univariate(r);
            FitResult fit = BaumWelch.fit(x, FitOptions.defaults());
            assertEquals(SolverStatus.CONVERGED, fit.status(), fit.reason());
            assertTrue(fit.isUsable());
            double floor = 1e-3 * variance(r);
            for (int s = 0; s < 3; s++) {
                assertTrue(fit.model().variance(s, 0) > 10 * floor, "state " + s + " is not a spike: " + fit.model());
            }

            double bestReference = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < 20; i++) {
                HmmlearnStyleEm.Fit reference = HmmlearnStyleEm.fit(r, 3, 100 + i);
                if (!reference.degenerate()) {
                    bestReference = Math.max(bestReference, reference.logLikelihood());
                }
            }
            assertTrue(Double.isFinite(bestReference), "some reference restart is a regime fit");
            assertTrue(fit.logLikelihood() >= bestReference - 1e-10 * Math.abs(bestReference),
                    fit.logLikelihood() + " vs reference " + bestReference);

            GaussianHmm further = fit.model();
            HmmWorkspace ws = new HmmWorkspace();
            for (int i = 0; i < FURTHER_STEPS; i++) {
                further = BaumWelch.step(further, x, new double[] {floor}, 0, ws).updated();
            }
            double moved = ParameterChange.max(fit.model(), further);
            assertTrue(moved <= CONVERGED, "seed " + seed + ": 1,000 more EM steps moved a parameter by " + moved);
        }
    }

    /**
     * With 8% zeros some starts collapse a state onto the zeros and reach a far higher (unbounded but for the
     * floor) likelihood; the fit still returns the regime fit, and it is the best regime fit the plain reference
     * EM finds.
     */
    @Test
    void aRegimeFitIsPreferredToAMoreLikelyDegenerateOne() {
        double[] r = LumpyReturns.draw(800, 4, 0.08);
        FitResult fit = BaumWelch.fit(Observations.univariate(r), FitOptions.defaults());
        assertEquals(SolverStatus.CONVERGED, fit.status(), fit.reason());
        double bestStart = Arrays.stream(fit.restartLogLikelihoods()).max().orElseThrow();
        assertTrue(bestStart > fit.logLikelihood() + 50, "a degenerate start was more likely: " + bestStart);
        assertEquals(6, fit.restartLogLikelihoods().length);
    }

    @Test
    void whenEveryStartDegeneratesTheFitSaysSo() {
        double[] r = LumpyReturns.draw(800, 3, 0.12);
        FitResult fit = BaumWelch.fit(Observations.univariate(r), FitOptions.defaults());
        assertEquals(SolverStatus.DEGENERATE, fit.status());
        assertTrue(fit.reason().startsWith("all 6 starting model(s) degenerated"), fit.reason());
        assertTrue(fit.reason().contains("sits on a repeated value of feature 0") && fit.reason().contains(" equal 0.00000 "),
                fit.reason());
    }

    @Test
    void aFitFromAGivenModelContinuesFromIt() {
        double[] r = LumpyReturns.draw(2000, 1);
        Observations x = Observations.univariate(r);
        FitResult full = BaumWelch.fit(x, FitOptions.defaults());
        FitResult again = BaumWelch.fit(x, FitOptions.defaults(), full.model());
        assertEquals(SolverStatus.CONVERGED, again.status());
        assertTrue(again.iterations() < 20, "a converged start needs few steps: " + again.iterations());
        assertTrue(ParameterChange.max(full.model(), again.model()) <= CONVERGED);
        assertEquals(1, again.restartLogLikelihoods().length);

        // From a rough model on a shorter window: a valid fit of its own.
        GaussianHmm rough = GaussianHmm.univariate(new double[] {0.4, 0.4, 0.2},
                new double[][] {{0.9, 0.05, 0.05}, {0.05, 0.9, 0.05}, {0.1, 0.1, 0.8}},
                new double[] {0.0, 0.0, 0.0}, new double[] {4e-5, 1.5e-4, 1e-3});
        FitResult warm = BaumWelch.fit(x.slice(0, 1000), FitOptions.defaults(), rough);
        assertEquals(SolverStatus.CONVERGED, warm.status(), warm.reason());
        assertEquals(warm.model().logLikelihood(x.slice(0, 1000)), warm.logLikelihood(), 0.0);

        assertRejected(() -> BaumWelch.fit(x, FitOptions.defaults().withStates(2), rough), "initialModel has 3 states",
                "options.states is 2");
        assertRejected(() -> BaumWelch.fit(x, FitOptions.defaults(), null), "initialModel must not be null");
    }

    @Test
    void plainEmReachesTheSameFixedPointAsSquarem() {
        Observations x = Observations.univariate(LumpyReturns.draw(1000, 5));
        FitResult fast = BaumWelch.fit(x, FitOptions.defaults());
        FitResult plain = BaumWelch.fit(x, FitOptions.defaults(), fast.model());
        FitResult plainFromScratch = BaumWelch.fit(x,
                FitOptions.builder().accelerated(false).maxIterations(20_000).relativeTolerance(1e-9).build());
        assertEquals(SolverStatus.CONVERGED, plainFromScratch.status(), plainFromScratch.reason());
        assertTrue(ParameterChange.max(fast.model(), plain.model()) <= CONVERGED);
        assertTrue(ParameterChange.max(fast.model(), plainFromScratch.model()) <= 1e-5,
                "plain EM stops within about tolerance / (1 - rate) of the fixed point");
    }

    /** An interrupted fit stops at its next SQUAREM cycle and says CANCELLED; the interrupt flag stays set. */
    @Test
    void anInterruptedFitReturnsPromptlyWithCancelled() throws Exception {
        Observations x = Observations.univariate(LumpyReturns.draw(20_000, 9));
        FitOptions many = FitOptions.defaults().withRestarts(200);
        FitResult[] out = new FitResult[1];
        boolean[] flag = new boolean[1];
        long[] stoppedAt = new long[1];
        Thread worker = new Thread(() -> {
            out[0] = BaumWelch.fit(x, many);
            stoppedAt[0] = System.nanoTime();
            flag[0] = Thread.currentThread().isInterrupted();
        });
        worker.start();
        Thread.sleep(300);
        long interruptedAt = System.nanoTime();
        worker.interrupt();
        worker.join(10_000);
        assertEquals(SolverStatus.CANCELLED, out[0].status(), out[0].reason());
        assertTrue(out[0].reason().startsWith("interrupted"), out[0].reason());
        assertTrue(flag[0], "the interrupt flag is left set");
        // One SQUAREM cycle on 20,000 observations is ~3 EM steps of ~0.5 ms: 1 s allows a very loaded machine.
        assertTrue((stoppedAt[0] - interruptedAt) / 1e6 < 1000, "stopped after " + (stoppedAt[0] - interruptedAt) / 1e6
                + " ms");
        assertEquals(out[0].model().logLikelihood(x), out[0].logLikelihood(), 0.0);
    }

    static double variance(double[] r) {
        double mean = Arrays.stream(r).average().orElseThrow();
        return Arrays.stream(r).map(v -> (v - mean) * (v - mean)).sum() / r.length;
    }
}

package io.hfthot.quant.hmm;

import static io.hfthot.quant.hmm.Messages.assertRejected;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.Tolerances;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Examples and cross-checks of inference against brute-force enumeration and a log-space reference. */
class GaussianHmmTest {
    private static final double TOL = Tolerances.INVARIANT_ABSOLUTE;

    @Test
    void likelihoodPosteriorsAndViterbiMatchBruteForceEnumerationOnTinySequences() {
        SplittableRandom r = new SplittableRandom(7);
        for (int trial = 0; trial < 12; trial++) {
            int k = 2 + trial % 2;
            int d = 1 + trial % 3 / 2;
            int length = 1 + trial % 6;
            GaussianHmm m = RandomModels.model(r, k, d);
            Observations x = m.sample(length, r).observations();
            ReferenceHmm.Enumeration brute = ReferenceHmm.enumerate(m, x);

            HmmWorkspace ws = new HmmWorkspace();
            double ll = m.infer(x, ws);
            assertEquals(brute.logLikelihood(), ll, TOL * Math.max(1, Math.abs(ll)), "log-likelihood, trial " + trial);
            for (int t = 0; t < length; t++) {
                for (int s = 0; s < k; s++) {
                    assertEquals(brute.smoothed()[t][s], ws.smoothed(t, s), TOL, "smoothed (" + t + "," + s + ")");
                }
            }
            int[] path = new int[length];
            for (int t = 0; t < length; t++) {
                path[t] = ws.viterbiState(t);
            }
            assertArrayEquals(brute.bestPath(), path, "Viterbi path, trial " + trial);
            assertEquals(brute.bestScore(), ws.viterbiLogProbability(), TOL * Math.max(1, Math.abs(brute.bestScore())));
        }
    }

    @Test
    void filteredPosteriorEqualsBruteForceSmoothedPosteriorOfThePrefix() {
        SplittableRandom r = new SplittableRandom(11);
        GaussianHmm m = RandomModels.model(r, 3, 1);
        Observations x = m.sample(6, r).observations();
        HmmWorkspace ws = new HmmWorkspace();
        m.forwardBackward(x, ws);
        for (int t = 0; t < x.length(); t++) {
            ReferenceHmm.Enumeration prefix = ReferenceHmm.enumerate(m, x.slice(0, t + 1));
            for (int s = 0; s < 3; s++) {
                assertEquals(prefix.smoothed()[t][s], ws.filtered(t, s), TOL, "filtered (" + t + "," + s + ")");
            }
        }
    }

    @Test
    void anOutlierFarFromEveryStateDoesNotUnderflowTheScaledRecursion() {
        GaussianHmm m = RandomModels.returnsModel();
        double[] r = new double[50];
        SplittableRandom rng = new SplittableRandom(3);
        for (int t = 0; t < r.length; t++) {
            r[t] = 0.01 * rng.nextGaussian();
        }
        r[25] = 2.0; // 67 sigma of the most volatile state: every density underflows to 0 in linear space
        Observations x = Observations.univariate(r);
        HmmWorkspace ws = new HmmWorkspace();
        double ll = m.forwardBackward(x, ws);
        double reference = ReferenceHmm.logSpaceLogLikelihood(m, x);
        assertEquals(reference, ll, TOL * Math.abs(reference));
        assertEquals(1.0, ws.smoothed(25, 2), 1e-12, "the outlier belongs to the 3% state");
        for (int t = 0; t < r.length; t++) {
            double sum = 0;
            for (int s = 0; s < 3; s++) {
                sum += ws.smoothed(t, s);
            }
            assertEquals(1.0, sum, TOL);
        }
    }

    @Test
    void zeroTransitionsAreHandledExactlyWhenTheRowMaximumIsUnreachable() {
        // State 1 can never follow state 0, yet x_1 sits on state 1's mean: the scaled row is dominated by an
        // unreachable state and every reachable emission underflows relative to it.
        GaussianHmm m = GaussianHmm.univariate(new double[] {1, 0}, new double[][] {{1, 0}, {0.5, 0.5}},
                new double[] {0, 100}, new double[] {1, 1});
        Observations x = Observations.univariate(new double[] {0.1, 100, 0.2});
        HmmWorkspace ws = new HmmWorkspace();
        double ll = m.forwardBackward(x, ws);
        assertEquals(ReferenceHmm.logSpaceLogLikelihood(m, x), ll, TOL * Math.abs(ll));
        assertEquals(1.0, ws.filtered(1, 0), 0.0);
        assertEquals(1.0, ws.smoothed(2, 0), 0.0);
    }

    @Test
    void theUnrolledThreeStatePathFallsBackExactlyWhenOnlyAnUnreachableStateFits() {
        GaussianHmm m = GaussianHmm.univariate(new double[] {1, 0, 0},
                new double[][] {{0.9, 0.1, 0}, {0.5, 0.5, 0}, {0, 0, 1}}, new double[] {0, 50, 100},
                new double[] {1, 1, 1});
        Observations x = Observations.univariate(new double[] {0.3, 49, 100, 0.1});
        HmmWorkspace ws = new HmmWorkspace();
        double ll = m.infer(x, ws);
        assertEquals(ReferenceHmm.logSpaceLogLikelihood(m, x), ll, TOL * Math.abs(ll));
        assertEquals(1.0, ws.smoothed(2, 1), TOL);
        assertEquals(ReferenceHmm.pathLogProbability(m, x, new int[] {0, 1, 1, 0}), ws.viterbiLogProbability(),
                TOL * Math.abs(ll));
    }

    @Test
    void longSequencesCrossTheRescalingThresholdsWithoutLosingAccuracy() {
        GaussianHmm m = RandomModels.returnsModel();
        Sample sample = m.sample(5000, new SplittableRandom(17));
        Observations x = sample.observations();
        HmmWorkspace ws = new HmmWorkspace();
        double ll = m.forwardBackward(x, ws);
        double reference = ReferenceHmm.logSpaceLogLikelihood(m, x);
        assertEquals(reference, ll, TOL * Math.abs(reference));
        ForwardFilter filter = new ForwardFilter(m);
        for (int t = 0; t < x.length(); t++) {
            filter.update(x.value(t, 0));
        }
        for (int s = 0; s < 3; s++) {
            assertEquals(filter.probability(s), ws.filtered(4999, s), TOL);
        }
        for (int t = 0; t < x.length(); t += 97) {
            assertEquals(1.0, ws.smoothed(t, 0) + ws.smoothed(t, 1) + ws.smoothed(t, 2), TOL);
        }
    }

    @Test
    void anAstronomicallyUnlikelySequenceKeepsAnExactFiniteLogLikelihood() {
        GaussianHmm m = GaussianHmm.univariate(new double[] {1, 0}, new double[][] {{1, 0}, {0, 1}},
                new double[] {0, 1e6}, new double[] {1e-6, 1e-6});
        Observations x = Observations.univariate(new double[] {0, 1e6});
        // State 0's density at 1e6 is exp(-5e17), zero in linear space; state 1 is unreachable.
        double ll = m.logLikelihood(x);
        assertEquals(ReferenceHmm.logSpaceLogLikelihood(m, x), ll, TOL * Math.abs(ll));
    }

    @Test
    void anImpossibleSequenceHasLogLikelihoodMinusInfinityAndNoPosteriors() {
        GaussianHmm m = GaussianHmm.univariate(new double[] {1, 0}, new double[][] {{1, 0}, {0, 1}},
                new double[] {0, 1e160}, new double[] {1, 1});
        Observations x = Observations.univariate(new double[] {0, 1e160});
        // (1e160)^2 overflows, so state 0's log-density at x_1 is -Infinity, and state 1 is unreachable.
        assertEquals(Double.NEGATIVE_INFINITY, m.logLikelihood(x));
        assertRejected(() -> m.forwardBackward(x, new HmmWorkspace()), "probability zero");
    }

    @Test
    void reusedWorkspaceGivesBitIdenticalResults() {
        SplittableRandom r = new SplittableRandom(5);
        GaussianHmm m = RandomModels.model(r, 3, 2);
        Observations a = m.sample(200, r).observations();
        Observations b = m.sample(333, r).observations();

        HmmWorkspace fresh = new HmmWorkspace();
        double llFresh = m.infer(a, fresh);
        double[] smoothedFresh = Arrays.copyOf(fresh.gamma, 600);
        double[] filteredFresh = Arrays.copyOf(fresh.alpha, 600);
        int[] pathFresh = Arrays.copyOf(fresh.path, 200);

        HmmWorkspace reused = new HmmWorkspace();
        m.infer(b, reused);
        RandomModels.model(r, 2, 2).infer(b, reused);
        double llReused = m.infer(a, reused);
        assertEquals(Double.doubleToRawLongBits(llFresh), Double.doubleToRawLongBits(llReused));
        assertArrayEquals(smoothedFresh, Arrays.copyOf(reused.gamma, 600));
        assertArrayEquals(filteredFresh, Arrays.copyOf(reused.alpha, 600));
        assertArrayEquals(pathFresh, Arrays.copyOf(reused.path, 200));
        assertEquals(Double.doubleToRawLongBits(fresh.viterbiLogProbability()),
                Double.doubleToRawLongBits(reused.viterbiLogProbability()));
    }

    @Test
    void repeatedInferenceWithAWorkspaceAllocatesNothing() {
        java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
        if (!(bean instanceof com.sun.management.ThreadMXBean threads) || !threads.isThreadAllocatedMemorySupported()) {
            return; // the JVM cannot count allocations; nothing to check
        }
        SplittableRandom r = new SplittableRandom(6);
        GaussianHmm three = RandomModels.model(r, 3, 2);
        GaussianHmm four = RandomModels.model(r, 4, 1);
        Observations x3 = three.sample(200, r).observations();
        Observations x4 = four.sample(200, r).observations();
        HmmWorkspace ws = new HmmWorkspace();
        ForwardFilter filter = new ForwardFilter(four);
        double sink = 0;
        for (int i = 0; i < 20_000; i++) { // warm up until the JIT has compiled the loops
            sink += three.infer(x3, ws) + four.infer(x4, ws) + filter.update(x4.value(i % 200, 0));
        }
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < 1000; i++) {
            sink += three.infer(x3, ws) + four.infer(x4, ws) + filter.update(x4.value(i % 200, 0));
        }
        long allocated = threads.getThreadAllocatedBytes(thread) - before;
        // A single allocation per call would be at least 16 bytes x 3000 calls; allow for the counter's own noise.
        assertTrue(allocated < 4096, "allocated " + allocated + " bytes over 3000 calls");
        assertTrue(Double.isFinite(sink));
    }

    @Test
    void allocatingConvenienceMethodsAgreeWithTheWorkspaceOnes() {
        SplittableRandom r = new SplittableRandom(8);
        GaussianHmm m = RandomModels.model(r, 3, 1);
        Observations x = m.sample(40, r).observations();
        HmmWorkspace ws = new HmmWorkspace();
        double ll = m.infer(x, ws);
        Posteriors p = m.posteriors(x);
        ViterbiPath v = m.viterbi(x);
        assertEquals(ll, p.logLikelihood(), 0.0);
        assertEquals(ll, m.logLikelihood(x), 0.0);
        for (int t = 0; t < 40; t++) {
            assertEquals(ws.viterbiState(t), v.state(t));
            for (int s = 0; s < 3; s++) {
                assertEquals(ws.smoothed(t, s), p.smoothed(t, s), 0.0);
                assertEquals(ws.filtered(t, s), p.filtered(t, s), 0.0);
            }
        }
        assertEquals(ws.viterbiLogProbability(), v.logProbability(), 0.0);
        assertEquals(m.pathLogProbability(x, v.states()), v.logProbability(), TOL * Math.abs(v.logProbability()));
    }

    @Test
    void streamingFilterReproducesTheBatchForwardPass() {
        SplittableRandom r = new SplittableRandom(9);
        for (int d = 1; d <= 2; d++) {
            GaussianHmm m = RandomModels.model(r, 3, d);
            Observations x = m.sample(120, r).observations();
            HmmWorkspace ws = new HmmWorkspace();
            double ll = m.logLikelihood(x, ws);
            ForwardFilter filter = new ForwardFilter(m);
            double[] row = new double[d];
            for (int t = 0; t < x.length(); t++) {
                for (int f = 0; f < d; f++) {
                    row[f] = x.value(t, f);
                }
                if (d == 1) {
                    filter.update(row[0]);
                } else {
                    filter.update(row);
                }
                for (int s = 0; s < 3; s++) {
                    assertEquals(ws.filtered(t, s), filter.probability(s), TOL, "t=" + t + " s=" + s);
                }
            }
            assertEquals(ll, filter.logLikelihood(), TOL * Math.abs(ll));
            assertEquals(120, filter.observed());
            filter.reset();
            assertArrayEquals(m.initial(), filter.probabilities(), 0.0);
        }
    }

    @Test
    void sampledDataVisitsStatesWithTheModelsPersistence() {
        GaussianHmm m = RandomModels.returnsModel();
        Sample sample = m.sample(20_000, new SplittableRandom(1));
        int stays = 0;
        int[] s = sample.states();
        for (int t = 1; t < s.length; t++) {
            stays += s[t] == s[t - 1] ? 1 : 0;
        }
        // Binomial(19999, 0.95): standard deviation 0.0015, so 0.95 +- 0.01 is a 6-sigma band.
        assertEquals(0.95, stays / 19_999.0, 0.01);
    }

    @Test
    void invalidModelsAndInputsAreRejectedWithTheOffendingValue() {
        double[][] a = {{0.9, 0.1}, {0.2, 0.8}};
        assertRejected(() -> GaussianHmm.univariate(new double[] {0.5, 0.6},
                a, new double[] {0, 1}, new double[] {1, 1}), "initial must sum to 1");
        assertRejected(() -> GaussianHmm.univariate(new double[] {0.5, 0.5},
                a, new double[] {0, 1}, new double[] {1, 0}), "variances[1][0]", "> 0");
        assertRejected(() -> GaussianHmm.univariate(new double[] {0.5, 0.5},
                new double[][] {{0.9, 0.1}, {-0.2, 1.2}}, new double[] {0, 1}, new double[] {1, 1}), "transition row 1[0]", "-0.2");
        assertRejected(() -> GaussianHmm.univariate(new double[] {0.5, 0.5},
                a, new double[] {0, Double.NaN}, new double[] {1, 1}), "means[1][0]");
        assertRejected(() -> Observations.univariate(new double[] {0.1, Double.NaN}), "observations[1]", "NaN");
        assertRejected(() -> Observations.of(new double[][] {{1, 2}, {3}}), "row 1", "2 features");
        assertRejected(() -> Observations.univariate(new double[] {1, Double.POSITIVE_INFINITY}), "Infinity");

        GaussianHmm m = GaussianHmm.univariate(new double[] {0.5, 0.5}, a, new double[] {0, 1}, new double[] {1, 1});
        Observations twoFeatures = Observations.of(new double[][] {{1, 2}, {3, 4}});
        assertRejected(() -> m.logLikelihood(twoFeatures), "2 features", "expects 1");
        assertRejected(() -> m.pathLogProbability(Observations.univariate(new double[] {1, 2}), new int[] {0}), "path must have 2");
        assertThrows(IllegalArgumentException.class, () -> new ForwardFilter(m).update(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new ForwardFilter(m).update(new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class, () -> m.permute(new int[] {0, 0}));
    }

    @Test
    void permutationRelabelsEveryParameter() {
        GaussianHmm m = RandomModels.model(new SplittableRandom(2), 3, 2);
        GaussianHmm p = m.permute(new int[] {2, 0, 1});
        for (int i = 0; i < 3; i++) {
            int o = new int[] {2, 0, 1}[i];
            assertEquals(m.initial()[o], p.initial()[i]);
            assertEquals(m.mean(o, 1), p.mean(i, 1));
            assertEquals(m.variance(o, 0), p.variance(i, 0));
            for (int j = 0; j < 3; j++) {
                assertEquals(m.transition(o, new int[] {2, 0, 1}[j]), p.transition(i, j));
            }
        }
        assertTrue(p.permute(new int[] {1, 2, 0}).equals(m));
    }
}

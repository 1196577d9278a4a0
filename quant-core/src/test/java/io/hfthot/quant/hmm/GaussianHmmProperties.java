package io.hfthot.quant.hmm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.Tolerances;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Invariants of inference on seeded random models (transition entries bounded away from 0, variances in
 * [0.2, 2]) and sequences sampled from them. Tolerance: {@link Tolerances#INVARIANT_ABSOLUTE} (1e-10), relative
 * to {@code max(1, |log-likelihood|)} where a log-likelihood is compared.
 */
class GaussianHmmProperties {
    private static final double TOL = Tolerances.INVARIANT_ABSOLUTE;

    @Property(tries = 60)
    void posteriorsSumToOneAtEveryTime(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int k,
                                       @ForAll @IntRange(min = 1, max = 3) int d,
                                       @ForAll @IntRange(min = 1, max = 300) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianHmm m = RandomModels.model(r, k, d);
        Observations x = m.sample(length, r).observations();
        HmmWorkspace ws = new HmmWorkspace();
        m.forwardBackward(x, ws);
        for (int t = 0; t < length; t++) {
            double filtered = 0;
            double smoothed = 0;
            for (int s = 0; s < k; s++) {
                assertTrue(ws.filtered(t, s) >= 0 && ws.smoothed(t, s) >= 0);
                filtered += ws.filtered(t, s);
                smoothed += ws.smoothed(t, s);
            }
            assertEquals(1.0, filtered, TOL, "filtered at t=" + t);
            assertEquals(1.0, smoothed, TOL, "smoothed at t=" + t);
        }
    }

    @Property(tries = 60)
    void scaledAndLogSpaceLikelihoodsAgree(@ForAll long seed, @ForAll @IntRange(min = 1, max = 4) int k,
                                           @ForAll @IntRange(min = 1, max = 2) int d,
                                           @ForAll @IntRange(min = 1, max = 400) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianHmm m = RandomModels.model(r, k, d);
        Observations x = m.sample(length, r).observations();
        double scaled = m.logLikelihood(x);
        double logSpace = ReferenceHmm.logSpaceLogLikelihood(m, x);
        assertEquals(logSpace, scaled, TOL * Math.max(1, Math.abs(logSpace)));
    }

    @Property(tries = 60)
    void relabellingStatesLeavesTheLikelihoodUnchangedAndPermutesPosteriors(
            @ForAll long seed, @ForAll @IntRange(min = 2, max = 5) int k, @ForAll @IntRange(min = 1, max = 200) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianHmm m = RandomModels.model(r, k, 1 + r.nextInt(2));
        Observations x = m.sample(length, r).observations();
        int[] order = permutation(r, k);
        GaussianHmm p = m.permute(order);
        HmmWorkspace a = new HmmWorkspace();
        HmmWorkspace b = new HmmWorkspace();
        double lla = m.forwardBackward(x, a);
        double llb = p.forwardBackward(x, b);
        assertEquals(lla, llb, TOL * Math.max(1, Math.abs(lla)));
        for (int t = 0; t < length; t++) {
            for (int s = 0; s < k; s++) {
                assertEquals(a.smoothed(t, order[s]), b.smoothed(t, s), TOL);
            }
        }
    }

    @Property(tries = 40)
    void theViterbiPathScoresAtLeastAsWellAsAnyOtherPathTried(@ForAll long seed,
                                                             @ForAll @IntRange(min = 2, max = 4) int k,
                                                             @ForAll @IntRange(min = 2, max = 120) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianHmm m = RandomModels.model(r, k, 1);
        Sample sample = m.sample(length, r);
        Observations x = sample.observations();
        ViterbiPath best = m.viterbi(x);
        double score = best.logProbability();
        double slack = TOL * Math.max(1, Math.abs(score));
        assertEquals(ReferenceHmm.pathLogProbability(m, x, best.states()), score, slack);
        assertTrue(m.pathLogProbability(x, sample.states()) <= score + slack, "the true path");
        int[] path = best.states();
        for (int t = 0; t < length; t++) {
            for (int s = 0; s < k; s++) {
                int old = path[t];
                path[t] = s;
                assertTrue(m.pathLogProbability(x, path) <= score + slack, "single change at t=" + t);
                path[t] = old;
            }
        }
        int[] random = new int[length];
        for (int trial = 0; trial < 50; trial++) {
            for (int t = 0; t < length; t++) {
                random[t] = r.nextInt(k);
            }
            assertTrue(m.pathLogProbability(x, random) <= score + slack, "random path");
        }
    }

    @Property(tries = 40)
    void theStreamingFilterMatchesTheBatchForwardPass(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int k,
                                                      @ForAll @IntRange(min = 1, max = 150) int length) {
        SplittableRandom r = new SplittableRandom(seed);
        GaussianHmm m = RandomModels.model(r, k, 1);
        Observations x = m.sample(length, r).observations();
        HmmWorkspace ws = new HmmWorkspace();
        double ll = m.logLikelihood(x, ws);
        ForwardFilter filter = new ForwardFilter(m);
        for (int t = 0; t < length; t++) {
            filter.update(x.value(t, 0));
        }
        for (int s = 0; s < k; s++) {
            assertEquals(ws.filtered(length - 1, s), filter.probability(s), TOL);
        }
        assertEquals(ll, filter.logLikelihood(), TOL * Math.max(1, Math.abs(ll)));
    }

    static int[] permutation(SplittableRandom r, int k) {
        int[] order = new int[k];
        for (int i = 0; i < k; i++) {
            order[i] = i;
        }
        for (int i = k - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        return order;
    }
}

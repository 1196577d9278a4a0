package io.hfthot.quant.hmm;

import java.util.Arrays;

/**
 * The Baum-Welch E-step over observations that hold several independent sequences
 * ({@link Observations#sequences}).
 */
final class PooledExpectation {
    private PooledExpectation() {
    }

    /**
     * E-step over several independent sequences: forward-backward per sequence (each starts from the initial
     * distribution; nothing crosses a boundary), the expected counts and moments summed (they are all shifted by
     * the same current means, so they add), the first posteriors summed for the initial distribution, and the
     * posteriors laid out over the whole series as for one sequence.
     *
     * @return the summed log-likelihood, or {@code -Infinity} if a sequence is impossible
     */
    static double run(GaussianHmm m, Observations x, HmmWorkspace ws) {
        int k = m.k;
        int d = m.d;
        if (ws.part == null) {
            ws.part = new HmmWorkspace();
        }
        HmmWorkspace p = ws.part;
        Arrays.fill(ws.xiSum, 0, k * k, 0.0);
        Arrays.fill(ws.occupancy, 0, k, 0.0);
        Arrays.fill(ws.firstPosterior, 0, k, 0.0);
        Arrays.fill(ws.firstMoment, 0, k * d, 0.0);
        Arrays.fill(ws.secondMoment, 0, k * d, 0.0);
        double ll = 0;
        int row = 0;
        for (Observations part : x.parts) {
            int length = part.length();
            p.ensure(length, k);
            p.ensureStatistics(k, d);
            double partLl = BaumWelch.expectation(m, part.data, length, p);
            if (partLl == Double.NEGATIVE_INFINITY) {
                return partLl;
            }
            ll += partLl;
            addInto(ws.xiSum, p.xiSum, k * k);
            addInto(ws.occupancy, p.occupancy, k);
            addInto(ws.firstPosterior, p.gamma, k);
            addInto(ws.firstMoment, p.firstMoment, k * d);
            addInto(ws.secondMoment, p.secondMoment, k * d);
            System.arraycopy(p.gamma, 0, ws.gamma, row * k, length * k);
            row += length;
        }
        return ll;
    }

    private static void addInto(double[] target, double[] source, int count) {
        for (int i = 0; i < count; i++) {
            target[i] += source[i];
        }
    }
}

package io.hfthot.quant.hmm;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Independent reference computations for tests: a textbook log-space forward recursion and brute-force
 * enumeration of every state path, both evaluating emissions through commons-math3's {@link NormalDistribution}
 * rather than the model's precomputed normalisers.
 */
final class ReferenceHmm {
    private ReferenceHmm() {
    }

    /** {@code log b_s(x_t)} via commons-math3. */
    static double logEmission(GaussianHmm m, Observations x, int t, int s) {
        double acc = 0;
        for (int f = 0; f < m.features(); f++) {
            acc += new NormalDistribution(null, m.mean(s, f), Math.sqrt(m.variance(s, f))).logDensity(x.value(t, f));
        }
        return acc;
    }

    static double logSumExp(double[] v) {
        double max = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            max = Math.max(max, x);
        }
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        double s = 0;
        for (double x : v) {
            s += Math.exp(x - max);
        }
        return max + Math.log(s);
    }

    /** Log-space forward: {@code log alpha} with logsumexp, no scaling. */
    static double logSpaceLogLikelihood(GaussianHmm m, Observations x) {
        int k = m.states();
        double[] la = new double[k];
        double[] next = new double[k];
        double[] terms = new double[k];
        for (int s = 0; s < k; s++) {
            la[s] = Math.log(m.initial()[s]) + logEmission(m, x, 0, s);
        }
        for (int t = 1; t < x.length(); t++) {
            for (int j = 0; j < k; j++) {
                for (int i = 0; i < k; i++) {
                    terms[i] = la[i] + Math.log(m.transition(i, j));
                }
                next[j] = logSumExp(terms) + logEmission(m, x, t, j);
            }
            System.arraycopy(next, 0, la, 0, k);
        }
        return logSumExp(la);
    }

    /** Joint log-probability of one path, from commons-math3 densities. */
    static double pathLogProbability(GaussianHmm m, Observations x, int[] path) {
        double score = Math.log(m.initial()[path[0]]) + logEmission(m, x, 0, path[0]);
        for (int t = 1; t < path.length; t++) {
            score += Math.log(m.transition(path[t - 1], path[t])) + logEmission(m, x, t, path[t]);
        }
        return score;
    }

    /** Everything brute force can tell about a tiny sequence by enumerating all K^T paths. */
    record Enumeration(double logLikelihood, double[][] smoothed, int[] bestPath, double bestScore) {
    }

    static Enumeration enumerate(GaussianHmm m, Observations x) {
        int k = m.states();
        int length = x.length();
        int paths = (int) Math.pow(k, length);
        double[] scores = new double[paths];
        int[] path = new int[length];
        int[] best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int p = 0; p < paths; p++) {
            decode(p, k, path);
            scores[p] = pathLogProbability(m, x, path);
            if (scores[p] > bestScore) {
                bestScore = scores[p];
                best = path.clone();
            }
        }
        double ll = logSumExp(scores);
        double[][] smoothed = new double[length][k];
        for (int p = 0; p < paths; p++) {
            decode(p, k, path);
            double w = Math.exp(scores[p] - ll);
            for (int t = 0; t < length; t++) {
                smoothed[t][path[t]] += w;
            }
        }
        return new Enumeration(ll, smoothed, best, bestScore);
    }

    /** Path number {@code p} in base K, most significant digit first. */
    static void decode(int p, int k, int[] path) {
        for (int t = path.length - 1; t >= 0; t--) {
            path[t] = p % k;
            p /= k;
        }
    }
}

package io.hfthot.quant.hmm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An independent, plain (unaccelerated) EM for univariate Gaussian HMMs in the manner of hmmlearn's
 * {@code GaussianHMM(covariance_type="diag")}: k-means means (k-means++ seeding, best of 10 Lloyd runs, like
 * scikit-learn's {@code KMeans}), every state at the full data variance, uniform start and transition
 * probabilities, then Baum-Welch with a Rabiner-scaled forward-backward written from the textbook, until the
 * log-likelihood gains less than {@code 1e-9} or 20,000 iterations. Variances are floored at the same relative
 * floor as the production fit (1e-3 of the data variance) so that both maximise the same bounded likelihood.
 * Shares no code with the production fit.
 */
final class HmmlearnStyleEm {
    /** One restart's outcome. */
    record Fit(double[] pi, double[][] a, double[] mu, double[] var, double logLikelihood, boolean degenerate) {
    }

    private HmmlearnStyleEm() {
    }

    /** Runs one restart seeded by {@code seed}. */
    static Fit fit(double[] x, int k, long seed) {
        int n = x.length;
        double mean = Arrays.stream(x).average().orElseThrow();
        double dataVar = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum() / n;
        double floor = 1e-3 * dataVar;
        double[] mu = kmeans(x, k, new SplittableRandom(seed));
        double[] var = new double[k];
        Arrays.fill(var, dataVar);
        double[] pi = new double[k];
        Arrays.fill(pi, 1.0 / k);
        double[][] a = new double[k][k];
        for (double[] row : a) {
            Arrays.fill(row, 1.0 / k);
        }
        double[][] alpha = new double[n][k];
        double[][] beta = new double[n][k];
        double[][] b = new double[n][k];
        double[] c = new double[n];
        double prev = Double.NEGATIVE_INFINITY;
        double ll = Double.NEGATIVE_INFINITY;
        boolean degenerate = false;
        for (int iter = 0; iter < 20_000; iter++) {
            for (int t = 0; t < n; t++) {
                for (int s = 0; s < k; s++) {
                    double z = x[t] - mu[s];
                    b[t][s] = Math.exp(-0.5 * z * z / var[s]) / Math.sqrt(2 * Math.PI * var[s]);
                }
            }
            ll = 0;
            for (int t = 0; t < n; t++) {
                double sum = 0;
                for (int s = 0; s < k; s++) {
                    double p = 0;
                    if (t == 0) {
                        p = pi[s];
                    } else {
                        for (int q = 0; q < k; q++) {
                            p += alpha[t - 1][q] * a[q][s];
                        }
                    }
                    alpha[t][s] = p * b[t][s];
                    sum += alpha[t][s];
                }
                c[t] = sum;
                for (int s = 0; s < k; s++) {
                    alpha[t][s] /= sum;
                }
                ll += Math.log(sum);
            }
            Arrays.fill(beta[n - 1], 1.0);
            for (int t = n - 2; t >= 0; t--) {
                for (int s = 0; s < k; s++) {
                    double acc = 0;
                    for (int q = 0; q < k; q++) {
                        acc += a[s][q] * b[t + 1][q] * beta[t + 1][q];
                    }
                    beta[t][s] = acc / c[t + 1];
                }
            }
            double[][] xi = new double[k][k];
            double[] occ = new double[k];
            double[] s1 = new double[k];
            double[] newPi = new double[k];
            for (int t = 0; t < n; t++) {
                for (int s = 0; s < k; s++) {
                    double g = alpha[t][s] * beta[t][s];
                    occ[s] += g;
                    s1[s] += g * x[t];
                    if (t == 0) {
                        newPi[s] = g;
                    }
                    if (t < n - 1) {
                        for (int q = 0; q < k; q++) {
                            xi[s][q] += alpha[t][s] * a[s][q] * b[t + 1][q] * beta[t + 1][q] / c[t + 1];
                        }
                    }
                }
            }
            degenerate = false;
            for (int s = 0; s < k; s++) {
                double m = s1[s] / occ[s];
                double s2 = 0;
                for (int t = 0; t < n; t++) {
                    double z = x[t] - m;
                    s2 += alpha[t][s] * beta[t][s] * z * z;
                }
                double raw = s2 / occ[s];
                degenerate |= raw <= floor || occ[s] < 1;
                mu[s] = m;
                var[s] = Math.max(raw, floor);
                double row = Arrays.stream(xi[s]).sum();
                for (int q = 0; q < k; q++) {
                    a[s][q] = xi[s][q] / row;
                }
                pi[s] = newPi[s];
            }
            if (ll - prev < 1e-9) {
                break;
            }
            prev = ll;
        }
        // ll is the likelihood of the parameters before the last update; the update can only raise it.
        return new Fit(pi, a, mu, var, ll, degenerate);
    }

    private static double[] kmeans(double[] x, int k, SplittableRandom r) {
        double[] best = null;
        double bestInertia = Double.POSITIVE_INFINITY;
        for (int init = 0; init < 10; init++) {
            double[] centres = new double[k];
            centres[0] = x[r.nextInt(x.length)];
            double[] d2 = new double[x.length];
            for (int c = 1; c < k; c++) {
                double total = 0;
                for (int t = 0; t < x.length; t++) {
                    double m = Double.POSITIVE_INFINITY;
                    for (int q = 0; q < c; q++) {
                        m = Math.min(m, (x[t] - centres[q]) * (x[t] - centres[q]));
                    }
                    d2[t] = m;
                    total += m;
                }
                double u = r.nextDouble() * total;
                int pick = x.length - 1;
                for (int t = 0; t < x.length; t++) {
                    u -= d2[t];
                    if (u < 0) {
                        pick = t;
                        break;
                    }
                }
                centres[c] = x[pick];
            }
            double inertia = 0;
            for (int iter = 0; iter < 300; iter++) {
                double[] sum = new double[k];
                int[] count = new int[k];
                inertia = 0;
                for (double v : x) {
                    int q = 0;
                    for (int c = 1; c < k; c++) {
                        if (Math.abs(v - centres[c]) < Math.abs(v - centres[q])) {
                            q = c;
                        }
                    }
                    sum[q] += v;
                    count[q]++;
                    inertia += (v - centres[q]) * (v - centres[q]);
                }
                boolean moved = false;
                for (int c = 0; c < k; c++) {
                    if (count[c] > 0 && sum[c] / count[c] != centres[c]) {
                        centres[c] = sum[c] / count[c];
                        moved = true;
                    }
                }
                if (!moved) {
                    break;
                }
            }
            if (inertia < bestInertia) {
                bestInertia = inertia;
                best = centres;
            }
        }
        return best;
    }
}

package io.hfthot.quant.hmm;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * k-means++ seeding (Arthur and Vassilvitskii 2007) followed by Lloyd iterations, turned into an initial HMM:
 * cluster means and variances as emissions, transition counts of the hard assignment (plus one) as the
 * transition matrix, uniform initial probabilities. The same centres also give a second start in hmmlearn's
 * manner: every state at the full data variance with a uniform transition matrix. Wide starting states cannot
 * lock onto a tight cluster of repeated values in the first steps, so this start often reaches a regime fit
 * where the clustered start is drawn into a spike on repeated values.
 */
final class KMeansPlusPlus {
    private static final int LLOYD_ITERATIONS = 25;

    private KMeansPlusPlus() {
    }

    /**
     * Builds an initial model from standardised data.
     *
     * @param z      row-major standardised observations (not modified)
     * @param length {@code T}
     * @param d      number of features
     * @param k      number of states
     * @param floor  variance floor in standardised units
     * @param random the randomness of this restart (advanced)
     * @return two initial models: the clustered one and the full-variance one
     */
    static GaussianHmm[] initialise(double[] z, int length, int d, int k, double floor, SplittableRandom random) {
        double[] centres = new double[k * d];
        double[] nearest = new double[length];
        int first = random.nextInt(length);
        System.arraycopy(z, first * d, centres, 0, d);
        for (int t = 0; t < length; t++) {
            nearest[t] = squaredDistance(z, t * d, centres, 0, d);
        }
        for (int c = 1; c < k; c++) {
            double total = 0;
            for (int t = 0; t < length; t++) {
                total += nearest[t];
            }
            int pick;
            if (total > 0) {
                double u = random.nextDouble() * total;
                pick = length - 1;
                double acc = 0;
                for (int t = 0; t < length; t++) {
                    acc += nearest[t];
                    if (u < acc) {
                        pick = t;
                        break;
                    }
                }
            } else {
                pick = random.nextInt(length);
            }
            System.arraycopy(z, pick * d, centres, c * d, d);
            for (int t = 0; t < length; t++) {
                nearest[t] = Math.min(nearest[t], squaredDistance(z, t * d, centres, c * d, d));
            }
        }

        int[] assign = new int[length];
        int[] count = new int[k];
        double[] sum = new double[k * d];
        for (int iter = 0; iter < LLOYD_ITERATIONS; iter++) {
            boolean changed = false;
            for (int t = 0; t < length; t++) {
                int best = 0;
                double bestDist = squaredDistance(z, t * d, centres, 0, d);
                for (int c = 1; c < k; c++) {
                    double dist = squaredDistance(z, t * d, centres, c * d, d);
                    if (dist < bestDist) {
                        bestDist = dist;
                        best = c;
                    }
                }
                if (iter == 0 || assign[t] != best) {
                    changed = true;
                    assign[t] = best;
                }
            }
            if (!changed) {
                break;
            }
            Arrays.fill(count, 0);
            Arrays.fill(sum, 0);
            for (int t = 0; t < length; t++) {
                count[assign[t]]++;
                for (int f = 0; f < d; f++) {
                    sum[assign[t] * d + f] += z[t * d + f];
                }
            }
            for (int c = 0; c < k; c++) {
                if (count[c] > 0) {
                    for (int f = 0; f < d; f++) {
                        centres[c * d + f] = sum[c * d + f] / count[c];
                    }
                }
            }
        }

        double[] variances = new double[k * d];
        Arrays.fill(count, 0);
        for (int t = 0; t < length; t++) {
            int c = assign[t];
            count[c]++;
            for (int f = 0; f < d; f++) {
                double dz = z[t * d + f] - centres[c * d + f];
                variances[c * d + f] += dz * dz;
            }
        }
        for (int c = 0; c < k; c++) {
            for (int f = 0; f < d; f++) {
                // A cluster of fewer than two points has no variance estimate: start it at the data variance (1).
                double v = count[c] > 1 ? variances[c * d + f] / count[c] : 1.0;
                variances[c * d + f] = Math.max(v, floor);
            }
        }
        double[] transition = new double[k * k];
        Arrays.fill(transition, 1.0);
        for (int t = 1; t < length; t++) {
            transition[assign[t - 1] * k + assign[t]] += 1;
        }
        for (int i = 0; i < k; i++) {
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                rowSum += transition[i * k + j];
            }
            for (int j = 0; j < k; j++) {
                transition[i * k + j] /= rowSum;
            }
        }
        double[] initial = new double[k];
        Arrays.fill(initial, 1.0 / k);
        double[] uniform = new double[k * k];
        Arrays.fill(uniform, 1.0 / k);
        double[] full = new double[k * d];
        // Standardised data: the full data variance is 1 in every feature.
        Arrays.fill(full, Math.max(1.0, floor));
        return new GaussianHmm[] {
            GaussianHmm.create(k, d, initial.clone(), transition, centres.clone(), variances),
            GaussianHmm.create(k, d, initial, uniform, centres, full)};
    }

    private static double squaredDistance(double[] z, int zo, double[] c, int co, int d) {
        double s = 0;
        for (int f = 0; f < d; f++) {
            double diff = z[zo + f] - c[co + f];
            s += diff * diff;
        }
        return s;
    }
}

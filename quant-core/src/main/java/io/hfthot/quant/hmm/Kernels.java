package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * The inference loops, written over flat primitive arrays with the diagonal-Gaussian emission specialised
 * for one feature. Hand-written rather than built on a matrix library because K is tiny (3 by default) and
 * the cost is in per-call overhead and {@code exp}, not in arithmetic: EJML's dense kernels would add a
 * matrix object per time step and no speed.
 */
final class Kernels {
    /** Products of scale factors below this are folded into a log, so the running product never underflows. */
    private static final double FOLD_BELOW = 1e-100;

    private Kernels() {
    }

    /**
     * Fills {@code logEmission} and the row-scaled {@code emission = exp(logEmission - rowShift[t])} where
     * {@code rowShift[t]} is the largest log-emission at {@code t}: one state always gets exactly 1, so an
     * outlier far from every state cannot underflow the whole row (hmmlearn's scaled code fails there).
     */
    static void emissions(GaussianHmm m, double[] x, int length, HmmWorkspace ws) {
        emissions(m, x, length, ws, true);
    }

    /**
     * As {@link #emissions(GaussianHmm, double[], int, HmmWorkspace)}; with {@code scaled == false} only the
     * log-emissions and row shifts are written (all Viterbi needs), saving every exponential.
     */
    static void emissions(GaussianHmm m, double[] x, int length, HmmWorkspace ws, boolean scaled) {
        if (m.k == 3) {
            Kernels3.emissions(m, x, length, ws, scaled, true);
            return;
        }
        int k = m.k;
        int d = m.d;
        double[] le = ws.logEmission;
        double[] e = ws.emission;
        double[] shift = ws.rowShift;
        double[] norm = m.logNormaliser;
        double[] mu = m.means;
        double[] hp = m.halfPrecision;
        for (int t = 0; t < length; t++) {
            int row = t * k;
            double max = Double.NEGATIVE_INFINITY;
            int arg = 0;
            if (d == 1) {
                double xt = x[t];
                for (int s = 0; s < k; s++) {
                    double z = xt - mu[s];
                    double v = norm[s] - z * z * hp[s];
                    le[row + s] = v;
                    if (v > max) {
                        max = v;
                        arg = s;
                    }
                }
            } else {
                int xo = t * d;
                for (int s = 0; s < k; s++) {
                    double v = norm[s];
                    int so = s * d;
                    for (int f = 0; f < d; f++) {
                        double z = x[xo + f] - mu[so + f];
                        v -= z * z * hp[so + f];
                    }
                    le[row + s] = v;
                    if (v > max) {
                        max = v;
                        arg = s;
                    }
                }
            }
            if (!(max > Double.NEGATIVE_INFINITY)) {
                throw farFromEveryState(t);
            }
            shift[t] = max;
            if (!scaled) {
                continue;
            }
            // exp(0) is exactly 1: skipping it saves a third of the exponentials when K = 3.
            for (int s = 0; s < k; s++) {
                e[row + s] = s == arg ? 1.0 : FastExp.exp(le[row + s] - max);
            }
        }
    }

    static IllegalArgumentException farFromEveryState(int t) {
        return new InvalidParameterException("observations", "observation " + t
                + " is so far from every state that its density underflows to zero; rescale the data");
    }

    /**
     * Scaled forward recursion (Rabiner 1989): {@code alpha[t]} is the filtered posterior and
     * {@code 1 / inverseScale[t] = p(x_t | x_1..x_{t-1}) / exp(rowShift[t])}.
     *
     * @return the log-likelihood, {@code -Infinity} if the sequence is impossible under the model
     */
    static double forward(GaussianHmm m, int length, HmmWorkspace ws) {
        if (m.k == 3) {
            double ll = Kernels3.forward(m, length, ws);
            if (!Double.isNaN(ll)) {
                return ll;
            }
            // A step left the unrolled loop's safe range: redo the pass with the general loop, which normalises
            // every step and can rescue steps dominated by an unreachable state.
        }
        return forwardGeneral(m, length, ws);
    }

    static double forwardGeneral(GaussianHmm m, int length, HmmWorkspace ws) {
        int k = m.k;
        double[] e = ws.emission;
        double[] a = ws.alpha;
        double[] shift = ws.rowShift;
        double[] at = m.transitionT;
        double[] pi = m.initial;
        double shiftSum = 0;
        double logAcc = 0;
        double product = 1;
        for (int t = 0; t < length; t++) {
            int cur = t * k;
            double sum = 0;
            if (t == 0) {
                for (int j = 0; j < k; j++) {
                    double v = pi[j] * e[j];
                    a[j] = v;
                    sum += v;
                }
            } else {
                int prev = cur - k;
                for (int j = 0; j < k; j++) {
                    double s = 0;
                    int col = j * k;
                    for (int i = 0; i < k; i++) {
                        s += a[prev + i] * at[col + i];
                    }
                    double v = s * e[cur + j];
                    a[cur + j] = v;
                    sum += v;
                }
            }
            if (!(sum > 0)) {
                sum = rescue(m, t, ws);
                if (!(sum > 0)) {
                    return Double.NEGATIVE_INFINITY;
                }
            }
            double inv = 1.0 / sum;
            ws.inverseScale[t] = inv;
            for (int j = 0; j < k; j++) {
                a[cur + j] *= inv;
            }
            shiftSum += shift[t];
            // One log per ~100 steps instead of one per step: the product of scale factors is folded into
            // logAcc before it can underflow.
            if (sum < FOLD_BELOW) {
                logAcc += Math.log(sum);
            } else {
                product *= sum;
                if (product < FOLD_BELOW) {
                    logAcc += Math.log(product);
                    product = 1;
                }
            }
        }
        return logAcc + Math.log(product) + shiftSum;
    }

    /**
     * Re-evaluates step {@code t} when every state that is reachable from the filtered posterior has an emission
     * that underflowed relative to the row maximum (which is then held by an unreachable state): the row is
     * re-shifted to the best reachable state and unreachable states get weight 0, which leaves the posteriors
     * exact because their forward probability is zero anyway.
     */
    private static double rescue(GaussianHmm m, int t, HmmWorkspace ws) {
        int k = m.k;
        int cur = t * k;
        double[] pred = ws.scratch;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            double p;
            if (t == 0) {
                p = m.initial[j];
            } else {
                p = 0;
                for (int i = 0; i < k; i++) {
                    p += ws.alpha[cur - k + i] * m.transitionT[j * k + i];
                }
            }
            pred[j] = p;
            if (p > 0 && ws.logEmission[cur + j] > max) {
                max = ws.logEmission[cur + j];
            }
        }
        if (!(max > Double.NEGATIVE_INFINITY)) {
            return 0;
        }
        ws.rowShift[t] = max;
        double sum = 0;
        for (int j = 0; j < k; j++) {
            double ej = pred[j] > 0 ? FastExp.exp(ws.logEmission[cur + j] - max) : 0;
            ws.emission[cur + j] = ej;
            double v = pred[j] * ej;
            ws.alpha[cur + j] = v;
            sum += v;
        }
        return sum;
    }

    /** Scaled backward recursion and smoothed posteriors {@code gamma = alpha * beta}, renormalised per row. */
    static void backward(GaussianHmm m, int length, HmmWorkspace ws) {
        if (m.k == 3) {
            Kernels3.backward(m, length, ws);
            return;
        }
        int k = m.k;
        double[] e = ws.emission;
        double[] a = ws.alpha;
        double[] b = ws.beta;
        double[] g = ws.gamma;
        double[] tr = m.transition;
        double[] w = ws.scratch;
        int last = (length - 1) * k;
        for (int i = 0; i < k; i++) {
            b[last + i] = 1;
            g[last + i] = a[last + i];
        }
        for (int t = length - 2; t >= 0; t--) {
            int next = (t + 1) * k;
            int cur = t * k;
            double inv = ws.inverseScale[t + 1];
            for (int j = 0; j < k; j++) {
                w[j] = e[next + j] * b[next + j] * inv;
            }
            double norm = 0;
            for (int i = 0; i < k; i++) {
                double s = 0;
                int row = i * k;
                for (int j = 0; j < k; j++) {
                    s += tr[row + j] * w[j];
                }
                b[cur + i] = s;
                double gi = a[cur + i] * s;
                g[cur + i] = gi;
                norm += gi;
            }
            double invNorm = 1.0 / norm;
            for (int i = 0; i < k; i++) {
                g[cur + i] *= invNorm;
            }
        }
    }

    /** Viterbi in log space over {@code logEmission}; writes the path and returns its joint log-probability. */
    static double viterbi(GaussianHmm m, int length, HmmWorkspace ws) {
        if (m.k == 3) {
            return Kernels3.viterbi(m, length, ws);
        }
        int k = m.k;
        double[] le = ws.logEmission;
        double[] dl = ws.delta;
        int[] bp = ws.backPointer;
        double[] lat = m.logTransitionT;
        double[] lpi = m.logInitial;
        for (int j = 0; j < k; j++) {
            dl[j] = lpi[j] + le[j];
            bp[j] = 0;
        }
        for (int t = 1; t < length; t++) {
            int cur = t * k;
            int prev = cur - k;
            for (int j = 0; j < k; j++) {
                int col = j * k;
                double best = dl[prev] + lat[col];
                int arg = 0;
                for (int i = 1; i < k; i++) {
                    double v = dl[prev + i] + lat[col + i];
                    if (v > best) {
                        best = v;
                        arg = i;
                    }
                }
                dl[cur + j] = best + le[cur + j];
                bp[cur + j] = arg;
            }
        }
        int last = (length - 1) * k;
        double best = dl[last];
        int arg = 0;
        for (int j = 1; j < k; j++) {
            if (dl[last + j] > best) {
                best = dl[last + j];
                arg = j;
            }
        }
        int[] path = ws.path;
        path[length - 1] = arg;
        for (int t = length - 1; t > 0; t--) {
            path[t - 1] = bp[t * k + path[t]];
        }
        ws.viterbiLogProbability = best;
        return best;
    }
}

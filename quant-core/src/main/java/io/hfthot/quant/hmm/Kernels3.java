package io.hfthot.quant.hmm;

/**
 * The inference loops unrolled for three states, the default regime model: the transition matrix and the
 * previous step's variables live in locals, which removes the inner loops, their bounds checks and most loads.
 * Deterministic like {@link Kernels}, but not bit-identical to it (rows are shifted by another state).
 */
final class Kernels3 {
    private static final double LN2 = Math.log(2);

    private Kernels3() {
    }

    /**
     * Log-emissions and row-scaled emissions for K = 3 (any number of features). The row is shifted by the log-emission of
     * the widest state ({@link GaussianHmm#widestState}) rather than the row maximum, so that state's scaled
     * emission is exactly 1 without an exponential and without a data-dependent branch; rows where another
     * state would exceed it by more than e^200 (far-apart means) fall back to the maximum, which keeps the
     * deferred normalisation of {@link #forward} far from overflow.
     */
    static void emissions(GaussianHmm m, double[] x, int length, HmmWorkspace ws, boolean scaled, boolean logs) {
        double[] le = ws.logEmission;
        double[] e = ws.emission;
        double[] shift = ws.rowShift;
        double mu0 = m.means[0];
        double mu1 = m.means[1];
        double mu2 = m.means[2];
        double h0 = m.halfPrecision[0];
        double h1 = m.halfPrecision[1];
        double h2 = m.halfPrecision[2];
        double n0 = m.logNormaliser[0];
        double n1 = m.logNormaliser[1];
        double n2 = m.logNormaliser[2];
        int ref = m.widestState;
        int o1 = (ref + 1) % 3;
        int o2 = (ref + 2) % 3;
        int d = m.d;
        double[] mu = m.means;
        double[] hp = m.halfPrecision;
        for (int t = 0; t < length; t++) {
            double l0;
            double l1;
            double l2;
            if (d == 1) {
                double xt = x[t];
                double z0 = xt - mu0;
                double z1 = xt - mu1;
                double z2 = xt - mu2;
                l0 = n0 - z0 * z0 * h0;
                l1 = n1 - z1 * z1 * h1;
                l2 = n2 - z2 * z2 * h2;
            } else {
                l0 = n0;
                l1 = n1;
                l2 = n2;
                int xo = t * d;
                for (int f = 0; f < d; f++) {
                    double xt = x[xo + f];
                    double z0 = xt - mu[f];
                    double z1 = xt - mu[d + f];
                    double z2 = xt - mu[2 * d + f];
                    l0 -= z0 * z0 * hp[f];
                    l1 -= z1 * z1 * hp[d + f];
                    l2 -= z2 * z2 * hp[2 * d + f];
                }
            }
            int r = 3 * t;
            if (logs) {
                le[r] = l0;
                le[r + 1] = l1;
                le[r + 2] = l2;
            }
            // ref is loop-invariant, so these selections are perfectly predicted branches.
            double s = ref == 0 ? l0 : ref == 1 ? l1 : l2;
            double u1 = o1 == 0 ? l0 : o1 == 1 ? l1 : l2;
            double u2 = o2 == 0 ? l0 : o2 == 1 ? l1 : l2;
            if (s > Double.NEGATIVE_INFINITY && u1 - s <= 200 && u2 - s <= 200) {
                shift[t] = s;
                if (scaled) {
                    e[r + ref] = 1.0;
                    e[r + o1] = FastExp.exp(u1 - s);
                    e[r + o2] = FastExp.exp(u2 - s);
                }
                continue;
            }
            s = Math.max(Math.max(l0, l1), l2);
            if (!(s > Double.NEGATIVE_INFINITY)) {
                throw Kernels.farFromEveryState(t);
            }
            shift[t] = s;
            if (scaled) {
                e[r] = FastExp.exp(l0 - s);
                e[r + 1] = FastExp.exp(l1 - s);
                e[r + 2] = FastExp.exp(l2 - s);
            }
        }
    }

    /**
     * Forward recursion for K = 3 with deferred normalisation: the running forward variables are carried
     * unnormalised (rescaled by exact powers of two when they drift past 2^+-500), so the division that
     * normalises each step is off the loop-carried dependency chain. The stored {@code alpha[t]} is still the
     * filtered posterior and {@code inverseScale[t]} is {@code 1 / c_t} as in Rabiner's scaling.
     *
     * @return the log-likelihood, or NaN when a step leaves the safe range (the caller reruns the general loop)
     */
    static double forward(GaussianHmm m, int length, HmmWorkspace ws) {
        double[] e = ws.emission;
        double[] a = ws.alpha;
        double[] ci = ws.inverseScale;
        double[] shift = ws.rowShift;
        double[] tr = m.transition;
        double a00 = tr[0];
        double a01 = tr[1];
        double a02 = tr[2];
        double a10 = tr[3];
        double a11 = tr[4];
        double a12 = tr[5];
        double a20 = tr[6];
        double a21 = tr[7];
        double a22 = tr[8];
        double v0 = m.initial[0] * e[0];
        double v1 = m.initial[1] * e[1];
        double v2 = m.initial[2] * e[2];
        double previous = 1;
        double shiftSum = 0;
        int twos = 0;
        for (int t = 0; t < length; t++) {
            int r = 3 * t;
            if (t > 0) {
                double p0 = v0;
                double p1 = v1;
                double p2 = v2;
                v0 = (p0 * a00 + p1 * a10 + p2 * a20) * e[r];
                v1 = (p0 * a01 + p1 * a11 + p2 * a21) * e[r + 1];
                v2 = (p0 * a02 + p1 * a12 + p2 * a22) * e[r + 2];
            }
            double sum = v0 + v1 + v2;
            if (!(sum > 0x1p-900) || sum > 0x1p900) {
                return Double.NaN;
            }
            double inv = 1.0 / sum;
            a[r] = v0 * inv;
            a[r + 1] = v1 * inv;
            a[r + 2] = v2 * inv;
            ci[t] = previous * inv;
            shiftSum += shift[t];
            if (sum < 0x1p-500) {
                v0 *= 0x1p500;
                v1 *= 0x1p500;
                v2 *= 0x1p500;
                sum *= 0x1p500;
                twos -= 500;
            } else if (sum > 0x1p500) {
                v0 *= 0x1p-500;
                v1 *= 0x1p-500;
                v2 *= 0x1p-500;
                sum *= 0x1p-500;
                twos += 500;
            }
            previous = sum;
        }
        return Math.log(previous) + twos * LN2 + shiftSum;
    }

    /** Scaled backward recursion and smoothed posteriors for K = 3. */
    static void backward(GaussianHmm m, int length, HmmWorkspace ws) {
        double[] e = ws.emission;
        double[] ci = ws.inverseScale;
        double[] a = ws.alpha;
        double[] b = ws.beta;
        double[] g = ws.gamma;
        double[] tr = m.transition;
        double a00 = tr[0];
        double a01 = tr[1];
        double a02 = tr[2];
        double a10 = tr[3];
        double a11 = tr[4];
        double a12 = tr[5];
        double a20 = tr[6];
        double a21 = tr[7];
        double a22 = tr[8];
        int last = 3 * (length - 1);
        double b0 = 1;
        double b1 = 1;
        double b2 = 1;
        b[last] = 1;
        b[last + 1] = 1;
        b[last + 2] = 1;
        g[last] = a[last];
        g[last + 1] = a[last + 1];
        g[last + 2] = a[last + 2];
        for (int t = length - 2; t >= 0; t--) {
            int n = 3 * (t + 1);
            int r = 3 * t;
            double inv = ci[t + 1];
            double w0 = e[n] * b0 * inv;
            double w1 = e[n + 1] * b1 * inv;
            double w2 = e[n + 2] * b2 * inv;
            b0 = a00 * w0 + a01 * w1 + a02 * w2;
            b1 = a10 * w0 + a11 * w1 + a12 * w2;
            b2 = a20 * w0 + a21 * w1 + a22 * w2;
            b[r] = b0;
            b[r + 1] = b1;
            b[r + 2] = b2;
            double g0 = a[r] * b0;
            double g1 = a[r + 1] * b1;
            double g2 = a[r + 2] * b2;
            double invNorm = 1.0 / (g0 + g1 + g2);
            g[r] = g0 * invNorm;
            g[r + 1] = g1 * invNorm;
            g[r + 2] = g2 * invNorm;
        }
    }

    /** Viterbi in log space for K = 3; the lattice scores stay in locals, only back-pointers are stored. */
    static double viterbi(GaussianHmm m, int length, HmmWorkspace ws) {
        double[] le = ws.logEmission;
        int[] bp = ws.backPointer;
        double[] lt = m.logTransition;
        double l00 = lt[0];
        double l01 = lt[1];
        double l02 = lt[2];
        double l10 = lt[3];
        double l11 = lt[4];
        double l12 = lt[5];
        double l20 = lt[6];
        double l21 = lt[7];
        double l22 = lt[8];
        double d0 = m.logInitial[0] + le[0];
        double d1 = m.logInitial[1] + le[1];
        double d2 = m.logInitial[2] + le[2];
        bp[0] = 0;
        bp[1] = 0;
        bp[2] = 0;
        for (int t = 1; t < length; t++) {
            int r = 3 * t;
            double best = d0 + l00;
            int arg = 0;
            double v = d1 + l10;
            if (v > best) {
                best = v;
                arg = 1;
            }
            v = d2 + l20;
            if (v > best) {
                best = v;
                arg = 2;
            }
            double n0 = best + le[r];
            bp[r] = arg;

            best = d0 + l01;
            arg = 0;
            v = d1 + l11;
            if (v > best) {
                best = v;
                arg = 1;
            }
            v = d2 + l21;
            if (v > best) {
                best = v;
                arg = 2;
            }
            double n1 = best + le[r + 1];
            bp[r + 1] = arg;

            best = d0 + l02;
            arg = 0;
            v = d1 + l12;
            if (v > best) {
                best = v;
                arg = 1;
            }
            v = d2 + l22;
            if (v > best) {
                best = v;
                arg = 2;
            }
            double n2 = best + le[r + 2];
            bp[r + 2] = arg;
            d0 = n0;
            d1 = n1;
            d2 = n2;
        }
        double best = d0;
        int arg = 0;
        if (d1 > best) {
            best = d1;
            arg = 1;
        }
        if (d2 > best) {
            best = d2;
            arg = 2;
        }
        int[] path = ws.path;
        path[length - 1] = arg;
        for (int t = length - 1; t > 0; t--) {
            path[t - 1] = bp[3 * t + path[t]];
        }
        ws.viterbiLogProbability = best;
        return best;
    }

    /**
     * The Baum-Welch E-step's backward pass for K = 3 and one feature, fused with the accumulation of expected
     * transitions, occupancies and mean-shifted first and second moments (see {@code BaumWelch}). Expects the
     * emissions and the forward pass in {@code ws}; writes the smoothed posteriors and the statistics.
     */
    static void expectation(GaussianHmm m, double[] x, int length, HmmWorkspace ws) {
        double[] e = ws.emission;
        double[] ci = ws.inverseScale;
        double[] a = ws.alpha;
        double[] g = ws.gamma;
        double[] tr = m.transition;
        double a00 = tr[0];
        double a01 = tr[1];
        double a02 = tr[2];
        double a10 = tr[3];
        double a11 = tr[4];
        double a12 = tr[5];
        double a20 = tr[6];
        double a21 = tr[7];
        double a22 = tr[8];
        double mu0 = m.means[0];
        double mu1 = m.means[1];
        double mu2 = m.means[2];
        double x00 = 0;
        double x01 = 0;
        double x02 = 0;
        double x10 = 0;
        double x11 = 0;
        double x12 = 0;
        double x20 = 0;
        double x21 = 0;
        double x22 = 0;
        int last = 3 * (length - 1);
        double g0 = a[last];
        double g1 = a[last + 1];
        double g2 = a[last + 2];
        g[last] = g0;
        g[last + 1] = g1;
        g[last + 2] = g2;
        double xt = x[length - 1];
        double z0 = xt - mu0;
        double z1 = xt - mu1;
        double z2 = xt - mu2;
        double o0 = g0;
        double o1 = g1;
        double o2 = g2;
        double f0 = g0 * z0;
        double f1 = g1 * z1;
        double f2 = g2 * z2;
        double q0 = f0 * z0;
        double q1 = f1 * z1;
        double q2 = f2 * z2;
        double b0 = 1;
        double b1 = 1;
        double b2 = 1;
        for (int t = length - 2; t >= 0; t--) {
            int n = 3 * (t + 1);
            int r = 3 * t;
            double inv = ci[t + 1];
            // (e * inv) does not depend on the previous beta, so only one multiply is on the carried chain.
            double w0 = (e[n] * inv) * b0;
            double w1 = (e[n + 1] * inv) * b1;
            double w2 = (e[n + 2] * inv) * b2;
            double t00 = a00 * w0;
            double t01 = a01 * w1;
            double t02 = a02 * w2;
            double t10 = a10 * w0;
            double t11 = a11 * w1;
            double t12 = a12 * w2;
            double t20 = a20 * w0;
            double t21 = a21 * w1;
            double t22 = a22 * w2;
            b0 = t00 + t01 + t02;
            b1 = t10 + t11 + t12;
            b2 = t20 + t21 + t22;
            // With Rabiner's scaling sum_i alpha_i * beta_i is exactly 1 in exact arithmetic and drifts only by
            // rounding (checked to 1e-10 in BaumWelchProperties), so the per-step renormalisation is skipped here.
            double p0 = a[r];
            double p1 = a[r + 1];
            double p2 = a[r + 2];
            x00 += p0 * t00;
            x01 += p0 * t01;
            x02 += p0 * t02;
            x10 += p1 * t10;
            x11 += p1 * t11;
            x12 += p1 * t12;
            x20 += p2 * t20;
            x21 += p2 * t21;
            x22 += p2 * t22;
            g0 = p0 * b0;
            g1 = p1 * b1;
            g2 = p2 * b2;
            g[r] = g0;
            g[r + 1] = g1;
            g[r + 2] = g2;
            xt = x[t];
            z0 = xt - mu0;
            z1 = xt - mu1;
            z2 = xt - mu2;
            o0 += g0;
            o1 += g1;
            o2 += g2;
            double gz0 = g0 * z0;
            double gz1 = g1 * z1;
            double gz2 = g2 * z2;
            f0 += gz0;
            f1 += gz1;
            f2 += gz2;
            q0 += gz0 * z0;
            q1 += gz1 * z1;
            q2 += gz2 * z2;
        }
        double[] xi = ws.xiSum;
        xi[0] = x00;
        xi[1] = x01;
        xi[2] = x02;
        xi[3] = x10;
        xi[4] = x11;
        xi[5] = x12;
        xi[6] = x20;
        xi[7] = x21;
        xi[8] = x22;
        ws.occupancy[0] = o0;
        ws.occupancy[1] = o1;
        ws.occupancy[2] = o2;
        ws.firstMoment[0] = f0;
        ws.firstMoment[1] = f1;
        ws.firstMoment[2] = f2;
        ws.secondMoment[0] = q0;
        ws.secondMoment[1] = q1;
        ws.secondMoment[2] = q2;
    }
}

package io.hfthot.quant.hmm;

import io.hfthot.quant.SolverStatus;
import java.util.Arrays;

/**
 * One EM run from an initial model, accelerated by SQUAREM (Varadhan and Roland 2008, scheme S3 with the
 * global monotonicity safeguard).
 *
 * <p>A cycle takes two plain EM steps {@code x1 = F(x0)}, {@code x2 = F(x1)}, forms {@code r = x1 - x0},
 * {@code v = x2 - 2 x1 + x0} and the step length {@code alpha = -|r| / |v|} (at most -1), extrapolates
 * {@code x' = x0 - 2 alpha r + alpha^2 v} over the flattened parameters and stabilises with one more EM step
 * from {@code x'}. The extrapolation keeps probabilities summing to 1 (r and v sum to 0); it is accepted only
 * if every probability stays positive, every variance stays at or above the floor and the objective at
 * {@code x'} is at least the one at {@code x1}; otherwise {@code alpha} is halved towards -1, where
 * {@code x' = x2} is plain EM. The objective therefore never decreases from cycle to cycle, as in plain EM, and
 * the fixed points are EM's, but the linear convergence of EM (slow when regimes overlap) becomes close to
 * quadratic near the optimum.
 *
 * <p>The run stops when one plain EM step moves no parameter by more than the tolerance in the sense of
 * {@link ParameterChange}, when the step budget is spent, or when the thread is interrupted (checked once per
 * cycle).
 */
final class AcceleratedEm {
    private AcceleratedEm() {
    }

    /** The end of a run: the model, the log-likelihood of the model it last stepped from and the trace. */
    record Run(GaussianHmm model, double logLikelihood, int steps, SolverStatus status, double[] trace,
               double lastChange, Degeneracy degeneracy) {
    }

    /**
     * Runs accelerated EM.
     *
     * @param init       the initial model
     * @param x          the observations
     * @param floor      absolute variance floors per feature
     * @param sticky     sticky prior strength
     * @param maxSteps   budget of EM steps (E-step evaluations), at least 1
     * @param tolerance  stop when a plain EM step changes no parameter by more than this
     * @param accelerate false for plain EM (one step per cycle)
     * @param atoms      the repeated values of {@code x}, for the degeneracy check
     * @param ws         the workspace (modified)
     * @return the outcome; the workspace holds the sufficient statistics under the returned model's predecessor
     */
    static Run run(GaussianHmm init, Observations x, double[] floor, double sticky, int maxSteps, double tolerance,
                   boolean accelerate, Atoms atoms, HmmWorkspace ws) {
        double[] trace = new double[maxSteps];
        int cycles = 0;
        GaussianHmm x0 = init;
        EmStep s0 = BaumWelch.iterate(x0, x, floor, sticky, ws);
        int steps = 1;
        while (true) {
            trace[cycles++] = s0.logLikelihood();
            GaussianHmm x1 = s0.updated();
            double change = ParameterChange.max(x0, x1);
            SolverStatus status = null;
            if (change <= tolerance) {
                status = SolverStatus.CONVERGED;
            } else if (steps >= maxSteps) {
                status = SolverStatus.MAX_ITERATIONS;
            } else if (Thread.currentThread().isInterrupted()) {
                status = SolverStatus.CANCELLED;
            }
            if (status != null) {
                // The statistics in ws are those of the E-step under x0, whose M-step gave x1.
                return new Run(x1, s0.logLikelihood(), steps, status, Arrays.copyOf(trace, cycles), change,
                        Degeneracy.find(x0, ws, floor, atoms));
            }
            EmStep s1 = BaumWelch.iterate(x1, x, floor, sticky, ws);
            steps++;
            if (!accelerate || steps >= maxSteps) {
                x0 = x1;
                s0 = s1;
                continue;
            }
            double obj1 = objective(s1.logLikelihood(), x1, sticky);
            GaussianHmm x2 = s1.updated();
            double[] p0 = flatten(x0);
            double[] p1 = flatten(x1);
            double[] p2 = flatten(x2);
            double rr = 0;
            double vv = 0;
            for (int i = 0; i < p0.length; i++) {
                double r = p1[i] - p0[i];
                double v = p2[i] - 2 * p1[i] + p0[i];
                rr += r * r;
                vv += v * v;
            }
            double alpha = vv > 0 ? Math.min(-Math.sqrt(rr / vv), -1.0) : -1.0;
            GaussianHmm next = null;
            EmStep nextStep = null;
            while (alpha < -1 && steps < maxSteps) {
                GaussianHmm candidate = extrapolate(x0, p0, p1, p2, alpha, floor);
                if (candidate != null) {
                    EmStep s = BaumWelch.iterate(candidate, x, floor, sticky, ws);
                    steps++;
                    if (objective(s.logLikelihood(), candidate, sticky) >= obj1) {
                        next = candidate;
                        nextStep = s;
                        break;
                    }
                }
                // Halve the distance to -1; close to -1 the extrapolation is plain EM anyway.
                alpha = (alpha - 1) / 2;
                if (alpha > -1.01) {
                    alpha = -1;
                }
            }
            if (next == null) {
                next = x2;
                nextStep = BaumWelch.iterate(x2, x, floor, sticky, ws);
                steps++;
            }
            x0 = next;
            s0 = nextStep;
        }
    }

    /** The objective EM increases: the log-likelihood plus the sticky prior's {@code kappa * sum log A_ii}. */
    private static double objective(double logLikelihood, GaussianHmm m, double sticky) {
        if (sticky == 0) {
            return logLikelihood;
        }
        double prior = 0;
        for (int i = 0; i < m.k; i++) {
            prior += m.logTransition[i * m.k + i];
        }
        return logLikelihood + sticky * prior;
    }

    private static double[] flatten(GaussianHmm m) {
        int k = m.k;
        int kd = k * m.d;
        double[] p = new double[k + k * k + 2 * kd];
        System.arraycopy(m.initial, 0, p, 0, k);
        System.arraycopy(m.transition, 0, p, k, k * k);
        System.arraycopy(m.means, 0, p, k + k * k, kd);
        System.arraycopy(m.variances, 0, p, k + k * k + kd, kd);
        return p;
    }

    /** The SQUAREM point for {@code alpha}, or null if it leaves the parameter space. */
    private static GaussianHmm extrapolate(GaussianHmm shape, double[] p0, double[] p1, double[] p2, double alpha,
                                           double[] floor) {
        int k = shape.k;
        int d = shape.d;
        int probabilities = k + k * k;
        int kd = k * d;
        double[] p = new double[p0.length];
        for (int i = 0; i < p.length; i++) {
            double r = p1[i] - p0[i];
            double v = p2[i] - 2 * p1[i] + p0[i];
            p[i] = p0[i] - 2 * alpha * r + alpha * alpha * v;
        }
        for (int i = 0; i < probabilities; i++) {
            if (!(p[i] > 0)) {
                return null;
            }
        }
        for (int i = 0; i < kd; i++) {
            if (!(p[probabilities + kd + i] >= floor[i % d]) || !Double.isFinite(p[probabilities + i])) {
                return null;
            }
        }
        double[] pi = Arrays.copyOfRange(p, 0, k);
        double[] a = Arrays.copyOfRange(p, k, probabilities);
        if (!rowsSumToOne(pi, a, k)) {
            return null;
        }
        return GaussianHmm.create(k, d, pi, a, Arrays.copyOfRange(p, probabilities, probabilities + kd),
                Arrays.copyOfRange(p, probabilities + kd, p.length));
    }

    /** Rounding can push a long extrapolation's row sums past the model's stochastic tolerance. */
    private static boolean rowsSumToOne(double[] pi, double[] a, int k) {
        double s = 0;
        for (double v : pi) {
            s += v;
        }
        if (Math.abs(s - 1) > GaussianHmm.STOCHASTIC_TOLERANCE) {
            return false;
        }
        for (int i = 0; i < k; i++) {
            double row = 0;
            for (int j = 0; j < k; j++) {
                row += a[i * k + j];
            }
            if (Math.abs(row - 1) > GaussianHmm.STOCHASTIC_TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}

package io.hfthot.quant.hmm;

import io.hfthot.quant.SolverStatus;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Fits a {@link GaussianHmm} by Baum-Welch expectation-maximisation with Rabiner scaling, k-means++
 * initialisation and seeded restarts.
 *
 * <p>Each fit standardises every feature (subtract the mean, divide by the standard deviation) so that
 * tolerances and floors do not depend on the units of the data, runs EM from {@link FitOptions#restarts()}
 * k-means++ initialisations, keeps the restart with the highest log-likelihood, maps the model back to the
 * original units and puts its states in canonical order. The same data and options always give a bit-identical
 * result.
 *
 * <p>A state is <em>degenerate</em> when its unfloored variance in some feature falls to the variance floor
 * (it has collapsed onto (nearly) identical values, such as a run of exactly-zero returns) or when it explains
 * less than one observation. Without the floor such a state has an unbounded likelihood, so when the data
 * contain such runs the best restart is usually degenerate; the fit then reports
 * {@link SolverStatus#DEGENERATE} with a reason naming the state's location and size rather than passing the
 * spike off as a regime.
 */
public final class BaumWelch {
    /** A state explaining fewer observations than this is reported as empty. */
    static final double MIN_OCCUPANCY = 1.0;

    private BaumWelch() {
    }

    /**
     * Fits a model to the observations.
     *
     * @param x       the observations, at least {@link GaussianHmm#freeParameters(int, int)} of them, no feature
     *                constant
     * @param options the fit options
     * @return the fit; non-convergence and degeneracy are statuses, not exceptions
     * @throws IllegalArgumentException if there are fewer observations than free parameters or a feature is
     *                                  constant
     */
    public static FitResult fit(Observations x, FitOptions options) {
        if (x == null || options == null) {
            throw new IllegalArgumentException("observations and options must not be null");
        }
        int k = options.states();
        int d = x.features();
        int length = x.length();
        int free = GaussianHmm.freeParameters(k, d);
        if (length < free) {
            throw new IllegalArgumentException("observations has " + length + " rows but a " + k + "-state model over "
                    + d + " feature(s) has " + free + " free parameters; need at least " + free + " observations");
        }
        double[] centre = new double[d];
        double[] spread = new double[d];
        double[] z = standardise(x, centre, spread);
        double logJacobian = 0;
        for (int f = 0; f < d; f++) {
            logJacobian += Math.log(spread[f]);
        }
        logJacobian *= length;
        Observations standard = Observations.ofRowMajor(z, d);
        double[] floor = new double[d];
        Arrays.fill(floor, options.varianceFloorFraction());

        HmmWorkspace ws = new HmmWorkspace(length, k);
        SplittableRandom root = new SplittableRandom(options.seed());
        double[] restartLl = new double[options.restarts()];
        Run best = null;
        for (int r = 0; r < options.restarts(); r++) {
            GaussianHmm init = KMeansPlusPlus.initialise(z, length, d, k, options.varianceFloorFraction(), root.split());
            Run run = run(init, standard, floor, options, ws, logJacobian);
            restartLl[r] = run.logLikelihood;
            if (best == null || run.betterThan(best)) {
                best = run;
            }
        }

        GaussianHmm model = canonical(toOriginalUnits(best.model, centre, spread));
        double ll = model.logLikelihood(x, ws);
        SolverStatus status;
        String reason;
        if (best.degeneracy != null) {
            status = SolverStatus.DEGENERATE;
            reason = describeInOriginalUnits(best, centre, spread, options.restarts());
        } else if (best.converged) {
            status = SolverStatus.CONVERGED;
            reason = "";
        } else {
            status = SolverStatus.MAX_ITERATIONS;
            reason = "no convergence within " + options.maxIterations() + " iterations (last relative change "
                    + String.format(Locale.ROOT, "%.3g", best.lastRelativeChange) + " > " + options.relativeTolerance()
                    + ")";
        }
        return new FitResult(model, ll, best.iterations, best.converged, status, reason, best.trace, restartLl);
    }

    /**
     * Runs one EM iteration: an E-step under {@code model} (scaled forward-backward, expected counts) and the
     * M-step (maximum a posteriori with the sticky prior, variances floored).
     *
     * <p>Without a sticky prior the log-likelihood of the returned model is never below the one returned here
     * (the EM guarantee); with a sticky prior the guarantee holds for the log-likelihood plus
     * {@code stickyStrength * sum_i log A_ii}.
     *
     * @param model          the current model
     * @param x              the observations
     * @param varianceFloor  {@code d} absolute variance floors, each {@code > 0}
     * @param stickyStrength pseudo-count added to self-transitions, {@code >= 0}
     * @param ws             the workspace (modified: holds the posteriors under {@code model})
     * @return the updated model and the log-likelihood of {@code model}
     * @throws IllegalArgumentException on mismatched dimensions or invalid floors
     */
    public static EmStep step(GaussianHmm model, Observations x, double[] varianceFloor, double stickyStrength,
                              HmmWorkspace ws) {
        model.checkFeatures(x);
        if (ws == null) {
            throw new IllegalArgumentException("workspace must not be null");
        }
        if (varianceFloor == null || varianceFloor.length != model.d) {
            throw new IllegalArgumentException("varianceFloor must have " + model.d + " entries, got "
                    + (varianceFloor == null ? "null" : varianceFloor.length));
        }
        for (int f = 0; f < varianceFloor.length; f++) {
            if (!(varianceFloor[f] > 0) || !Double.isFinite(varianceFloor[f])) {
                throw new IllegalArgumentException("varianceFloor[" + f + "] must be a finite number > 0, got "
                        + varianceFloor[f]);
            }
        }
        if (!(stickyStrength >= 0) || !Double.isFinite(stickyStrength)) {
            throw new IllegalArgumentException("stickyStrength must be a finite number >= 0, got " + stickyStrength);
        }
        ws.ensure(x.length(), model.k);
        ws.ensureStatistics(model.k, model.d);
        double ll = expectation(model, x.data, x.length(), ws);
        if (ll == Double.NEGATIVE_INFINITY) {
            throw new IllegalArgumentException("the observations have probability zero under the model");
        }
        return new EmStep(maximisation(model, ws, varianceFloor, stickyStrength), ll);
    }

    /** E-step: forward pass, then one fused backward pass accumulating xi, occupancies and shifted moments. */
    private static double expectation(GaussianHmm m, double[] x, int length, HmmWorkspace ws) {
        double ll;
        if (m.k == 3 && m.d == 1) {
            // Baum-Welch never reads the log-emissions, so the unrolled pass skips storing them, unless the
            // general forward loop (whose rescue path needs them) has to take over.
            Kernels3.emissions(m, x, length, ws, true, false);
            ll = Kernels3.forward(m, length, ws);
            if (Double.isNaN(ll)) {
                Kernels.emissions(m, x, length, ws);
                ll = Kernels.forwardGeneral(m, length, ws);
            }
        } else {
            Kernels.emissions(m, x, length, ws);
            ll = Kernels.forward(m, length, ws);
        }
        if (ll == Double.NEGATIVE_INFINITY) {
            return ll;
        }
        if (m.k == 3 && m.d == 1) {
            Kernels3.expectation(m, x, length, ws);
            return ll;
        }
        int k = m.k;
        int d = m.d;
        double[] e = ws.emission;
        double[] a = ws.alpha;
        double[] b = ws.beta;
        double[] g = ws.gamma;
        double[] tr = m.transition;
        double[] mu = m.means;
        double[] w = ws.scratch;
        double[] xi = ws.xiSum;
        double[] occ = ws.occupancy;
        double[] s1 = ws.firstMoment;
        double[] s2 = ws.secondMoment;
        Arrays.fill(xi, 0, k * k, 0.0);
        Arrays.fill(occ, 0, k, 0.0);
        Arrays.fill(s1, 0, k * d, 0.0);
        Arrays.fill(s2, 0, k * d, 0.0);
        int last = (length - 1) * k;
        for (int i = 0; i < k; i++) {
            b[last + i] = 1;
            g[last + i] = a[last + i];
        }
        accumulate(g, last, x, (length - 1) * d, mu, k, d, occ, s1, s2);
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
                norm += a[cur + i] * s;
            }
            double invNorm = 1.0 / norm;
            for (int i = 0; i < k; i++) {
                double ai = a[cur + i] * invNorm;
                g[cur + i] = ai * b[cur + i];
                int row = i * k;
                for (int j = 0; j < k; j++) {
                    xi[row + j] += ai * tr[row + j] * w[j];
                }
            }
            accumulate(g, cur, x, t * d, mu, k, d, occ, s1, s2);
        }
        return ll;
    }

    /** Adds one time step's posterior-weighted moments, shifted by the current means for accuracy. */
    private static void accumulate(double[] g, int row, double[] x, int xo, double[] mu, int k, int d,
                                   double[] occ, double[] s1, double[] s2) {
        if (d == 1) {
            double xt = x[xo];
            for (int i = 0; i < k; i++) {
                double gi = g[row + i];
                double z = xt - mu[i];
                double gz = gi * z;
                occ[i] += gi;
                s1[i] += gz;
                s2[i] += gz * z;
            }
            return;
        }
        for (int i = 0; i < k; i++) {
            double gi = g[row + i];
            occ[i] += gi;
            for (int f = 0; f < d; f++) {
                double z = x[xo + f] - mu[i * d + f];
                double gz = gi * z;
                s1[i * d + f] += gz;
                s2[i * d + f] += gz * z;
            }
        }
    }

    /** M-step from the statistics in the workspace. */
    private static GaussianHmm maximisation(GaussianHmm m, HmmWorkspace ws, double[] floor, double sticky) {
        int k = m.k;
        int d = m.d;
        double[] pi = new double[k];
        double[] a = new double[k * k];
        double[] means = new double[k * d];
        double[] vars = new double[k * d];
        double piSum = 0;
        for (int i = 0; i < k; i++) {
            piSum += ws.gamma[i];
        }
        for (int i = 0; i < k; i++) {
            pi[i] = ws.gamma[i] / piSum;
            int row = i * k;
            double rowSum = 0;
            for (int j = 0; j < k; j++) {
                double v = ws.xiSum[row + j] + (i == j ? sticky : 0.0);
                a[row + j] = v;
                rowSum += v;
            }
            if (rowSum > 0) {
                for (int j = 0; j < k; j++) {
                    a[row + j] /= rowSum;
                }
            } else {
                // State i is never left (it carries no posterior mass before T): its row does not affect the
                // expected complete log-likelihood, so the old row is as good as any.
                System.arraycopy(m.transition, row, a, row, k);
            }
            double occ = ws.occupancy[i];
            for (int f = 0; f < d; f++) {
                int idx = i * d + f;
                if (occ > 0) {
                    double shift = ws.firstMoment[idx] / occ;
                    double raw = ws.secondMoment[idx] / occ - shift * shift;
                    means[idx] = m.means[idx] + shift;
                    ws.rawVariance[idx] = Math.max(raw, 0.0);
                    vars[idx] = Math.max(raw, floor[f]);
                } else {
                    means[idx] = m.means[idx];
                    ws.rawVariance[idx] = 0.0;
                    vars[idx] = m.variances[idx];
                }
            }
        }
        return GaussianHmm.create(k, d, pi, a, means, vars);
    }

    /** One EM run from an initial model, on standardised data. */
    private static Run run(GaussianHmm init, Observations z, double[] floor, FitOptions o, HmmWorkspace ws,
                           double logJacobian) {
        int length = z.length();
        double[] trace = new double[o.maxIterations()];
        GaussianHmm model = init;
        double prev = Double.NaN;
        double change = Double.NaN;
        int iterations = 0;
        boolean converged = false;
        double ll = Double.NEGATIVE_INFINITY;
        while (iterations < o.maxIterations()) {
            EmStep step = step(model, z, floor, o.stickyStrength(), ws);
            ll = step.logLikelihood();
            trace[iterations++] = ll - logJacobian;
            if (iterations > 1) {
                change = Math.abs(ll - prev) / Math.max(Math.abs(prev), length);
                if (change <= o.relativeTolerance()) {
                    converged = true;
                    break;
                }
            }
            if (iterations == o.maxIterations()) {
                break;
            }
            model = step.updated();
            prev = ll;
        }
        // The statistics in ws describe the posteriors under `model`, the model whose likelihood is `ll`.
        int[] degenerate = findDegenerateState(model, ws, floor);
        double[][] stateMeans = null;
        double occupancy = 0;
        double raw = 0;
        if (degenerate != null) {
            stateMeans = model.means();
            occupancy = ws.occupancy[degenerate[0]];
            raw = ws.rawVariance[degenerate[0] * model.d + Math.max(degenerate[1], 0)];
        }
        return new Run(model, ll - logJacobian, iterations, converged, Arrays.copyOf(trace, iterations), change,
                degenerate, stateMeans, occupancy, raw);
    }

    /** {@code {state, feature}} of the first collapsed state, {@code {state, -1}} of the first empty one, or null. */
    private static int[] findDegenerateState(GaussianHmm m, HmmWorkspace ws, double[] floor) {
        for (int i = 0; i < m.k; i++) {
            if (ws.occupancy[i] < MIN_OCCUPANCY) {
                return new int[] {i, -1};
            }
            for (int f = 0; f < m.d; f++) {
                if (ws.rawVariance[i * m.d + f] <= floor[f]) {
                    return new int[] {i, f};
                }
            }
        }
        return null;
    }

    private static String describeInOriginalUnits(Run run, double[] centre, double[] spread, int restarts) {
        int state = run.degeneracy[0];
        int feature = run.degeneracy[1];
        String prefix = "in the best of " + restarts + " restart(s) ";
        if (feature < 0) {
            return prefix + String.format(Locale.ROOT, "a state is empty: it explains %.3g observations (< %.0f)",
                    run.degenerateOccupancy, MIN_OCCUPANCY);
        }
        double mean = centre[feature] + spread[feature] * run.stateMeans[state][feature];
        double raw = run.degenerateRawVariance * spread[feature] * spread[feature];
        return prefix + String.format(Locale.ROOT,
                "a state collapsed onto nearly identical values of feature %d: %.1f observations near %.6g with "
                        + "variance %.3g, at or below the variance floor (a run of identical values, e.g. "
                        + "exactly-zero returns?)", feature, run.degenerateOccupancy, mean, raw);
    }

    private static double[] standardise(Observations x, double[] centre, double[] spread) {
        int length = x.length();
        int d = x.features();
        double[] data = x.data;
        for (int f = 0; f < d; f++) {
            double mean = 0;
            for (int t = 0; t < length; t++) {
                mean += data[t * d + f];
            }
            mean /= length;
            double ss = 0;
            for (int t = 0; t < length; t++) {
                double z = data[t * d + f] - mean;
                ss += z * z;
            }
            double sd = Math.sqrt(ss / length);
            if (!(sd > 0) || sd <= Math.ulp(Math.abs(mean)) * 16) {
                throw new IllegalArgumentException("observations feature " + f + " is constant (every value is "
                        + data[f] + "): a Gaussian HMM cannot be fitted to a series without variation");
            }
            centre[f] = mean;
            spread[f] = sd;
        }
        double[] z = new double[length * d];
        for (int t = 0; t < length; t++) {
            for (int f = 0; f < d; f++) {
                z[t * d + f] = (data[t * d + f] - centre[f]) / spread[f];
            }
        }
        return z;
    }

    private static GaussianHmm toOriginalUnits(GaussianHmm m, double[] centre, double[] spread) {
        int k = m.k;
        int d = m.d;
        double[] means = new double[k * d];
        double[] vars = new double[k * d];
        for (int i = 0; i < k; i++) {
            for (int f = 0; f < d; f++) {
                means[i * d + f] = centre[f] + spread[f] * m.means[i * d + f];
                vars[i * d + f] = spread[f] * spread[f] * m.variances[i * d + f];
            }
        }
        return GaussianHmm.create(k, d, m.initial.clone(), m.transition.clone(), means, vars);
    }

    /**
     * Puts states in canonical order: ascending variance of feature 0, then ascending mean of feature 0, then the
     * same for the next features, so that fits that differ only by labelling become identical.
     *
     * @param m the model
     * @return the relabelled model
     */
    static GaussianHmm canonical(GaussianHmm m) {
        Integer[] order = new Integer[m.k];
        for (int i = 0; i < m.k; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (p, q) -> {
            for (int f = 0; f < m.d; f++) {
                int c = Double.compare(m.variances[p * m.d + f], m.variances[q * m.d + f]);
                if (c == 0) {
                    c = Double.compare(m.means[p * m.d + f], m.means[q * m.d + f]);
                }
                if (c != 0) {
                    return c;
                }
            }
            return Integer.compare(p, q);
        });
        int[] perm = new int[m.k];
        for (int i = 0; i < m.k; i++) {
            perm[i] = order[i];
        }
        return m.permute(perm);
    }

    /** One restart's outcome, on standardised data except {@code logLikelihood} and {@code trace}. */
    private record Run(GaussianHmm model, double logLikelihood, int iterations, boolean converged, double[] trace,
                       double lastRelativeChange, int[] degeneracy, double[][] stateMeans,
                       double degenerateOccupancy, double degenerateRawVariance) {
        /** The higher log-likelihood wins; ties keep the earlier restart. */
        boolean betterThan(Run other) {
            return logLikelihood > other.logLikelihood;
        }
    }
}

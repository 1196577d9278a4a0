package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Fits a {@link GaussianHmm} by Baum-Welch expectation-maximisation with Rabiner scaling, SQUAREM acceleration,
 * k-means++ initialisation and seeded restarts.
 *
 * <p>Each fit standardises every feature (subtract the mean, divide by the standard deviation) so that
 * tolerances and floors do not depend on the units of the data. Each of {@link FitOptions#restarts()} k-means++
 * seedings gives two starting models (the clusters' own variances; every state at the full data variance, as
 * hmmlearn starts). Every start is first run by accelerated EM to a screening tolerance of
 * {@value #SCREENING_TOLERANCE}; the starts are then ranked, <em>non-degenerate fits first</em>, then by
 * log-likelihood, and the best is run on to {@link FitOptions#relativeTolerance()}. If it degenerates on the
 * way, the next one in the ranking is polished instead. The model is mapped back to the original units and its
 * states put in canonical order. The same data and options always give a bit-identical result.
 *
 * <p>A state is <em>degenerate</em> when its unfloored variance in some feature falls to the variance floor
 * (it has collapsed onto (nearly) identical values, such as a run of exactly-zero returns) or when it explains
 * less than one observation. Without the floor such a state has an unbounded likelihood, so on data with
 * repeated values (zero returns on holidays, stale prices) the degenerate fits often have the highest
 * likelihood of all; they are nevertheless ranked after every regime fit. Only when every start degenerates is
 * a degenerate fit returned, with {@link SolverStatus#DEGENERATE} and a reason that says so and names the
 * collapsed state's location and size.
 *
 * <p>Cancellation: each run checks {@link Thread#isInterrupted()} once per SQUAREM cycle; when the thread is
 * interrupted the fit stops and returns the best model so far with {@link SolverStatus#CANCELLED} (the interrupt
 * flag stays set).
 */
public final class BaumWelch {
    // Length: ~490 lines because the general E-step and M-step (the hot loop and the statistics it feeds) sit next
    // to the fit that drives them; the run, the starts, degeneracy, atoms, units and the pooling of several
    // sequences already live in their own classes (AcceleratedEm, KMeansPlusPlus, Degeneracy, Atoms, Standardised,
    // PooledExpectation).
    /** Parameter tolerance of the screening runs that rank the starting models. */
    static final double SCREENING_TOLERANCE = 1e-2;

    private BaumWelch() {
    }

    /**
     * Fits a model to the observations from k-means++ restarts.
     *
     * @param x       the observations (one sequence, or several from {@link Observations#sequences(List)}), at
     *                least {@link GaussianHmm#freeParameters(int, int)} of them in all, no feature constant
     * @param options the fit options
     * @return the fit; non-convergence, degeneracy and cancellation are statuses, not exceptions
     * @throws IllegalArgumentException if there are fewer observations than free parameters or a feature is
     *                                  constant
     */
    public static FitResult fit(Observations x, FitOptions options) {
        Standardised data = prepare(x, options);
        SplittableRandom root = new SplittableRandom(options.seed());
        GaussianHmm[][] pairs = new GaussianHmm[options.restarts()][];
        // Seedings are made when first needed (in restart order, so the seeds do not depend on timing): an
        // interrupted fit then does not first seed every restart.
        IntFunction<GaussianHmm> starts = i -> {
            if (pairs[i / 2] == null) {
                pairs[i / 2] = KMeansPlusPlus.initialise(data.z, x.length(), x.features(), options.states(),
                        options.varianceFloorFraction(), root.split());
            }
            return pairs[i / 2][i % 2];
        };
        return fitFrom(x, options, data, starts, 2 * options.restarts());
    }

    /**
     * Fits one model to several independent one-feature sequences at once (for example the same index over
     * separate years, or several instruments assumed to share their regimes), from k-means++ restarts as
     * {@link #fit(Observations, FitOptions)}: forward-backward runs per sequence, the M-step pools the expected
     * statistics of all of them, and the initial distribution is the average of the sequences' first
     * posteriors. For several multi-feature sequences pass {@link Observations#sequences(List)} to
     * {@link #fit(Observations, FitOptions)}.
     *
     * @param sequences at least one sequence, each of at least 2 finite values (not modified)
     * @param options   the fit options
     * @return the fit; its log-likelihood is the sum over the sequences
     * @throws IllegalArgumentException if a sequence is null, shorter than 2 or holds a NaN or infinity, or as
     *                                  {@link #fit(Observations, FitOptions)} on the pooled observations
     */
    public static FitResult fit(List<double[]> sequences, FitOptions options) {
        if (sequences == null || sequences.isEmpty()) {
            throw new InvalidParameterException("sequences", "sequences must hold at least one sequence, got "
                    + (sequences == null ? "null" : "an empty list"));
        }
        Observations[] parts = new Observations[sequences.size()];
        for (int s = 0; s < parts.length; s++) {
            double[] values = sequences.get(s);
            if (values == null) {
                throw new InvalidParameterException("sequences", "sequences[" + s + "] must not be null");
            }
            try {
                parts[s] = Observations.univariate(values);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("sequences", "sequences[" + s + "]: " + e.getMessage(), e);
            }
        }
        return fit(Observations.sequences(List.of(parts)), options);
    }

    /**
     * Fits a model to the observations by EM from a given model, with no restarts ({@link FitOptions#restarts()}
     * and {@link FitOptions#seed()} are not used): the way to refit a model on new data cheaply, or to continue a
     * fit. Variances of the initial model below the floor are raised to it.
     *
     * @param x            the observations
     * @param options      the fit options; {@link FitOptions#states()} must equal the initial model's states
     * @param initialModel the starting model, with as many features as {@code x}
     * @return the fit
     * @throws IllegalArgumentException on mismatched states or features, or as {@link #fit(Observations, FitOptions)}
     */
    public static FitResult fit(Observations x, FitOptions options, GaussianHmm initialModel) {
        if (initialModel == null) {
            throw new InvalidParameterException("initialModel", "initialModel must not be null");
        }
        Standardised data = prepare(x, options);
        initialModel.checkFeatures(x);
        if (initialModel.k != options.states()) {
            throw new InvalidParameterException("initialModel",
                    "initialModel has " + initialModel.k + " states but options.states is "
                    + options.states());
        }
        GaussianHmm start = data.toStandard(initialModel, options.varianceFloorFraction());
        return fitFrom(x, options, data, i -> start, 1);
    }

    private static Standardised prepare(Observations x, FitOptions options) {
        if (x == null || options == null) {
            throw new InvalidParameterException("observations", "observations and options must not be null");
        }
        int k = options.states();
        int d = x.features();
        int length = x.length();
        int free = GaussianHmm.freeParameters(k, d);
        if (length < free) {
            throw new InvalidParameterException("observations",
                    "observations has " + length + " rows but a " + k + "-state model over "
                    + d + " feature(s) has " + free + " free parameters; need at least " + free + " observations");
        }
        return Standardised.of(x);
    }

    private static FitResult fitFrom(Observations x, FitOptions options, Standardised data,
                                     IntFunction<GaussianHmm> starts, int count) {
        int length = x.length();
        int d = x.features();
        Observations standard = x.withValues(data.z);
        double[] floor = new double[d];
        Arrays.fill(floor, options.varianceFloorFraction());
        HmmWorkspace ws = new HmmWorkspace(length, options.states());
        double screening = Math.max(SCREENING_TOLERANCE, options.relativeTolerance());
        boolean screen = count > 1;
        Atoms atoms = Atoms.of(x.data, length, d);

        Candidate[] screened = new Candidate[count];
        double[] startLl = new double[count];
        Arrays.fill(startLl, Double.NaN);
        for (int i = 0; i < count; i++) {
            AcceleratedEm.Run run = AcceleratedEm.run(starts.apply(i), standard, floor, options.stickyStrength(),
                    options.maxIterations(), screen ? screening : options.relativeTolerance(), options.accelerated(), atoms, ws);
            screened[i] = new Candidate(i, run, run.trace(), run.steps());
            startLl[i] = run.logLikelihood() - data.logJacobian;
            if (run.status() == SolverStatus.CANCELLED) {
                return result(x, options, data, best(screened), SolverStatus.CANCELLED, startLl, ws,
                        "interrupted while running start " + (i + 1) + " of " + count);
            }
        }
        Candidate[] ranked = Arrays.stream(screened).sorted(Candidate.RANKING).toArray(Candidate[]::new);
        if (!screen) {
            return finish(x, options, data, ranked[0], startLl, ws, count);
        }
        Candidate firstPolished = null;
        for (Candidate c : ranked) {
            if (c.run.degeneracy() != null && firstPolished != null) {
                break;
            }
            Candidate polished = polish(c, standard, floor, options, atoms, ws);
            startLl[c.start] = polished.run.logLikelihood() - data.logJacobian;
            if (polished.run.status() == SolverStatus.CANCELLED || polished.run.degeneracy() == null) {
                return finish(x, options, data, polished, startLl, ws, count);
            }
            if (firstPolished == null || Candidate.RANKING.compare(polished, firstPolished) < 0) {
                firstPolished = polished;
            }
        }
        return finish(x, options, data, firstPolished, startLl, ws, count);
    }

    /** Runs a screened start on to the full tolerance within what is left of its step budget. */
    private static Candidate polish(Candidate c, Observations standard, double[] floor, FitOptions options,
                                    Atoms atoms, HmmWorkspace ws) {
        AcceleratedEm.Run screened = c.run;
        if (screened.status() != SolverStatus.CONVERGED || options.relativeTolerance() >= SCREENING_TOLERANCE) {
            return c;
        }
        int budget = Math.max(1, options.maxIterations() - c.steps);
        AcceleratedEm.Run run = AcceleratedEm.run(screened.model(), standard, floor, options.stickyStrength(), budget,
                options.relativeTolerance(), options.accelerated(), atoms, ws);
        double[] trace = Arrays.copyOf(c.trace, c.trace.length + run.trace().length);
        System.arraycopy(run.trace(), 0, trace, c.trace.length, run.trace().length);
        return new Candidate(c.start, run, trace, c.steps + run.steps());
    }

    private static Candidate best(Candidate[] candidates) {
        return Arrays.stream(candidates).filter(c -> c != null).min(Candidate.RANKING).orElseThrow();
    }

    private static FitResult finish(Observations x, FitOptions options, Standardised data, Candidate winner,
                                    double[] startLl, HmmWorkspace ws, int starts) {
        AcceleratedEm.Run run = winner.run;
        if (run.status() == SolverStatus.CANCELLED) {
            return result(x, options, data, winner, SolverStatus.CANCELLED, startLl, ws,
                    "interrupted while refining the best start");
        }
        if (run.degeneracy() != null) {
            return result(x, options, data, winner, SolverStatus.DEGENERATE, startLl, ws, "all " + starts
                    + " starting model(s) degenerated; in the best " + run.degeneracy().describe(data.centre,
                    data.spread));
        }
        if (run.status() == SolverStatus.CONVERGED) {
            return result(x, options, data, winner, SolverStatus.CONVERGED, startLl, ws, "");
        }
        return result(x, options, data, winner, SolverStatus.MAX_ITERATIONS, startLl, ws, "no convergence within "
                + options.maxIterations() + " EM steps (last relative parameter change "
                + String.format(Locale.ROOT, "%.3g", run.lastChange()) + " > " + options.relativeTolerance() + ")");
    }

    private static FitResult result(Observations x, FitOptions options, Standardised data, Candidate winner,
                                    SolverStatus status, double[] startLl, HmmWorkspace ws, String reason) {
        GaussianHmm model = canonical(data.toOriginal(winner.run.model()));
        double ll = model.logLikelihood(x, ws);
        double[] trace = winner.trace.clone();
        for (int i = 0; i < trace.length; i++) {
            trace[i] -= data.logJacobian;
        }
        return new FitResult(model, ll, winner.steps, status == SolverStatus.CONVERGED, status, reason, trace,
                startLl, x.length());
    }

    /** A start's run so far, with its whole trace and step count. */
    private record Candidate(int start, AcceleratedEm.Run run, double[] trace, int steps) {
        /** Non-degenerate first, then the higher log-likelihood, then the earlier start. */
        static final Comparator<Candidate> RANKING = Comparator
                .comparing((Candidate c) -> c.run.degeneracy() != null)
                .thenComparing(c -> -c.run.logLikelihood())
                .thenComparingInt(Candidate::start);
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
            throw new InvalidParameterException("workspace", "workspace must not be null");
        }
        if (varianceFloor == null || varianceFloor.length != model.d) {
            throw new InvalidParameterException("varianceFloor", "varianceFloor must have " + model.d + " entries, got "
                    + (varianceFloor == null ? "null" : varianceFloor.length));
        }
        for (int f = 0; f < varianceFloor.length; f++) {
            if (!(varianceFloor[f] > 0) || !Double.isFinite(varianceFloor[f])) {
                throw new InvalidParameterException("varianceFloor",
                        "varianceFloor[" + f + "] must be a finite number > 0, got "
                        + varianceFloor[f]);
            }
        }
        if (!(stickyStrength >= 0) || !Double.isFinite(stickyStrength)) {
            throw new InvalidParameterException("stickyStrength",
                    "stickyStrength must be a finite number >= 0, got " + stickyStrength);
        }
        return iterate(model, x, varianceFloor, stickyStrength, ws);
    }

    /** {@link #step} without argument checks, for the fitting loop whose arguments are valid by construction. */
    static EmStep iterate(GaussianHmm model, Observations x, double[] varianceFloor, double stickyStrength,
                          HmmWorkspace ws) {
        ws.ensure(x.length(), model.k);
        ws.ensureStatistics(model.k, model.d);
        double ll = x.parts == null ? expectation(model, x.data, x.length(), ws)
                : PooledExpectation.run(model, x, ws);
        if (ll == Double.NEGATIVE_INFINITY) {
            throw new InvalidParameterException("observations",
                    "the observations have probability zero under the model");
        }
        double[] first = x.parts == null ? ws.gamma : ws.firstPosterior;
        return new EmStep(maximisation(model, ws, first, varianceFloor, stickyStrength), ll);
    }

    /** E-step: forward pass, then one fused backward pass accumulating xi, occupancies and shifted moments. */
    static double expectation(GaussianHmm m, double[] x, int length, HmmWorkspace ws) {
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

    /** M-step from the statistics in the workspace; {@code first[0, k)} are the (summed) first posteriors. */
    private static GaussianHmm maximisation(GaussianHmm m, HmmWorkspace ws, double[] first, double[] floor,
                                            double sticky) {
        int k = m.k;
        int d = m.d;
        double[] pi = new double[k];
        double[] a = new double[k * k];
        double[] means = new double[k * d];
        double[] vars = new double[k * d];
        double piSum = 0;
        for (int i = 0; i < k; i++) {
            piSum += first[i];
        }
        for (int i = 0; i < k; i++) {
            pi[i] = first[i] / piSum;
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
}

package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * An immutable hidden Markov model with {@code K} states and diagonal-Gaussian emissions over {@code d}
 * features: initial probabilities {@code pi}, a row-stochastic transition matrix {@code A} and, per state,
 * a mean and a variance for each feature.
 *
 * <p>Log-normalisers, inverse variances and log-probabilities are precomputed at construction so that
 * inference touches only flat primitive arrays. Instances are thread-safe; inference scratch space lives in
 * an {@link HmmWorkspace} owned by the caller.
 *
 * <p>Why it is longer than the house's 400 lines: it is the model's one public type, and most of its length is
 * javadoc on its small accessors and the validated factories; the inference kernels themselves live in
 * {@code Kernels} and {@code Kernels3}, and what remains here (construction, likelihood, posteriors, Viterbi,
 * sampling) all reads the same precomputed flat arrays, which splitting would have to expose.
 */
public final class GaussianHmm {
    /** Rows of {@code pi} and {@code A} must sum to 1 within this before being renormalised. */
    static final double STOCHASTIC_TOLERANCE = 1e-9;
    private static final double LOG_TWO_PI = Math.log(2 * Math.PI);

    final int k;
    final int d;
    final double[] initial;
    /** Row-major {@code A[i * K + j] = P(s_{t+1} = j | s_t = i)}. */
    final double[] transition;
    /** Column-major copy, {@code transitionT[j * K + i] = A[i][j]}, so the forward recursion reads contiguously. */
    final double[] transitionT;
    final double[] means;
    final double[] variances;
    final double[] logInitial;
    final double[] logTransition;
    /** Column-major log-transitions for the Viterbi recursion. */
    final double[] logTransitionT;
    /** Per state: {@code -0.5 * sum_j log(2 pi var_kj)}. */
    final double[] logNormaliser;
    /** {@code 0.5 / var_kj}, row-major over (state, feature). */
    final double[] halfPrecision;
    /** The state with the largest product of variances: the best reference for scaling emissions. */
    final int widestState;

    private GaussianHmm(int k, int d, double[] initial, double[] transition, double[] means, double[] variances) {
        this.k = k;
        this.d = d;
        this.initial = initial;
        this.transition = transition;
        this.means = means;
        this.variances = variances;
        this.transitionT = new double[k * k];
        this.logInitial = new double[k];
        this.logTransition = new double[k * k];
        this.logTransitionT = new double[k * k];
        this.logNormaliser = new double[k];
        this.halfPrecision = new double[k * d];
        for (int i = 0; i < k; i++) {
            logInitial[i] = Math.log(initial[i]);
            double norm = 0;
            for (int j = 0; j < k; j++) {
                transitionT[j * k + i] = transition[i * k + j];
                logTransition[i * k + j] = Math.log(transition[i * k + j]);
                logTransitionT[j * k + i] = logTransition[i * k + j];
            }
            for (int f = 0; f < d; f++) {
                double v = variances[i * d + f];
                norm += LOG_TWO_PI + Math.log(v);
                halfPrecision[i * d + f] = 0.5 / v;
            }
            logNormaliser[i] = -0.5 * norm;
        }
        int widest = 0;
        for (int i = 1; i < k; i++) {
            if (logNormaliser[i] < logNormaliser[widest]) {
                widest = i;
            }
        }
        this.widestState = widest;
    }

    /**
     * Creates a model from its parameters, validating and copying them.
     *
     * @param initial    {@code K} initial probabilities, non-negative, summing to 1 within 1e-9 (renormalised)
     * @param transition a {@code K x K} row-stochastic matrix (each row renormalised like {@code initial})
     * @param means      {@code K x d} finite means
     * @param variances  {@code K x d} finite, strictly positive variances
     * @return the model
     * @throws IllegalArgumentException naming the offending entry when a shape or value is invalid
     */
    public static GaussianHmm of(double[] initial, double[][] transition, double[][] means, double[][] variances) {
        if (initial == null || initial.length == 0) {
            throw new InvalidParameterException("initial", "initial must hold at least one state probability");
        }
        int k = initial.length;
        if (means == null || means.length != k) {
            throw new InvalidParameterException("means", "means must have " + k + " rows (one per state), got "
                    + (means == null ? "null" : means.length));
        }
        if (means[0] == null || means[0].length == 0) {
            throw new InvalidParameterException("means", "means row 0 must hold at least one feature");
        }
        int d = means[0].length;
        double[] a = flatten(transition, k, k, "transition");
        double[] m = flatten(means, k, d, "means");
        double[] v = flatten(variances, k, d, "variances");
        return create(k, d, initial.clone(), a, m, v);
    }

    /**
     * Creates a one-feature model.
     *
     * @param initial    {@code K} initial probabilities (see {@link #of})
     * @param transition a {@code K x K} row-stochastic matrix
     * @param means      {@code K} means
     * @param variances  {@code K} strictly positive variances
     * @return the model with {@code features() == 1}
     */
    public static GaussianHmm univariate(double[] initial, double[][] transition, double[] means, double[] variances) {
        if (initial == null || means == null || variances == null) {
            throw new InvalidParameterException("initial", "initial, means and variances must not be null");
        }
        if (means.length != initial.length || variances.length != initial.length) {
            throw new InvalidParameterException("means", "means and variances must have " + initial.length
                    + " entries (one per state), got " + means.length + " and " + variances.length);
        }
        double[][] m = new double[means.length][];
        double[][] v = new double[means.length][];
        for (int i = 0; i < means.length; i++) {
            m[i] = new double[] {means[i]};
            v[i] = new double[] {variances[i]};
        }
        return of(initial, transition, m, v);
    }

    /** Validates flat arrays that the caller owns exclusively and builds the model on them. */
    static GaussianHmm create(int k, int d, double[] initial, double[] transition, double[] means, double[] variances) {
        normaliseRow(initial, 0, k, "initial");
        for (int i = 0; i < k; i++) {
            normaliseRow(transition, i * k, k, "transition row " + i);
        }
        for (int i = 0; i < k * d; i++) {
            if (!Double.isFinite(means[i])) {
                throw new InvalidParameterException("means",
                        "means[" + i / d + "][" + i % d + "] must be a finite number, got "
                        + means[i]);
            }
            if (!(variances[i] > 0) || !Double.isFinite(variances[i])) {
                throw new InvalidParameterException("variances", "variances[" + i / d + "][" + i % d
                        + "] must be a finite number > 0, got " + variances[i]);
            }
        }
        return new GaussianHmm(k, d, initial, transition, means, variances);
    }

    private static void normaliseRow(double[] p, int offset, int n, String name) {
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = p[offset + i];
            if (!(v >= 0) || !Double.isFinite(v)) {
                throw new InvalidParameterException(name,
                        name + "[" + i + "] must be a probability in [0, 1], got " + v);
            }
            sum += v;
        }
        if (Math.abs(sum - 1) > STOCHASTIC_TOLERANCE) {
            throw new InvalidParameterException(name,
                    name + " must sum to 1 (within " + STOCHASTIC_TOLERANCE + "), got "
                    + sum);
        }
        for (int i = 0; i < n; i++) {
            p[offset + i] /= sum;
        }
    }

    private static double[] flatten(double[][] m, int rows, int cols, String name) {
        if (m == null || m.length != rows) {
            throw new InvalidParameterException(name,
                    name + " must have " + rows + " rows, got " + (m == null ? "null" : m.length));
        }
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            if (m[i] == null || m[i].length != cols) {
                throw new InvalidParameterException(name, name + " row " + i + " must have " + cols + " columns, got "
                        + (m[i] == null ? "null" : m[i].length));
            }
            System.arraycopy(m[i], 0, out, i * cols, cols);
        }
        return out;
    }

    /** Number of hidden states {@code K}. */
    public int states() {
        return k;
    }

    /** Number of features {@code d} per observation. */
    public int features() {
        return d;
    }

    /** Number of free parameters: {@code (K - 1) + K (K - 1) + 2 K d}. */
    public int freeParameters() {
        return freeParameters(k, d);
    }

    /**
     * Number of free parameters of a {@code K}-state model over {@code d} features.
     *
     * @param states   {@code K}
     * @param features {@code d}
     * @return {@code (K - 1) + K (K - 1) + 2 K d}
     */
    public static int freeParameters(int states, int features) {
        return (states - 1) + states * (states - 1) + 2 * states * features;
    }

    /** A copy of the initial state probabilities. */
    public double[] initial() {
        return initial.clone();
    }

    /**
     * One transition probability.
     *
     * @param from the state at time {@code t}
     * @param to   the state at time {@code t + 1}
     * @return {@code P(s_{t+1} = to | s_t = from)}
     */
    public double transition(int from, int to) {
        return transition[checkState(from) * k + checkState(to)];
    }

    /** A copy of the transition matrix, {@code K x K}. */
    public double[][] transitionMatrix() {
        return unflatten(transition, k, k);
    }

    /**
     * The mean of one feature in one state.
     *
     * @param state   the state
     * @param feature the feature
     * @return the mean
     */
    public double mean(int state, int feature) {
        return means[checkState(state) * d + checkFeature(feature)];
    }

    /**
     * The variance of one feature in one state.
     *
     * @param state   the state
     * @param feature the feature
     * @return the variance, strictly positive
     */
    public double variance(int state, int feature) {
        return variances[checkState(state) * d + checkFeature(feature)];
    }

    /** A copy of the means, {@code K x d}. */
    public double[][] means() {
        return unflatten(means, k, d);
    }

    /** A copy of the variances, {@code K x d}. */
    public double[][] variances() {
        return unflatten(variances, k, d);
    }

    /**
     * The same model with its states relabelled: new state {@code i} is old state {@code order[i]}.
     *
     * @param order a permutation of {@code 0..K-1}
     * @return the relabelled model; every likelihood is unchanged
     */
    public GaussianHmm permute(int[] order) {
        if (order == null || order.length != k) {
            throw new InvalidParameterException("order", "order must be a permutation of 0.." + (k - 1));
        }
        boolean[] seen = new boolean[k];
        for (int o : order) {
            if (o < 0 || o >= k || seen[o]) {
                throw new InvalidParameterException("order", "order must be a permutation of 0.." + (k - 1) + ", got "
                        + Arrays.toString(order));
            }
            seen[o] = true;
        }
        double[] pi = new double[k];
        double[] a = new double[k * k];
        double[] m = new double[k * d];
        double[] v = new double[k * d];
        for (int i = 0; i < k; i++) {
            pi[i] = initial[order[i]];
            for (int j = 0; j < k; j++) {
                a[i * k + j] = transition[order[i] * k + order[j]];
            }
            System.arraycopy(means, order[i] * d, m, i * d, d);
            System.arraycopy(variances, order[i] * d, v, i * d, d);
        }
        return new GaussianHmm(k, d, pi, a, m, v);
    }

    /**
     * The log-likelihood {@code log p(x_1..x_T)} by the scaled forward recursion; for observations holding
     * several sequences ({@link Observations#sequences}) the sum of their log-likelihoods.
     *
     * @param x the observations, {@code features() == this.features()}
     * @return the log-likelihood ({@code -Infinity} if the sequence is impossible under the model)
     */
    public double logLikelihood(Observations x) {
        return logLikelihood(x, new HmmWorkspace());
    }

    /**
     * The log-likelihood, using (and resizing if needed) a caller-owned workspace; allocation-free once the
     * workspace is large enough.
     *
     * @param x  the observations
     * @param ws the workspace (modified: holds the filtered posteriors afterwards)
     * @return the log-likelihood (for several sequences, the sum over them)
     */
    public double logLikelihood(Observations x, HmmWorkspace ws) {
        checkFeatures(x);
        if (x.parts != null) {
            double sum = 0;
            for (Observations part : x.parts) {
                sum += logLikelihood(part, ws);
            }
            return sum;
        }
        int t = prepare(x, ws);
        Kernels.emissions(this, x.data, t, ws);
        return Kernels.forward(this, t, ws);
    }

    /**
     * Filtered and smoothed posteriors by the scaled forward-backward algorithm (Rabiner 1989), written into the
     * workspace: {@link HmmWorkspace#filtered(int, int)} and {@link HmmWorkspace#smoothed(int, int)}.
     *
     * @param x  the observations
     * @param ws the workspace (modified)
     * @return the log-likelihood of {@code x}
     * @throws IllegalArgumentException if the sequence has probability zero under the model
     */
    public double forwardBackward(Observations x, HmmWorkspace ws) {
        int t = prepare(x, ws);
        Kernels.emissions(this, x.data, t, ws);
        double ll = Kernels.forward(this, t, ws);
        requirePossible(ll);
        Kernels.backward(this, t, ws);
        return ll;
    }

    /**
     * Filtered and smoothed posteriors in newly allocated arrays.
     *
     * @param x the observations
     * @return the posteriors and the log-likelihood
     */
    public Posteriors posteriors(Observations x) {
        HmmWorkspace ws = new HmmWorkspace();
        double ll = forwardBackward(x, ws);
        int t = x.length();
        double[][] filtered = new double[t][k];
        double[][] smoothed = new double[t][k];
        for (int s = 0; s < t; s++) {
            System.arraycopy(ws.alpha, s * k, filtered[s], 0, k);
            System.arraycopy(ws.gamma, s * k, smoothed[s], 0, k);
        }
        return new Posteriors(filtered, smoothed, ll);
    }

    /**
     * The most likely state path by the Viterbi algorithm in log space, written into the workspace
     * ({@link HmmWorkspace#viterbiState(int)}); ties go to the lowest state index.
     *
     * @param x  the observations
     * @param ws the workspace (modified)
     * @return {@code log p(x, path)} of the best path
     */
    public double viterbi(Observations x, HmmWorkspace ws) {
        int t = prepare(x, ws);
        Kernels.emissions(this, x.data, t, ws, false);
        return Kernels.viterbi(this, t, ws);
    }

    /**
     * Forward-backward and Viterbi in one pass over the emissions (they share the emission evaluation).
     *
     * @param x  the observations
     * @param ws the workspace (modified: posteriors and the Viterbi path)
     * @return the log-likelihood of {@code x}; the Viterbi score is {@link HmmWorkspace#viterbiLogProbability()}
     */
    public double infer(Observations x, HmmWorkspace ws) {
        int t = prepare(x, ws);
        Kernels.emissions(this, x.data, t, ws);
        double ll = Kernels.forward(this, t, ws);
        requirePossible(ll);
        Kernels.backward(this, t, ws);
        Kernels.viterbi(this, t, ws);
        return ll;
    }

    /**
     * The most likely state path in a newly allocated result.
     *
     * @param x the observations
     * @return the path and its joint log-probability
     */
    public ViterbiPath viterbi(Observations x) {
        HmmWorkspace ws = new HmmWorkspace();
        double score = viterbi(x, ws);
        return new ViterbiPath(Arrays.copyOf(ws.path, x.length()), score);
    }

    /**
     * The joint log-probability {@code log p(x, s)} of the observations together with one given state path.
     *
     * @param x    the observations
     * @param path {@code T} states
     * @return {@code log pi(s_0) + sum log A(s_{t-1}, s_t) + sum log b_{s_t}(x_t)}
     */
    public double pathLogProbability(Observations x, int[] path) {
        checkFeatures(x);
        requireOneSequence(x);
        if (path == null || path.length != x.length()) {
            throw new InvalidParameterException("path", "path must have " + x.length() + " states, got "
                    + (path == null ? "null" : path.length));
        }
        double score = 0;
        for (int t = 0; t < path.length; t++) {
            int s = checkState(path[t]);
            score += t == 0 ? logInitial[s] : logTransition[path[t - 1] * k + s];
            score += logEmission(s, x.data, t * d);
        }
        return score;
    }

    /**
     * Draws a state path and observations from the model.
     *
     * @param length the number of observations, at least 1
     * @param random the source of randomness (advanced)
     * @return the simulated states and observations
     */
    public Sample sample(int length, RandomGenerator random) {
        if (length < 1) {
            throw new InvalidParameterException("length", "length must be >= 1, got " + length);
        }
        int[] states = new int[length];
        double[] data = new double[length * d];
        int s = draw(initial, 0, random.nextDouble());
        for (int t = 0; t < length; t++) {
            if (t > 0) {
                s = draw(transition, s * k, random.nextDouble());
            }
            states[t] = s;
            for (int f = 0; f < d; f++) {
                data[t * d + f] = means[s * d + f] + Math.sqrt(variances[s * d + f]) * random.nextGaussian();
            }
        }
        return new Sample(Observations.ofRowMajor(data, d), states);
    }

    private int draw(double[] p, int offset, double u) {
        double c = 0;
        for (int i = 0; i < k; i++) {
            c += p[offset + i];
            if (u < c) {
                return i;
            }
        }
        for (int i = k - 1; i >= 0; i--) {
            if (p[offset + i] > 0) {
                return i;
            }
        }
        return k - 1;
    }

    /** {@code log b_s(x)} for the observation starting at {@code data[offset]}. */
    double logEmission(int s, double[] data, int offset) {
        double acc = logNormaliser[s];
        for (int f = 0; f < d; f++) {
            double z = data[offset + f] - means[s * d + f];
            acc -= z * z * halfPrecision[s * d + f];
        }
        return acc;
    }

    private int prepare(Observations x, HmmWorkspace ws) {
        checkFeatures(x);
        requireOneSequence(x);
        if (ws == null) {
            throw new InvalidParameterException("workspace", "workspace must not be null");
        }
        ws.ensure(x.length(), k);
        return x.length();
    }

    /** Posteriors, paths and filters are per sequence: several sequences are a fitting input only. */
    private static void requireOneSequence(Observations x) {
        if (x.parts != null) {
            throw new InvalidParameterException("observations",
                    "observations hold " + x.parts.length + " sequences; posteriors, "
                    + "paths and filters take one sequence at a time");
        }
    }

    void checkFeatures(Observations x) {
        if (x == null) {
            throw new InvalidParameterException("observations", "observations must not be null");
        }
        if (x.features() != d) {
            throw new InvalidParameterException("observations", "observations have " + x.features()
                    + " features but the model expects " + d);
        }
    }

    private static void requirePossible(double ll) {
        if (ll == Double.NEGATIVE_INFINITY) {
            throw new InvalidParameterException("observations",
                    "the observations have probability zero under the model (a required transition has probability 0)");
        }
    }

    private int checkState(int s) {
        if (s < 0 || s >= k) {
            throw new IndexOutOfBoundsException("state " + s + " outside [0, " + k + ")");
        }
        return s;
    }

    private int checkFeature(int f) {
        if (f < 0 || f >= d) {
            throw new IndexOutOfBoundsException("feature " + f + " outside [0, " + d + ")");
        }
        return f;
    }

    private static double[][] unflatten(double[] flat, int rows, int cols) {
        double[][] out = new double[rows][cols];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(flat, i * cols, out[i], 0, cols);
        }
        return out;
    }

    /** Equal when every parameter is bit-identical. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GaussianHmm m && m.k == k && m.d == d && Arrays.equals(m.initial, initial)
                && Arrays.equals(m.transition, transition) && Arrays.equals(m.means, means)
                && Arrays.equals(m.variances, variances);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new int[] {k, d, Arrays.hashCode(initial), Arrays.hashCode(transition),
            Arrays.hashCode(means), Arrays.hashCode(variances)});
    }

    @Override
    public String toString() {
        return "GaussianHmm[states=" + k + ", features=" + d + ", initial=" + Arrays.toString(initial)
                + ", transition=" + Arrays.deepToString(transitionMatrix()) + ", means=" + Arrays.deepToString(means())
                + ", variances=" + Arrays.deepToString(variances()) + "]";
    }
}

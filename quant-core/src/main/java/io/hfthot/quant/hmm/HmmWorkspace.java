package io.hfthot.quant.hmm;

import io.hfthot.quant.InvalidParameterException;

/**
 * Reusable scratch space for HMM inference and fitting: emissions, scaled forward and backward variables,
 * posteriors and the Viterbi lattice, as flat primitive arrays indexed {@code [t * K + k]}.
 *
 * <p>A workspace grows to the largest {@code T x K} it has seen and then never allocates again, so repeated
 * inference on windows of the same size is allocation-free. Results left in it by the last call (posteriors,
 * the Viterbi path) stay valid until the next call. A reused workspace gives bit-identical results to a fresh
 * one. Not thread-safe: use one per thread.
 */
public final class HmmWorkspace {
    int capacityT;
    int capacityK;
    int length;
    int states;
    double[] logEmission = new double[0];
    /** Emissions scaled per row: {@code exp(logEmission - rowShift[t])}. */
    double[] emission = new double[0];
    double[] rowShift = new double[0];
    double[] alpha = new double[0];
    /** {@code 1 / c_t}, Rabiner's scale factors inverted so the backward passes multiply instead of divide. */
    double[] inverseScale = new double[0];
    double[] beta = new double[0];
    double[] gamma = new double[0];
    double[] delta = new double[0];
    int[] backPointer = new int[0];
    int[] path = new int[0];
    double[] scratch = new double[0];
    double viterbiLogProbability = Double.NaN;
    /** Baum-Welch sufficient statistics of the last E-step. */
    double[] xiSum = new double[0];
    double[] occupancy = new double[0];
    double[] firstMoment = new double[0];
    double[] secondMoment = new double[0];
    /** Variances the last M-step would have chosen without the floor. */
    double[] rawVariance = new double[0];
    /** Sum over sequences of the first posterior, for the initial distribution of a fit to several sequences. */
    double[] firstPosterior = new double[0];
    /** Workspace of one sequence at a time when the observations hold several (made when first needed). */
    HmmWorkspace part;

    /** Creates an empty workspace; it sizes itself on first use. */
    public HmmWorkspace() {
    }

    /**
     * Creates a workspace already sized for sequences of up to {@code length} observations and {@code states}
     * states.
     *
     * @param length the longest sequence expected
     * @param states the number of states
     */
    public HmmWorkspace(int length, int states) {
        if (length < 1 || states < 1) {
            throw new InvalidParameterException("length",
                    "length and states must be >= 1, got " + length + " and " + states);
        }
        ensure(length, states);
    }

    void ensure(int t, int k) {
        length = t;
        states = k;
        if (t <= capacityT && k <= capacityK) {
            return;
        }
        int ct = Math.max(t, capacityT);
        int ck = Math.max(k, capacityK);
        int n = ct * ck;
        logEmission = new double[n];
        emission = new double[n];
        alpha = new double[n];
        beta = new double[n];
        gamma = new double[n];
        delta = new double[n];
        backPointer = new int[n];
        rowShift = new double[ct];
        inverseScale = new double[ct];
        path = new int[ct];
        scratch = new double[Math.max(4 * ck, ck * ck)];
        capacityT = ct;
        capacityK = ck;
    }

    void ensureStatistics(int k, int d) {
        if (xiSum.length < k * k) {
            xiSum = new double[k * k];
        }
        if (occupancy.length < k) {
            occupancy = new double[k];
            firstPosterior = new double[k];
        }
        if (firstMoment.length < k * d) {
            firstMoment = new double[k * d];
            secondMoment = new double[k * d];
            rawVariance = new double[k * d];
        }
    }

    /** Length {@code T} of the sequence last processed. */
    public int length() {
        return length;
    }

    /** Number of states {@code K} of the model last used. */
    public int states() {
        return states;
    }

    /**
     * The filtered posterior left by the last forward pass.
     *
     * @param t     the time index in {@code [0, length())}
     * @param state the state
     * @return {@code P(s_t = state | x_1..x_t)}
     */
    public double filtered(int t, int state) {
        return alpha[index(t, state)];
    }

    /**
     * The smoothed posterior left by the last forward-backward pass.
     *
     * @param t     the time index in {@code [0, length())}
     * @param state the state
     * @return {@code P(s_t = state | x_1..x_T)}
     */
    public double smoothed(int t, int state) {
        return gamma[index(t, state)];
    }

    /**
     * The state at time {@code t} of the Viterbi path left by the last Viterbi pass.
     *
     * @param t the time index in {@code [0, length())}
     * @return the state
     */
    public int viterbiState(int t) {
        if (t < 0 || t >= length) {
            throw new IndexOutOfBoundsException("t = " + t + " outside [0, " + length + ")");
        }
        return path[t];
    }

    /** The joint log-probability of the Viterbi path left by the last Viterbi pass. */
    public double viterbiLogProbability() {
        return viterbiLogProbability;
    }

    /**
     * Copies the filtered posterior at one time into {@code out}.
     *
     * @param t   the time index
     * @param out an array of length at least {@code states()} (modified)
     */
    public void filteredInto(int t, double[] out) {
        System.arraycopy(alpha, index(t, 0), out, 0, states);
    }

    /**
     * Copies the smoothed posterior at one time into {@code out}.
     *
     * @param t   the time index
     * @param out an array of length at least {@code states()} (modified)
     */
    public void smoothedInto(int t, double[] out) {
        System.arraycopy(gamma, index(t, 0), out, 0, states);
    }

    private int index(int t, int state) {
        if (t < 0 || t >= length || state < 0 || state >= states) {
            throw new IndexOutOfBoundsException("(t, state) = (" + t + ", " + state + ") outside [0, " + length
                    + ") x [0, " + states + ")");
        }
        return t * states + state;
    }
}

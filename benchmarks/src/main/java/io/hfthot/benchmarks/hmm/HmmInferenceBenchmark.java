package io.hfthot.benchmarks.hmm;

import io.hfthot.quant.hmm.ForwardFilter;
import io.hfthot.quant.hmm.GaussianHmm;
import io.hfthot.quant.hmm.HmmWorkspace;
import io.hfthot.quant.hmm.Observations;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Inference on a 3-state model of daily returns (A_ii = 0.95, sigma = 0.5% / 1% / 3%).
 *
 * <p>Peer figures: for K = 3, T = 200, forward-backward plus Viterbi, the HFThot API advertises 94 us
 * ({@code latency_us} of the regime endpoint) and hmmlearn 0.3 ({@code score_samples} + {@code decode}) needs
 * about 190 us on this machine; the goal is at most 10 us.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HmmInferenceBenchmark {
    /** Sequence length: the regime endpoint's default lookback, and a longer window. */
    @Param({"200", "1000"})
    public int length;

    /** Number of features: returns only, or returns and the efficiency ratio. */
    @Param({"1", "2"})
    public int features;

    private GaussianHmm model;
    private Observations x;
    private HmmWorkspace ws;
    private ForwardFilter filter;
    private double[] nextRow;

    /** Builds the model, samples the data and sizes the workspace once. */
    @Setup
    public void setUp() {
        double off = 0.025;
        double[][] a = {{0.95, off, off}, {off, 0.95, off}, {off, off, 0.95}};
        double[] pi = {1.0 / 3, 1.0 / 3, 1.0 / 3};
        if (features == 1) {
            model = GaussianHmm.univariate(pi, a, new double[] {0.0005, 0, -0.001},
                    new double[] {0.005 * 0.005, 0.01 * 0.01, 0.03 * 0.03});
        } else {
            model = GaussianHmm.of(pi, a, new double[][] {{0.0005, 0.6}, {0, 0.2}, {-0.001, 0.3}},
                    new double[][] {{0.005 * 0.005, 0.02}, {0.01 * 0.01, 0.02}, {0.03 * 0.03, 0.04}});
        }
        x = model.sample(length, new SplittableRandom(42)).observations();
        ws = new HmmWorkspace(length, 3);
        filter = new ForwardFilter(model);
        nextRow = new double[features];
        for (int f = 0; f < features; f++) {
            nextRow[f] = x.value(0, f);
        }
    }

    /** Forward-backward (filtered and smoothed posteriors, log-likelihood) plus Viterbi, sharing the emissions. */
    @Benchmark
    public double forwardBackwardAndViterbi() {
        return model.infer(x, ws) + ws.viterbiLogProbability();
    }

    /** Forward-backward alone. */
    @Benchmark
    public double forwardBackward() {
        return model.forwardBackward(x, ws);
    }

    /** Viterbi alone (log space). */
    @Benchmark
    public double viterbi() {
        return model.viterbi(x, ws);
    }

    /** The log-likelihood alone (scaled forward pass). */
    @Benchmark
    public double logLikelihood() {
        return model.logLikelihood(x, ws);
    }

    /** One O(K^2 + K d) streaming update of the filtered posterior for a new bar. */
    @Benchmark
    public double streamingUpdate() {
        if (filter.observed() > 1_000_000) {
            filter.reset();
        }
        return features == 1 ? filter.update(nextRow[0]) : filter.update(nextRow);
    }
}

package io.hfthot.benchmarks.hmm;

import io.hfthot.quant.hmm.BaumWelch;
import io.hfthot.quant.hmm.EmStep;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.FitResult;
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
 * Baum-Welch on about 7.5 years of daily returns (T = 1900, one feature, K = 3).
 *
 * <p>Peer figure: one EM iteration of hmmlearn 0.3 ({@code GaussianHMM(n_components=3)}, i.e. one E-step and
 * M-step) takes about 0.7 ms on this machine; the goal is at most 0.05 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class HmmFitBenchmark {
    /** Number of observations. */
    @Param({"1900"})
    public int length;

    private Observations x;
    private GaussianHmm start;
    private HmmWorkspace ws;
    private double[] floor;

    /** Samples the data and a perturbed starting model. */
    @Setup
    public void setUp() {
        double off = 0.025;
        GaussianHmm truth = GaussianHmm.univariate(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3},
                new double[][] {{0.95, off, off}, {off, 0.95, off}, {off, off, 0.95}},
                new double[] {0.0005, 0, -0.001}, new double[] {0.005 * 0.005, 0.01 * 0.01, 0.03 * 0.03});
        x = truth.sample(length, new SplittableRandom(7)).observations();
        start = GaussianHmm.univariate(new double[] {0.2, 0.3, 0.5},
                new double[][] {{0.8, 0.1, 0.1}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}},
                new double[] {0.001, 0, -0.002}, new double[] {0.004 * 0.004, 0.012 * 0.012, 0.025 * 0.025});
        ws = new HmmWorkspace(length, 3);
        floor = new double[] {1e-3 * 3.4e-4};
    }

    /** One EM iteration: E-step (scaled forward-backward with expected counts) and M-step, new model returned. */
    @Benchmark
    public EmStep emIteration() {
        return BaumWelch.step(start, x, floor, 0.0, ws);
    }

    /** A complete fit with the default options: 5 k-means++ restarts, each run to convergence. */
    @Benchmark
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public FitResult fullFit() {
        return BaumWelch.fit(x, FitOptions.defaults());
    }
}

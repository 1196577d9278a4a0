package io.hfthot.benchmarks.hmm;

import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.HmmWorkspace;
import io.hfthot.quant.regime.RegimeFeatures;
import io.hfthot.quant.regime.RegimeModel;
import io.hfthot.quant.regime.RegimeSignal;
import io.hfthot.quant.regime.RegimeSimulator;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The work behind one {@code GET /v1/signals/regime} answer with the default lookback of 200 bars: features from
 * 210 closes, the forward pass and the regime aggregation.
 *
 * <p>Peer figure: the HFThot API reports {@code latency_us: 94} for this endpoint.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RegimeSignalBenchmark {
    private RegimeModel model;
    private double[] closes;
    private HmmWorkspace ws;

    /** Fits a regime model on simulated prices once. */
    @Setup
    public void setUp() {
        RegimeSimulator.Path path = RegimeSimulator.defaults().simulate(3000, 1L);
        model = RegimeModel.fit(path.closes(), RegimeFeatures.defaults(), FitOptions.defaults()).model();
        closes = Arrays.copyOfRange(path.closes(), 2790, 3000);
        ws = new HmmWorkspace(200, 3);
    }

    /** Features, forward pass and regime signal for the latest bar. */
    @Benchmark
    public RegimeSignal signal() {
        return model.signal(closes, ws);
    }
}

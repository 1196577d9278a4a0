package io.hfthot.benchmarks.mfg;

import io.hfthot.quant.marketmaking.AvellanedaStoikov;
import io.hfthot.quant.marketmaking.GlftAsymptotic;
import io.hfthot.quant.marketmaking.GlftExact;
import io.hfthot.quant.marketmaking.Quote;
import io.hfthot.quant.marketmaking.QuoteRequest;
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
 * One quote from each model, with the parameters of Gueant-Lehalle-Fernandez-Tapia's example
 * (sigma 0.3, A 0.9, k 0.3, gamma 0.01) and Q = 50 lots.
 *
 * <p>Peer figures: the goals set for this project, at most 1 us per asymptotic quote and at most
 * 50 us per exact quote with Q = 50 (the exact model caches its eigen-decomposition per parameter
 * set, as a quoting loop that changes only the time left and the inventory would;
 * {@link #glftExactColdQ50} measures a parameter change).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class QuotingBenchmark {

    /** Inventory in lots. */
    @Param({"0", "20"})
    public int inventory;

    private QuoteRequest request;
    private final AvellanedaStoikov avellanedaStoikov = new AvellanedaStoikov();
    private final GlftAsymptotic asymptotic = new GlftAsymptotic();
    private final GlftExact exact = new GlftExact();
    private double timeLeft;
    private double volatility;

    /** Builds the request. */
    @Setup
    public void setUp() {
        request = new QuoteRequest(100, inventory, 0.3, 600, 0.01, 0.9, 0.3, 50);
        exact.quote(request);
    }

    /**
     * Avellaneda-Stoikov.
     *
     * @return the quote
     */
    @Benchmark
    public Quote avellanedaStoikov() {
        return avellanedaStoikov.quote(request);
    }

    /**
     * GLFT closed-form asymptotic quote (goal: at most 1 us).
     *
     * @return the quote
     */
    @Benchmark
    public Quote glftAsymptotic() {
        return asymptotic.quote(request);
    }

    /**
     * GLFT exact with Q = 50, decomposition cached, the time left changing on every call (goal: at
     * most 50 us).
     *
     * @return the quote
     */
    @Benchmark
    public Quote glftExactQ50() {
        timeLeft = timeLeft >= 600 ? 1 : timeLeft + 1;
        return exact.quote(request.withTimeLeft(timeLeft));
    }

    /**
     * GLFT exact with Q = 50 after a volatility change, so the eigen-decomposition is rebuilt.
     *
     * @return the quote
     */
    @Benchmark
    public Quote glftExactColdQ50() {
        volatility = volatility >= 0.4 ? 0.2 : volatility + 1e-6;
        return exact.quote(new QuoteRequest(100, inventory, volatility, 600, 0.01, 0.9, 0.3, 50));
    }
}

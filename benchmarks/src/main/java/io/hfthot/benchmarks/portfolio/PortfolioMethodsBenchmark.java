package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.portfolio.EfficientFrontier;
import io.hfthot.quant.portfolio.PortfolioOptimizer;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.portfolio.PortfolioWorkspace;
import java.util.List;
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
 * The methods added by issue 19 at n = 200 on the same inputs as {@link PortfolioOptimizerBenchmark}:
 * {@code min_variance} (long only, active set), {@code max_sharpe} (tangency, closed form), {@code hrp}, and an
 * efficient frontier of 50 points.
 *
 * <p>Goals (issue 19): max_sharpe and min_variance under 1 ms, the 50-point frontier under 20 ms. Peer figures
 * (PyPortfolioOpt on cvxpy) could not be measured here: neither is installed (see docs/performance.md).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PortfolioMethodsBenchmark {
    @Param({"200"})
    int n;

    @Param({"min_variance", "max_sharpe", "hrp"})
    String method;

    PortfolioProblem problem;
    PortfolioOptimizer optimizer;
    PortfolioWorkspace workspace;

    /** Builds the problem and checks that it is solved. */
    @Setup
    public void setUp() {
        problem = BenchmarkProblems.builder(42, n).build();
        optimizer = PortfolioOptimizers.byName(method);
        workspace = new PortfolioWorkspace(n);
        PortfolioResult r = optimizer.optimize(problem, workspace);
        if (!r.status().isUsable()) {
            throw new IllegalStateException("benchmark problem not solved: " + r.status());
        }
    }

    /** One solve with the reused workspace. */
    @Benchmark
    public PortfolioResult solve() {
        return optimizer.optimize(problem, workspace);
    }

    /** An efficient frontier of 50 points (independent of {@code method}). */
    @Benchmark
    public List<PortfolioResult> frontierOf50Points() {
        return EfficientFrontier.compute(problem, 50);
    }
}

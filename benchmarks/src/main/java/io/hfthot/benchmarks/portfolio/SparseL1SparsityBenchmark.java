package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.portfolio.PortfolioOptimizer;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.portfolio.PortfolioWorkspace;
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
 * {@code sparse_l1} at n = 200 on problems whose solutions hold 5, 20, 100 and 200 positions: the penalty
 * {@code rho} is found by bisection in the set-up so that the solution has (as nearly as the path allows) that
 * many non-zero weights.
 *
 * <p>Peer figures (issue 19, this machine): cvxopt sparse L1 about 30 ms at n = 200; before the growth path the
 * active set took about 8 ms warm for a 10-position answer. Goal: at most 1 ms for every sparsity.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SparseL1SparsityBenchmark {
    /** Target number of positions of the solution. */
    @Param({"5", "20", "100", "200"})
    int positions;

    PortfolioProblem problem;
    PortfolioOptimizer optimizer;
    PortfolioWorkspace workspace;

    /** Finds {@code rho} giving about {@code positions} non-zero weights and checks the solve. */
    @Setup
    public void setUp() {
        int n = 200;
        optimizer = PortfolioOptimizers.byName("sparse_l1");
        workspace = new PortfolioWorkspace(n);
        PortfolioProblem.Builder builder = BenchmarkProblems.builder(42, n);
        double lo = 0;
        double hi = 10;
        PortfolioProblem best = builder.rho(0).build();
        int bestGap = Integer.MAX_VALUE;
        for (int i = 0; i < 60; i++) {
            double rho = 0.5 * (lo + hi);
            PortfolioProblem p = builder.rho(rho).build();
            int count = optimizer.optimize(p, workspace).nonZeroCount();
            if (Math.abs(count - positions) < bestGap) {
                bestGap = Math.abs(count - positions);
                best = p;
            }
            if (count > positions) {
                lo = rho;
            } else if (count < positions) {
                hi = rho;
            } else {
                break;
            }
        }
        problem = best;
        PortfolioResult r = optimizer.optimize(problem, workspace);
        if (!r.status().isUsable()) {
            throw new IllegalStateException("benchmark problem not solved: " + r.status());
        }
        System.out.println("sparse_l1 n = 200, rho = " + problem.rho() + ": " + r.nonZeroCount() + " positions, "
                + r.iterations() + " iterations");
    }

    /** One solve with the reused workspace. */
    @Benchmark
    public PortfolioResult solve() {
        return optimizer.optimize(problem, workspace);
    }
}

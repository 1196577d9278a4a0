package io.hfthot.benchmarks.portfolio;

import io.hfthot.benchmarks.hmm.HmmFitBenchmark;
import io.hfthot.quant.hmm.BaumWelch;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.Observations;
import io.hfthot.quant.portfolio.EfficientFrontier;
import io.hfthot.quant.portfolio.PortfolioOptimizer;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.portfolio.PortfolioWorkspace;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * Thread CPU time (minimum and median of many warm calls) of the issue-19 routines, for a machine whose other
 * tenants make wall-clock JMH figures swing by several times: CPU time leaves out the time the thread waits for a
 * core. Run: {@code java -cp benchmarks/target/benchmarks.jar io.hfthot.benchmarks.portfolio.QuantCpuTimeProbe}.
 */
public final class QuantCpuTimeProbe {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private QuantCpuTimeProbe() {
    }

    /**
     * Prints one line per routine.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        Observations lumpy = HmmFitBenchmark.lumpyReturns(2000, new SplittableRandom(1));
        report("HMM default fit, T = 2000 lumpy returns", 60, () -> BaumWelch.fit(lumpy, FitOptions.defaults()));
        PortfolioProblem.Builder b = BenchmarkProblems.builder(42, 200);
        PortfolioProblem base = b.build();
        PortfolioWorkspace ws = new PortfolioWorkspace(200);
        PortfolioOptimizer sparse = PortfolioOptimizers.byName("sparse_l1");
        for (int target : new int[] {5, 20, 100, 200}) {
            double lo = 0;
            double hi = 10;
            PortfolioProblem p = b.rho(0).build();
            for (int i = 0; i < 60; i++) {
                double rho = 0.5 * (lo + hi);
                p = b.rho(rho).build();
                int count = sparse.optimize(p, ws).nonZeroCount();
                if (count == target) {
                    break;
                }
                if (count > target) {
                    lo = rho;
                } else {
                    hi = rho;
                }
            }
            PortfolioProblem fixed = p;
            PortfolioResult r = sparse.optimize(fixed, ws);
            report("sparse_l1 n = 200, " + r.nonZeroCount() + " positions, " + r.iterations() + " iterations", 300,
                    () -> sparse.optimize(fixed, ws));
        }
        for (String m : new String[] {"min_variance", "max_sharpe", "hrp"}) {
            PortfolioOptimizer o = PortfolioOptimizers.byName(m);
            report(m + " n = 200", 300, () -> o.optimize(base, ws));
        }
        report("efficient frontier, 50 points, n = 200", 100, () -> EfficientFrontier.compute(base, 50));
    }

    private static void report(String what, int calls, Supplier<Object> task) {
        for (int i = 0; i < calls; i++) {
            task.get();
        }
        long[] t = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = MX.getCurrentThreadCpuTime();
            task.get();
            t[i] = MX.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(t);
        System.out.printf("%s: CPU min %.3f ms, median %.3f ms%n", what, t[0] / 1e6, t[calls / 2] / 1e6);
    }
}

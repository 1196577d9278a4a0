package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.portfolio.PortfolioOptimizer;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.portfolio.PortfolioWorkspace;
import io.hfthot.quant.stats.LedoitWolfCovariance;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Thread-CPU-time companion to the JMH benchmarks for a shared, oversubscribed machine: wall-clock averages
 * there include time the thread spends descheduled, CPU time does not. Runs the same inputs as
 * {@link PortfolioOptimizerBenchmark}, {@link OjAlgoPeerBenchmark#ojAlgoConvexSolver()} and
 * {@link ProblemSetupBenchmark} and prints, per case, the minimum and
 * median over one-second rounds of CPU microseconds per operation. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.hfthot.benchmarks.portfolio.CpuTimeProbe}.
 */
public final class CpuTimeProbe {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private CpuTimeProbe() {
    }

    /**
     * Prints the table.
     *
     * @param args optional sizes (default 4 50 200)
     */
    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {4, 50, 200};
        System.out.println("case | n | iterations | non-zero | min CPU us/op | median CPU us/op");
        for (int n : sizes) {
            PortfolioProblem problem = BenchmarkProblems.builder(42, n).build();
            for (String method : PortfolioOptimizers.names()) {
                PortfolioOptimizer o = PortfolioOptimizers.byName(method);
                PortfolioWorkspace ws = new PortfolioWorkspace(n);
                PortfolioResult r = o.optimize(problem, ws);
                double[] t = measure(() -> o.optimize(problem, ws));
                System.out.printf("%s | %d | %d | %d | %.1f | %.1f%n", method, n, r.iterations(), r.nonZeroCount(),
                        t[0], t[1]);
            }
            OjAlgoPeerBenchmark peer = new OjAlgoPeerBenchmark();
            peer.n = n;
            peer.setUp();
            double[] oj = measure(peer::ojAlgoConvexSolver);
            System.out.printf("ojAlgo ConvexSolver (cara peer) | %d | - | - | %.1f | %.1f%n", n, oj[0], oj[1]);
            double[][] returns = BenchmarkProblems.dailyReturns(42, n);
            double[][] cov = problem.covariance();
            double[] mu = problem.expectedReturns();
            double[] lw = measure(() -> LedoitWolfCovariance.constantCorrelation().estimate(returns));
            System.out.printf("ledoit_wolf (T=%d) | %d | - | - | %.1f | %.1f%n", BenchmarkProblems.DAYS, n, lw[0], lw[1]);
            double[] v = measure(() -> PortfolioProblem.builder(BenchmarkProblems.symbols(n)).covariance(cov)
                    .expectedReturns(mu).build());
            System.out.printf("validate problem | %d | - | - | %.1f | %.1f%n", n, v[0], v[1]);
        }
    }

    private static double[] measure(Supplier<Object> op) {
        Object sink = null;
        long warmEnd = System.nanoTime() + 2_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            sink = op.get();
        }
        double[] rounds = new double[7];
        for (int k = 0; k < rounds.length; k++) {
            long wallEnd = System.nanoTime() + 1_000_000_000L;
            long c0 = THREADS.getCurrentThreadCpuTime();
            int reps = 0;
            while (System.nanoTime() < wallEnd) {
                sink = op.get();
                reps++;
            }
            rounds[k] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e3 / reps;
        }
        if (sink == null) {
            throw new IllegalStateException("no result");
        }
        Arrays.sort(rounds);
        return new double[] {rounds[0], rounds[rounds.length / 2]};
    }
}

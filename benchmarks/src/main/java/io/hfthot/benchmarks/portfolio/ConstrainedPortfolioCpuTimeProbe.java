package io.hfthot.benchmarks.portfolio;

import io.hfthot.quant.portfolio.EfficientFrontier;
import io.hfthot.quant.portfolio.PortfolioOptimizer;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Thread CPU time (minimum and median of warm calls) of the portfolio methods under sector limits and a turnover
 * budget (solved by quant-core's ADMM QP with polishing), next to the same problems with bounds only (the exact
 * active set). Problems: {@link BenchmarkProblems} (Ledoit-Wolf on two years of factor-model returns), long only,
 * 10 sectors of equal size each capped at 15% and the first at least 5%, optionally a turnover budget of 0.5 from
 * equal weights. Peer figure: cvxopt's {@code qp} on the same sector-limited minimum-variance problem
 * ({@code benchmarks/peers/cvxopt_constrained.py}). Run:
 * {@code java -cp benchmarks/target/benchmarks.jar io.hfthot.benchmarks.portfolio.ConstrainedPortfolioCpuTimeProbe}.
 */
public final class ConstrainedPortfolioCpuTimeProbe {
    private static final ThreadMXBean MX = ManagementFactory.getThreadMXBean();

    private ConstrainedPortfolioCpuTimeProbe() {
    }

    /**
     * Prints one line per routine and size.
     *
     * @param args unused
     */
    public static void main(String[] args) {
        for (int n : new int[] {50, 200}) {
            int calls = n == 50 ? 100 : 20;
            PortfolioProblem bounded = BenchmarkProblems.builder(42, n).bounds(new double[n], null).build();
            PortfolioProblem sectors = sectors(n, false);
            PortfolioProblem turnover = sectors(n, true);
            for (String m : new String[] {"min_variance", "cara", "max_sharpe"}) {
                PortfolioOptimizer o = PortfolioOptimizers.byName(m);
                report(m + " n = " + n + ", bounds only", calls, () -> o.optimize(bounded));
                report(m + " n = " + n + ", 10 sector limits", calls, () -> o.optimize(sectors));
                report(m + " n = " + n + ", sectors + turnover 0.5", calls, () -> o.optimize(turnover));
            }
            report("efficient frontier, 20 points, n = " + n + ", 10 sector limits", Math.max(3, calls / 5),
                    () -> EfficientFrontier.compute(sectors, 20));
        }
    }

    /** Long only, 10 equal sectors capped at 15%, the first at least 5%; optionally turnover 0.5 from equal. */
    static PortfolioProblem sectors(int n, boolean withTurnover) {
        List<String> symbols = BenchmarkProblems.symbols(n);
        PortfolioProblem.Builder b = BenchmarkProblems.builder(42, n).bounds(new double[n], null);
        for (int s = 0; s < 10; s++) {
            List<String> members = new ArrayList<>();
            for (int i = s; i < n; i += 10) {
                members.add(symbols.get(i));
            }
            b.groupLimit("sector " + s, members, s == 0 ? 0.05 : 0.0, 0.15);
        }
        if (withTurnover) {
            double[] current = new double[n];
            Arrays.fill(current, 1.0 / n);
            b.turnoverLimit(current, 0.5);
        }
        return b.build();
    }

    private static void report(String what, int calls, Supplier<Object> task) {
        Object last = null;
        for (int i = 0; i < calls; i++) {
            last = task.get();
        }
        long[] t = new long[calls];
        for (int i = 0; i < calls; i++) {
            long t0 = MX.getCurrentThreadCpuTime();
            task.get();
            t[i] = MX.getCurrentThreadCpuTime() - t0;
        }
        Arrays.sort(t);
        String detail = "";
        if (last instanceof PortfolioResult r) {
            detail = " (" + r.status() + ", " + r.iterations() + " iterations, kkt " + String.format("%.1e",
                    r.kktResidual()) + ")";
        } else if (last instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof PortfolioResult) {
            long usable = l.stream().filter(o -> ((PortfolioResult) o).status().isUsable()).count();
            detail = " (" + usable + " of " + l.size() + " CONVERGED)";
        }
        System.out.printf("%s: CPU min %.3f ms, median %.3f ms%s%n", what, t[0] / 1e6, t[calls / 2] / 1e6, detail);
    }
}

package io.hfthot.benchmarks.mfg;

import io.hfthot.quant.marketmaking.GlftAsymptotic;
import io.hfthot.quant.marketmaking.GlftExact;
import io.hfthot.quant.marketmaking.QuoteRequest;
import io.hfthot.quant.mfg.DifferenceScheme;
import io.hfthot.quant.mfg.MeanFieldGameSolver;
import io.hfthot.quant.mfg.MfgPriceSignalMapping;
import io.hfthot.quant.mfg.MfgPriceSignalRequest;
import io.hfthot.quant.mfg.MfgProblem;
import io.hfthot.quant.mfg.MfgSolution;
import io.hfthot.quant.mfg.MfgSolverOptions;
import io.hfthot.quant.mfg.MfgWorkspace;
import io.hfthot.quant.mfg.NAgentSimulation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.DoubleSupplier;

/**
 * Measures the CPU time (not wall time) of the same operations as {@link MeanFieldGameBenchmark} and
 * {@link QuotingBenchmark}, so that figures taken on a shared, oversubscribed machine can be read next
 * to the JMH wall-clock figures. Peer figures are those named in the JMH classes. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.hfthot.benchmarks.mfg.CpuTimeProbe}.
 */
public final class CpuTimeProbe {
    private CpuTimeProbe() {
    }

    /**
     * Prints CPU time per operation after a warm-up.
     *
     * @param args ignored
     */
    public static void main(String[] args) {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        MfgProblem problem = MfgPriceSignalMapping.toProblem(MfgPriceSignalRequest.withDefaults(42_000, 8e-4));
        MeanFieldGameSolver solver = new MeanFieldGameSolver();
        MfgWorkspace ws = MfgWorkspace.forProblem(problem, solver.options());
        MfgSolution solution = solver.solve(problem, ws);
        MfgProblem peer = MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04, 2, 100, 1, 1, 0.5, 100, 100,
                DifferenceScheme.UPWIND);
        MeanFieldGameSolver peerSolver = new MeanFieldGameSolver(new MfgSolverOptions(1e-300, 50, 0, 0.5, 0, false));
        MfgWorkspace peerWs = MfgWorkspace.forProblem(peer, peerSolver.options());
        QuoteRequest request = new QuoteRequest(100, 0, 0.3, 600, 0.01, 0.9, 0.3, 50);
        GlftExact exact = new GlftExact();
        GlftAsymptotic asymptotic = new GlftAsymptotic();
        report(bean, "solve default request (ms)", 200, 1e6,
                () -> solver.solve(problem, ws).meanInventory()[1]);
        report(bean, "1000-agent simulation (ms)", 200, 1e6,
                () -> NAgentSimulation.simulate(solution, 1000, 42).meanFieldDistance());
        report(bean, "default request with agents (ms)", 200, 1e6,
                () -> NAgentSimulation.simulate(solver.solve(problem, ws), 1000, 42).meanFieldDistance());
        report(bean, "100x100 grid, 50 sweeps (ms)", 200, 1e6,
                () -> peerSolver.solve(peer, peerWs).meanInventory()[1]);
        double[] tau = {1};
        report(bean, "GLFT exact Q=50 quote (us)", 200_000, 1e3, () -> {
            tau[0] = tau[0] >= 600 ? 1 : tau[0] + 1;
            return exact.quote(request.withTimeLeft(tau[0])).bidOffset();
        });
        report(bean, "GLFT asymptotic quote (us)", 2_000_000, 1e3, () -> asymptotic.quote(request).bidOffset());
    }

    private static void report(ThreadMXBean bean, String what, int repetitions, double unit, DoubleSupplier op) {
        double sink = 0;
        for (int i = 0; i < repetitions / 2; i++) {
            sink += op.getAsDouble();
        }
        long start = bean.getCurrentThreadCpuTime();
        for (int i = 0; i < repetitions; i++) {
            sink += op.getAsDouble();
        }
        long cpu = bean.getCurrentThreadCpuTime() - start;
        System.out.printf("%-36s %10.3f   (checksum %.3e)%n", what, cpu / (double) repetitions / unit, sink);
    }
}

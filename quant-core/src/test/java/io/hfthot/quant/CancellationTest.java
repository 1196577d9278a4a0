package io.hfthot.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.mfg.DifferenceScheme;
import io.hfthot.quant.mfg.MeanFieldGameSolver;
import io.hfthot.quant.mfg.MfgProblem;
import io.hfthot.quant.mfg.MfgSolution;
import io.hfthot.quant.mfg.MfgSolverOptions;
import io.hfthot.quant.portfolio.PortfolioOptimizer;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The cancellation contract of every iterative solver: each checks {@link Thread#isInterrupted()} once per outer
 * iteration and stops with {@link SolverStatus#CANCELLED}, leaving the flag set. The HMM fit is covered in
 * {@code LumpyDataFitTest}, the backtester in {@code BacktesterTest}.
 */
class CancellationTest {
    @AfterEach
    void clearFlag() {
        Thread.interrupted();
    }

    /** A solve interrupted from another thread returns within 1 s (one outer iteration is a few milliseconds). */
    @Test
    void aMeanFieldGameSolveInterruptedFromAnotherThreadReturnsCancelled() throws Exception {
        MfgProblem big = MfgProblem.withDefaultBounds(5, 1, 0.2, 0.04, 2, 100, 1, 1, 0.5, 1000, 400,
                DifferenceScheme.UPWIND);
        MfgSolverOptions endless = new MfgSolverOptions(1e-300, 100_000, 10, 1.0, 0, true);
        MfgSolution solution = interruptAfter(200, () -> new MeanFieldGameSolver(endless).solve(big));
        assertEquals(SolverStatus.CANCELLED, solution.diagnostics().status());
        assertTrue(solution.diagnostics().outerIterations() < 100_000);
    }

    @Test
    void portfolioSolversStopAtTheirFirstCheckWhenTheThreadIsInterrupted() {
        for (String method : List.of("cara", "risk_parity", "sparse_l1")) {
            PortfolioOptimizer optimizer = PortfolioOptimizers.byName(method);
            PortfolioProblem problem = problem(60).build();
            Thread.currentThread().interrupt();
            PortfolioResult r = optimizer.optimize(problem);
            assertTrue(Thread.interrupted(), method + " leaves the interrupt flag set");
            assertEquals(SolverStatus.CANCELLED, r.status(), method);
            assertTrue(!r.status().isUsable());
            double sum = 0;
            for (double w : r.weights()) {
                sum += w;
            }
            assertEquals(1.0, sum, 1e-9, method + ": the last iterate is still a feasible portfolio");
        }
    }

    private static PortfolioProblem.Builder problem(int n) {
        Random rnd = new Random(5);
        List<String> symbols = new ArrayList<>();
        double[][] f = new double[n][3];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            symbols.add("A" + i);
            mu[i] = 0.05 + 0.08 * rnd.nextGaussian();
            for (int j = 0; j < 3; j++) {
                f[i][j] = 0.1 * rnd.nextGaussian();
            }
        }
        double[][] sigma = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                double s = i == j ? 0.02 : 0;
                for (int q = 0; q < 3; q++) {
                    s += f[i][q] * f[j][q];
                }
                sigma[i][j] = s;
            }
        }
        return PortfolioProblem.builder(symbols).covariance(sigma).expectedReturns(mu);
    }

    /** Runs the task on a new thread, interrupts it after {@code millis}, and requires it to end within 1 s. */
    static <T> T interruptAfter(long millis, Supplier<T> task) throws InterruptedException {
        List<T> out = new ArrayList<>();
        boolean[] flag = new boolean[1];
        long[] stopped = new long[1];
        Thread worker = new Thread(() -> {
            out.add(task.get());
            stopped[0] = System.nanoTime();
            flag[0] = Thread.currentThread().isInterrupted();
        });
        worker.start();
        Thread.sleep(millis);
        long interrupted = System.nanoTime();
        worker.interrupt();
        worker.join(30_000);
        assertEquals(1, out.size(), "the task returned");
        assertTrue(flag[0], "the interrupt flag is left set");
        double ms = (stopped[0] - interrupted) / 1e6;
        assertTrue(ms < 1000, "stopped " + ms + " ms after the interrupt");
        return out.get(0);
    }
}

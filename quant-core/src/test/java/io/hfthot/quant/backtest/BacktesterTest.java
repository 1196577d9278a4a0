package io.hfthot.quant.backtest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.portfolio.PortfolioOptimizer;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.portfolio.PortfolioWorkspace;
import io.hfthot.quant.stats.SampleCovariance;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

class BacktesterTest {
    private final Backtester backtester = new Backtester();

    /** A fixed-mix rule: always the same target weights. */
    private record FixedMix(double[] target) implements PortfolioOptimizer {
        @Override
        public String name() {
            return "fixed_mix";
        }

        @Override
        public PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace workspace) {
            return new PortfolioResult(name(), problem.symbols(), target, SolverStatus.CONVERGED, 0, 0, 0,
                    new double[target.length], target.length);
        }
    }

    private static BacktestConfig fixed(double[] target, int lookback, int every, double bps) {
        return new BacktestConfig(new FixedMix(target), new SampleCovariance(), lookback, every, bps, 252, 0,
                UnaryOperator.identity());
    }

    static PriceHistory randomWalk(long seed, int bars, int n) {
        Random rnd = new Random(seed);
        double[][] p = new double[bars][n];
        long[] times = new long[bars];
        List<String> symbols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            symbols.add("S" + i);
            p[0][i] = 100;
        }
        for (int t = 0; t < bars; t++) {
            times[t] = 1_700_000_000_000L + t * 86_400_000L;
            if (t > 0) {
                double market = 0.01 * rnd.nextGaussian();
                for (int i = 0; i < n; i++) {
                    p[t][i] = p[t - 1][i] * Math.exp(0.0003 * (i + 1) + market + 0.015 * rnd.nextGaussian());
                }
            }
        }
        return new PriceHistory(symbols, times, p);
    }

    @Test
    void buyAndHoldOfOneAssetPaysOnlyTheInitialCost() {
        double[][] p = {{100}, {101}, {99}, {104}, {110}, {107}, {111}};
        long[] times = {1, 2, 3, 4, 5, 6, 7};
        PriceHistory h = new PriceHistory(List.of("X"), times, p);
        BacktestResult r = backtester.run(h, fixed(new double[] {1.0}, 2, 2, 25));
        assertEquals(2, r.firstBar());
        double[] eq = r.equity();
        assertEquals(1.0, eq[0], 0.0);
        for (int j = 1; j < eq.length; j++) {
            assertEquals((1 - 0.0025) * p[2 + j][0] / p[2][0], eq[j], 1e-15);
        }
        assertEquals(List.of(2, 4), r.rebalances().stream().map(Rebalance::bar).toList());
        assertEquals(1.0, r.rebalances().get(0).turnover(), 0.0);
        assertEquals(0.0, r.rebalances().get(1).turnover(), 1e-15);
        assertArrayEquals(new long[] {3, 4, 5, 6, 7}, r.times());
    }

    /** Two assets at 50/50; A gains 10% and B loses 10%, so the mix drifts to 55/45 and trades 0.1 back. */
    @Test
    void fixedMixDriftTurnoverAndCostByHand() {
        double[][] p = {{100, 100}, {100, 100}, {100, 100}, {110, 90}, {110, 90}};
        PriceHistory h = new PriceHistory(List.of("A", "B"), new long[] {0, 1, 2, 3, 4}, p);
        BacktestResult r = backtester.run(h, fixed(new double[] {0.5, 0.5}, 2, 1, 10));
        // Bar 2: buy 50/50 from cash, turnover 1, cost 0.001; bar 2 -> 3 gross return 0.
        assertEquals(1 - 0.001, r.equity()[1], 1e-15);
        Rebalance second = r.rebalances().get(1);
        assertEquals(3, second.bar());
        assertEquals(0.1, second.turnover(), 1e-15);
        assertEquals(0.1 * 0.001, second.cost(), 1e-18);
        assertEquals((1 - 0.001) * (1 - 0.0001), r.equity()[2], 1e-15);
        assertEquals(1.1, r.metrics().totalTurnover(), 1e-15);
    }

    @Test
    void aFuturePriceShockDoesNotChangeEarlierWeights() {
        PriceHistory base = randomWalk(77, 320, 6);
        int shockBar = 200;
        double[][] shocked = base.closes();
        for (int t = shockBar; t < shocked.length; t++) {
            shocked[t][2] *= 1.8;
        }
        PriceHistory future = new PriceHistory(base.symbols(), base.times(), shocked);
        for (String method : PortfolioOptimizers.names()) {
            BacktestConfig cfg = BacktestConfig.of(PortfolioOptimizers.byName(method), 60, 20, 5);
            List<Rebalance> a = backtester.run(base, cfg).rebalances();
            List<Rebalance> b = backtester.run(future, cfg).rebalances();
            assertEquals(a.size(), b.size());
            boolean changedAfter = false;
            for (int k = 0; k < a.size(); k++) {
                if (a.get(k).bar() < shockBar) {
                    assertArrayEquals(a.get(k).weights(), b.get(k).weights(), method + " bar " + a.get(k).bar());
                } else {
                    changedAfter |= !Arrays.equals(a.get(k).weights(), b.get(k).weights());
                }
            }
            assertTrue(changedAfter, method + ": the shock must reach the weights once it is in the window");
        }
    }

    @Test
    void equityCurveAndMetricsAreConsistent() {
        PriceHistory h = randomWalk(78, 400, 8);
        BacktestConfig cfg = new BacktestConfig(PortfolioOptimizers.byName("sparse_l1"), new SampleCovariance(), 120,
                21, 10, 252, 0.0, b -> b.rho(0.02));
        BacktestResult r = backtester.run(h, cfg);
        double[] eq = r.equity();
        double[] ret = r.returns();
        assertEquals(eq.length - 1, ret.length);
        for (int j = 0; j < ret.length; j++) {
            assertEquals(eq[j + 1] / eq[j] - 1, ret[j], 1e-12);
        }
        assertEquals(eq[eq.length - 1] - 1, r.metrics().totalReturn(), 1e-12);
        assertEquals(PerformanceMetrics.compute(ret, 252, 0, r.metrics().totalTurnover()), r.metrics());
        int expected = (ret.length + 20) / 21;
        assertEquals(expected, r.rebalances().size());
        for (Rebalance rb : r.rebalances()) {
            assertEquals(SolverStatus.CONVERGED, rb.status());
            assertEquals(1.0, Arrays.stream(rb.weights()).sum(), 1e-10);
        }
    }

    @Test
    void rejectsBadConfigurationAndShortHistory() {
        PortfolioOptimizer rp = PortfolioOptimizers.byName("risk_parity");
        assertThrows(IllegalArgumentException.class, () -> BacktestConfig.of(rp, 1, 5, 0));
        assertThrows(IllegalArgumentException.class, () -> BacktestConfig.of(rp, 10, 0, 0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> BacktestConfig.of(rp, 10, 5, -1));
        assertTrue(e.getMessage().contains("costBps"));
        assertThrows(IllegalArgumentException.class,
                () -> backtester.run(randomWalk(1, 20, 2), BacktestConfig.of(rp, 19, 5, 0)));
        assertThrows(IllegalArgumentException.class, () -> new PriceHistory(List.of("A"), new long[] {1, 2},
                new double[][] {{1}, {-1}}));
        assertThrows(IllegalArgumentException.class, () -> new PriceHistory(List.of("A"), new long[] {2, 1},
                new double[][] {{1}, {1}}));
        assertThrows(NullPointerException.class, () -> new BacktestConfig(rp, new SampleCovariance(), 10, 5, 0, 252, 0,
                (UnaryOperator<PortfolioProblem.Builder>) null));
    }

    @Test
    void anInterruptedRunStopsAtTheNextBarWithCancelled() {
        PriceHistory h = randomWalk(3, 400, 2);
        Thread.currentThread().interrupt();
        BacktestResult r;
        try {
            r = backtester.run(h, fixed(new double[] {0.5, 0.5}, 20, 5, 10));
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt flag is left set");
        }
        assertEquals(SolverStatus.CANCELLED, r.status());
        assertEquals(1, r.returns().length, "the first bar is done before the first check");
        assertEquals(2, r.equity().length);
        BacktestResult full = backtester.run(h, fixed(new double[] {0.5, 0.5}, 20, 5, 10));
        assertEquals(SolverStatus.CONVERGED, full.status());
        assertEquals(full.equity()[1], r.equity()[1], 0.0);
    }
}

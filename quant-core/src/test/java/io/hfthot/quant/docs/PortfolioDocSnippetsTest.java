package io.hfthot.quant.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.backtest.BacktestConfig;
import io.hfthot.quant.backtest.BacktestResult;
import io.hfthot.quant.backtest.Backtester;
import io.hfthot.quant.backtest.PriceHistory;
import io.hfthot.quant.portfolio.EfficientFrontier;
import io.hfthot.quant.portfolio.LinearConstraint;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.qp.QpResult;
import io.hfthot.quant.qp.QpSolver;
import io.hfthot.quant.qp.QuadraticProgram;
import io.hfthot.quant.stats.LedoitWolfCovariance;
import io.hfthot.quant.stats.Returns;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The code of {@code docs/portfolio.md}, run (see {@link DocSnippetsTest}). */
class PortfolioDocSnippetsTest {
    /** Three assets' daily closes on a seeded random walk (synthetic inputs for the snippets only). */
    private static double[][] closes(int bars) {
        Random rnd = new Random(3);
        double[][] c = new double[bars][3];
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < 3; i++) {
                c[t][i] = t == 0 ? 100 : c[t - 1][i] * Math.exp(0.0004 * (i + 1) + 0.01 * (i + 1) * rnd.nextGaussian());
            }
        }
        return c;
    }

    @Test
    void optimise() {
        double[][] closes = closes(500);
        // snippet:start
        double[][] dailyReturns = Returns.simple(closes, 0, closes.length - 1);   // prices: bars x assets
        PortfolioProblem problem = PortfolioProblem.builder(List.of("BTC-USDT", "ETH-USDT", "SOL-USDT"))
                .estimateFrom(dailyReturns, LedoitWolfCovariance.constantCorrelation(), 252) // T x n, annualised
                .gamma(2.0)                                                                // cara, sparse_l1
                .build();
        PortfolioResult r = PortfolioOptimizers.byName("risk_parity").optimize(problem);
        if (r.status().isUsable()) {
            Map<String, Double> weights = r.weightsBySymbol();   // in the problem's symbol order
        }
        // snippet:end
        assertEquals(SolverStatus.CONVERGED, r.status());
    }

    @Test
    void moreMethods() {
        PortfolioProblem problem = PortfolioProblem.builder(List.of("BTC-USDT", "ETH-USDT", "SOL-USDT"))
                .estimateFrom(Returns.simple(closes(500), 0, 499), LedoitWolfCovariance.constantCorrelation(), 252)
                .build();
        // snippet:start
        PortfolioResult minVar = PortfolioOptimizers.byName("min_variance").optimize(problem);  // long only
        PortfolioResult tangency = PortfolioOptimizers.byName("max_sharpe").optimize(problem);  // mu = excess
        PortfolioResult hrp = PortfolioOptimizers.byName("hrp").optimize(problem);
        List<PortfolioResult> frontier = EfficientFrontier.compute(problem, 50);               // 50 targets
        double lowestCost = minVar.objective();          // every method: the value it minimised
        double sharpe = -tangency.objective();
        // snippet:end
        assertTrue(minVar.status().isUsable() && hrp.status().isUsable() && frontier.size() == 50);
        assertTrue(tangency.status() == SolverStatus.CONVERGED || tangency.status() == SolverStatus.INFEASIBLE);
        assertTrue(lowestCost > 0 && Double.isFinite(sharpe));
    }

    @Test
    void constraints() {
        double[][] dailyReturns = Returns.simple(closes(500), 0, 499);
        double[] current = {0.5, 0.3, 0.2};
        // snippet:start
        PortfolioProblem problem = PortfolioProblem.builder(List.of("BTC-USDT", "ETH-USDT", "SOL-USDT"))
                .estimateFrom(dailyReturns, LedoitWolfCovariance.constantCorrelation(), 252)
                .bounds(new double[] {0, 0, 0}, new double[] {0.6, 0.6, 0.6})       // per asset
                .groupLimit("alts", List.of("ETH-USDT", "SOL-USDT"), 0.2, 0.5)        // sector: 20% to 50%
                .linearConstraint(new LinearConstraint("tilt", new double[] {1, -1, 0}, -0.3, 0.3))
                .turnoverLimit(current, 0.4)                                         // sum |w - current| <= 0.4
                .build();
        PortfolioResult minVar = PortfolioOptimizers.byName("min_variance").optimize(problem);
        PortfolioResult tangency = PortfolioOptimizers.byName("max_sharpe").optimize(problem);
        List<PortfolioResult> frontier = EfficientFrontier.compute(problem, 20);
        boolean contradictory = minVar.status() == SolverStatus.INFEASIBLE;   // a status, never an exception
        // snippet:end
        assertTrue(minVar.status().isUsable() && !contradictory, minVar.status().toString());
        assertTrue(tangency.status().isUsable() || tangency.status() == SolverStatus.INFEASIBLE);
        assertTrue(frontier.stream().allMatch(r -> r.status().isUsable()));
        // snippet:start
        QuadraticProgram qp = QuadraticProgram.builder(2)
                .quadratic(new double[][] {{2, 0}, {0, 2}})          // (1/2) x'Px with P = 2I
                .linear(new double[] {-2, -5})
                .constraint(new double[] {1, 2}, Double.NEGATIVE_INFINITY, 3)   // x1 + 2 x2 <= 3
                .equality(new double[] {1, -1}, 0)                   // x1 = x2
                .bounds(new double[] {0, 0}, null)
                .build();
        QpResult solution = QpSolver.solve(qp);
        double[] x = solution.x();                                 // (1, 1)
        double[] y = solution.constraintMultipliers();             // P x + q + A'y + z = 0
        // snippet:end
        assertEquals(SolverStatus.CONVERGED, solution.status());
        assertEquals(1.0, x[0], 1e-12);
        assertEquals(1.0, x[1], 1e-12);
        assertTrue(y[0] > 0);
    }

    @Test
    void backtest() {
        double[][] closes = closes(400);
        List<String> symbols = List.of("A", "B", "C");
        long[] timesMillis = new long[closes.length];
        for (int t = 0; t < closes.length; t++) {
            timesMillis[t] = 1_700_000_000_000L + 86_400_000L * t;
        }
        // snippet:start
        BacktestResult r = new Backtester().run(
                new PriceHistory(symbols, timesMillis, closes),                         // closes: bars x assets
                BacktestConfig.of(PortfolioOptimizers.byName("cara"), 120, 21, 10.0));  // window, every k bars, bps
        r.equity(); r.returns(); r.rebalances(); r.metrics().sharpe();
        // snippet:end
        assertEquals(SolverStatus.CONVERGED, r.status());
    }
}

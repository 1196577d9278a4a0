package io.hfthot.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.stats.LedoitWolfCovariance;
import io.hfthot.quant.stats.Returns;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The quick start of docs/portfolio.md, copied verbatim between the markers, from the installed quant-core. */
class RiskParityQuickstartTest {

    /** Seeded geometric random walks, bars x 3 assets, with volatility growing with the asset index. */
    private static double[][] closes(int bars) {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] c = new double[bars][3];
        for (int t = 0; t < bars; t++) {
            for (int i = 0; i < 3; i++) {
                double shock = 0.01 * (i + 1) * gaussian(rnd);
                c[t][i] = t == 0 ? 100 : c[t - 1][i] * Math.exp(0.0004 * (i + 1) + shock);
            }
        }
        return c;
    }

    private static double gaussian(SplittableRandom rnd) {
        // Box-Muller: SplittableRandom has no nextGaussian on JDK 17.
        return Math.sqrt(-2 * Math.log(1 - rnd.nextDouble())) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    @Test
    void riskParityQuickstartRuns() {
        double[][] closes = closes(500);
        // docs/portfolio.md:start
        double[][] dailyReturns = Returns.simple(closes, 0, closes.length - 1);   // prices: bars x assets
        PortfolioProblem problem = PortfolioProblem.builder(List.of("BTC-USDT", "ETH-USDT", "SOL-USDT"))
                .estimateFrom(dailyReturns, LedoitWolfCovariance.constantCorrelation(), 252) // T x n, annualised
                .gamma(2.0)                                                                // cara, sparse_l1
                .build();
        PortfolioResult r = PortfolioOptimizers.byName("risk_parity").optimize(problem);
        if (r.status().isUsable()) {
            Map<String, Double> weights = r.weightsBySymbol();   // in the problem's symbol order
        }
        // docs/portfolio.md:end
        assertEquals(SolverStatus.CONVERGED, r.status());
        Map<String, Double> weights = r.weightsBySymbol();
        assertEquals(List.of("BTC-USDT", "ETH-USDT", "SOL-USDT"), List.copyOf(weights.keySet()));
        assertEquals(1.0, weights.values().stream().mapToDouble(Double::doubleValue).sum(), 1e-10);
        // Risk parity: equal risk contributions w_i (Sigma w)_i, each a third of the portfolio variance.
        double variance = r.portfolioVariance();
        for (double contribution : r.riskContributions()) {
            assertEquals(variance / 3, contribution, 1e-6 * variance);
        }
    }
}

package io.hfthot.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.quant.backtest.BacktestConfig;
import io.hfthot.quant.backtest.PriceHistory;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.GaussianHmm;
import io.hfthot.quant.hmm.Observations;
import io.hfthot.quant.marketmaking.AvellanedaStoikovRequest;
import io.hfthot.quant.marketmaking.MarketMakerSettings;
import io.hfthot.quant.marketmaking.QuoteRequest;
import io.hfthot.quant.marketmaking.VolState;
import io.hfthot.quant.mfg.DifferenceScheme;
import io.hfthot.quant.mfg.MfgProblem;
import io.hfthot.quant.mfg.MfgSolverOptions;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.qp.QuadraticProgram;
import io.hfthot.quant.stats.Returns;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Walks the public builders and value types with one bad value at a time and checks that the refusal is an
 * {@link InvalidParameterException} whose {@link InvalidParameterException#parameter()} is the field's name as
 * the builder or record spells it, and that the message quotes the bad value.
 */
class InvalidParameterNamesTest {

    @Test
    void fitOptions() {
        UnaryOperator<FitOptions.Builder> ok = b -> b;
        refused("states", "0", () -> ok.apply(FitOptions.builder()).states(0).build());
        refused("restarts", "0", () -> FitOptions.builder().restarts(0).build());
        refused("maxIterations", "-1", () -> FitOptions.builder().maxIterations(-1).build());
        refused("relativeTolerance", "NaN", () -> FitOptions.builder().relativeTolerance(Double.NaN).build());
        refused("varianceFloorFraction", "2.0", () -> FitOptions.builder().varianceFloorFraction(2).build());
        refused("stickyStrength", "-1.0", () -> FitOptions.builder().stickyStrength(-1).build());
    }

    @Test
    void hmmInputs() {
        refused("observations", "NaN", () -> Observations.univariate(new double[] {1, Double.NaN, 2}));
        refused("observations", "empty", () -> Observations.univariate(new double[0]));
        refused("sequences", "empty", () -> Observations.sequences(List.of()));
        refused("initial", "-0.5", () -> GaussianHmm.of(new double[] {1.5, -0.5},
                new double[][] {{0.9, 0.1}, {0.1, 0.9}}, new double[][] {{0}, {1}}, new double[][] {{1}, {1}}));
        refused("variances", "-1.0", () -> GaussianHmm.of(new double[] {0.5, 0.5},
                new double[][] {{0.9, 0.1}, {0.1, 0.9}}, new double[][] {{0}, {1}}, new double[][] {{1}, {-1}}));
    }

    @Test
    void mfgProblem() {
        refused("horizon", "-5.0", () -> validMfg().horizon(-5).build());
        refused("kappa", "0.0", () -> validMfg().kappa(0).build());
        refused("volatility", "NaN", () -> validMfg().volatility(Double.NaN).build());
        refused("initialStd", "-0.5", () -> validMfg().initialStd(-0.5).build());
        refused("inventoryMax", "-10.0", () -> validMfg().inventoryBounds(10, -10).build());
        refused("timeSteps", "0", () -> validMfg().grid(0, 64).build());
        refused("damping", "1.5", () -> MfgSolverOptions.defaults().withAcceleration(3, 1.5));
        refused("tolerance", "2.0", () -> MfgSolverOptions.defaults().withTolerance(2));
    }

    private static MfgProblem.Builder validMfg() {
        return MfgProblem.builder().horizon(5).kappa(1).alpha(0.2).phi(0.04).terminalPenalty(2).initialPrice(100)
                .volatility(1).initialMean(1).initialStd(0.5).grid(200, 64).scheme(DifferenceScheme.UPWIND);
    }

    @Test
    void quoteRequests() {
        refused("volatility", "-0.3", () -> AvellanedaStoikovRequest.builder().mid(100).inventory(3).volatility(-0.3)
                .timeLeft(600).riskAversion(0.01).intensityK(0.3).build());
        refused("mid", "NaN", () -> AvellanedaStoikovRequest.builder().inventory(3).volatility(0.3)
                .timeLeft(600).riskAversion(0.01).intensityK(0.3).build());
        refused("maxInventory", "maxInventory", () -> QuoteRequest.builder().mid(100).inventory(1).volatility(0.3)
                .timeLeft(600).riskAversion(0.01).intensityA(0.9).intensityK(0.3).build());
        refused("intensityA", "-0.9", () -> QuoteRequest.builder().mid(100).inventory(1).volatility(0.3)
                .timeLeft(600).riskAversion(0.01).intensityA(-0.9).intensityK(0.3).maxInventory(10).build());
        refused("vol_state", "MEDIUM", () -> VolState.parse("MEDIUM"));
        refused("order_size", "0", () -> new MarketMakerSettings(0.005, 0, 50, VolState.LOW_VOL));
    }

    @Test
    void portfolioAndStats() {
        double[][] sigma = {{0.04, 0.0}, {0.0, 0.09}};
        refused("symbols", "twice", () -> PortfolioProblem.builder(List.of("A", "A")).covariance(sigma).build());
        refused("covariance", "symmetric", () -> PortfolioProblem.builder(List.of("A", "B"))
                .covariance(new double[][] {{0.04, 0.01}, {0.0, 0.09}}).build());
        refused("expectedReturns", "NaN", () -> PortfolioProblem.builder(List.of("A", "B")).covariance(sigma)
                .expectedReturns(new double[] {Double.NaN, 0}).build());
        refused("gamma", "-2.0", () -> PortfolioProblem.builder(List.of("A", "B")).covariance(sigma).gamma(-2).build());
        refused("riskBudgets", "-1.0", () -> PortfolioProblem.builder(List.of("A", "B")).covariance(sigma)
                .riskBudgets(new double[] {1, -1}).build());
        refused("lowerBounds", "1.8", () -> PortfolioProblem.builder(List.of("A", "B")).covariance(sigma)
                .bounds(new double[] {0.9, 0.9}, null).build());
        refused("expectedReturns", "cara", () -> PortfolioOptimizers.byName("cara")
                .optimize(PortfolioProblem.builder(List.of("A", "B")).covariance(sigma).build()));
        refused("method", "nope", () -> PortfolioOptimizers.byName("nope"));
        refused("from", "window", () -> Returns.simple(new double[][] {{1}, {2}}, 1, 1));
        refused("lookback", "1", () -> BacktestConfig.of(PortfolioOptimizers.byName("cara"), 1, 1, 0));
        refused("closes", "-1.0", () -> new PriceHistory(List.of("A"), new long[] {1, 2},
                new double[][] {{1}, {-1}}));
        refused("quadratic", "semidefinite", () -> QuadraticProgram.builder(2)
                .quadratic(new double[][] {{1, 0}, {0, -1}}));
    }

    private static void refused(String parameter, String quoted, Runnable call) {
        InvalidParameterException e = assertThrows(InvalidParameterException.class, call::run);
        assertEquals(parameter, e.parameter(), e.getMessage());
        assertTrue(e.getMessage().contains(quoted), "message should quote '" + quoted + "': " + e.getMessage());
    }
}

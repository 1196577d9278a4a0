package io.hfthot.engine.lab.quant;

import io.hfthot.engine.lab.api.BacktestMetrics;
import io.hfthot.engine.lab.api.BacktestResponse;
import io.hfthot.engine.lab.api.EquityPoint;
import io.hfthot.engine.lab.api.FrontierPoint;
import io.hfthot.engine.lab.api.OptimizeDiagnostics;
import io.hfthot.engine.lab.api.OptimizeResponse;
import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.backtest.BacktestConfig;
import io.hfthot.quant.backtest.BacktestResult;
import io.hfthot.quant.backtest.Backtester;
import io.hfthot.quant.backtest.PerformanceMetrics;
import io.hfthot.quant.backtest.PriceHistory;
import io.hfthot.quant.backtest.Rebalance;
import io.hfthot.quant.portfolio.EfficientFrontier;
import io.hfthot.quant.portfolio.PortfolioOptimizers;
import io.hfthot.quant.portfolio.PortfolioProblem;
import io.hfthot.quant.portfolio.PortfolioResult;
import io.hfthot.quant.stats.CovarianceEstimator;
import io.hfthot.quant.stats.LedoitWolfCovariance;
import io.hfthot.quant.stats.Returns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Portfolio optimisation and backtests over daily history, through quant-core's
 * {@link PortfolioOptimizers} and {@link Backtester}.
 *
 * <p>Estimates: simple daily returns, Ledoit-Wolf shrinkage towards constant correlation (the sample
 * covariance of 60 daily returns of a handful of assets is noisy), annualised with 365 periods a year because
 * crypto markets trade every day. Stateless and thread-safe.
 */
public final class PortfolioLab {
    /** Periods per year of daily crypto bars. */
    public static final double DAYS_PER_YEAR = 365.0;

    private final CovarianceEstimator estimator = LedoitWolfCovariance.constantCorrelation();

    /** Creates the service. */
    public PortfolioLab() {
    }

    /**
     * Optimises from daily closes.
     *
     * @param method the method name (validated by the caller)
     * @param closes daily closes of the symbols, at least 3 days
     * @param gamma  CARA risk aversion
     * @param rho    sparse_l1 penalty
     * @return the response
     */
    public OptimizeResponse optimizeFromHistory(String method, DailyCloses closes, double gamma, double rho) {
        double[][] returns = Returns.simple(closes.closes(), 0, closes.days() - 1);
        PortfolioProblem problem = PortfolioProblem.builder(closes.symbols())
                .estimateFrom(returns, estimator, DAYS_PER_YEAR).gamma(gamma).rho(rho).build();
        return respond(method, problem, "lakehouse", returns.length);
    }

    /**
     * Optimises from explicit annualised inputs.
     *
     * @param method          the method name (validated by the caller)
     * @param symbols         the symbols
     * @param expectedReturns expected returns aligned with the symbols, or null
     * @param covariance      covariance aligned with the symbols
     * @param gamma           CARA risk aversion
     * @param rho             sparse_l1 penalty
     * @return the response
     */
    public OptimizeResponse optimizeExplicit(String method, List<String> symbols, double[] expectedReturns,
                                             double[][] covariance, double gamma, double rho) {
        PortfolioProblem.Builder b = PortfolioProblem.builder(symbols).covariance(covariance).gamma(gamma).rho(rho);
        if (expectedReturns != null) {
            b.expectedReturns(expectedReturns);
        }
        return respond(method, b.build(), "explicit", 0);
    }

    /**
     * The efficient frontier from daily closes (expected returns and covariance estimated from them).
     *
     * @param closes daily closes of the symbols, at least 3 days
     * @param points portfolios on the frontier, at least 2
     * @return the response, its {@code frontier} filled
     */
    public OptimizeResponse frontierFromHistory(DailyCloses closes, int points) {
        double[][] returns = Returns.simple(closes.closes(), 0, closes.days() - 1);
        PortfolioProblem problem = PortfolioProblem.builder(closes.symbols())
                .estimateFrom(returns, estimator, DAYS_PER_YEAR).build();
        return frontier(problem, points, "lakehouse", returns.length);
    }

    /**
     * The efficient frontier from explicit annualised inputs.
     *
     * @param symbols         the symbols, at least 2
     * @param expectedReturns expected returns aligned with the symbols
     * @param covariance      covariance aligned with the symbols
     * @param points          portfolios on the frontier, at least 2
     * @return the response, its {@code frontier} filled
     */
    public OptimizeResponse frontierExplicit(List<String> symbols, double[] expectedReturns, double[][] covariance,
                                             int points) {
        PortfolioProblem problem = PortfolioProblem.builder(symbols).covariance(covariance)
                .expectedReturns(expectedReturns).build();
        return frontier(problem, points, "explicit", 0);
    }

    /**
     * Runs a backtest over daily closes.
     *
     * @param method        the method name (validated by the caller)
     * @param closes        daily closes
     * @param lookbackDays  returns per estimation window
     * @param rebalanceDays days between rebalances
     * @param costBps       transaction cost in basis points
     * @param gamma         CARA risk aversion
     * @param rho           sparse_l1 penalty
     * @return the response
     */
    public BacktestResponse backtest(String method, DailyCloses closes, int lookbackDays, int rebalanceDays,
                                     double costBps, double gamma, double rho) {
        BacktestConfig config = new BacktestConfig(PortfolioOptimizers.byName(method), estimator, lookbackDays,
                rebalanceDays, costBps, DAYS_PER_YEAR, 0.0, b -> b.gamma(gamma).rho(rho));
        BacktestResult result = new Backtester().run(new PriceHistory(closes.symbols(), closes.times(),
                closes.closes()), config);
        long[] times = result.times();
        double[] equity = result.equity();
        List<EquityPoint> curve = new ArrayList<>(equity.length);
        // times[k] is the bar of equity[k] (equity[0] = 1 at the first rebalance's close).
        for (int k = 0; k < equity.length; k++) {
            curve.add(new EquityPoint(times[k], equity[k]));
        }
        PerformanceMetrics m = result.metrics();
        double costs = 0;
        for (Rebalance r : result.rebalances()) {
            costs += r.cost();
        }
        BacktestMetrics metrics = new BacktestMetrics(m.periods(), m.totalReturn(), m.cagr(), m.annualVolatility(),
                m.sharpe(), m.sortino(), -m.maxDrawdown(), m.totalTurnover(), costs);
        return new BacktestResponse(method, closes.symbols(), curve, metrics, result.rebalances().size());
    }

    private static OptimizeResponse frontier(PortfolioProblem problem, int points, String inputs, int observations) {
        List<PortfolioResult> results = EfficientFrontier.compute(problem, points);
        double[] mu = problem.expectedReturns();
        List<FrontierPoint> frontier = new ArrayList<>(results.size());
        String status = SolverStatus.CONVERGED.name();
        for (PortfolioResult r : results) {
            double[] w = r.weights();
            double expected = 0;
            for (int i = 0; i < w.length; i++) {
                expected += w[i] * mu[i];
            }
            if (r.status() != SolverStatus.CONVERGED && status.equals(SolverStatus.CONVERGED.name())) {
                status = r.status().name();
            }
            frontier.add(new FrontierPoint(expected, Math.sqrt(Math.max(0, r.portfolioVariance())),
                    r.weightsBySymbol(), r.status().name(), r.kktResidual()));
        }
        OptimizeResponse first = describe(EfficientFrontier.NAME, problem, results.get(0), inputs, observations);
        return new OptimizeResponse(EfficientFrontier.NAME, first.weights(), status, first.diagnostics(), frontier);
    }

    private static OptimizeResponse respond(String method, PortfolioProblem problem, String inputs, int observations) {
        return describe(method, problem, PortfolioOptimizers.byName(method).optimize(problem), inputs, observations);
    }

    private static OptimizeResponse describe(String method, PortfolioProblem problem, PortfolioResult r, String inputs,
                                             int observations) {
        double[] w = r.weights();
        double[] rc = r.riskContributions();
        double variance = r.portfolioVariance();
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> contributions = new LinkedHashMap<>();
        double expected = 0;
        double[] mu = problem.hasExpectedReturns() ? problem.expectedReturns() : null;
        for (int i = 0; i < w.length; i++) {
            String s = problem.symbols().get(i);
            weights.put(s, w[i]);
            contributions.put(s, variance > 0 ? rc[i] / variance : 0.0);
            if (mu != null) {
                expected += w[i] * mu[i];
            }
        }
        OptimizeDiagnostics d = new OptimizeDiagnostics(r.iterations(), r.kktResidual(), expected,
                Math.sqrt(Math.max(0, variance)), contributions, inputs, observations);
        return new OptimizeResponse(method, weights, r.status().name(), d);
    }
}

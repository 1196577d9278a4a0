package io.hfthot.quant.portfolio;

/** The optimiser contract for {@code max_sharpe} (its closed form: {@code NewPortfolioMethodsProperties}). */
class MaxSharpeOptimizerTest extends PortfolioOptimizerContract {
    @Override
    PortfolioOptimizer optimizer() {
        return new MaxSharpeOptimizer();
    }

    /** Positive, nearly equal excess returns, so that a tangency portfolio with positive return exists. */
    @Override
    PortfolioProblem.Builder problem(long seed, int n) {
        PortfolioProblem.Builder b = RandomProblems.problem(seed, n);
        double[] mu = b.build().expectedReturns();
        for (int i = 0; i < n; i++) {
            mu[i] = 0.05 + 0.01 * Math.abs(mu[i]);
        }
        return b.expectedReturns(mu);
    }
}

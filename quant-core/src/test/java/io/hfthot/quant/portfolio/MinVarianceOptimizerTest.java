package io.hfthot.quant.portfolio;

/** The optimiser contract for {@code min_variance} (its closed forms and invariants: {@code NewPortfolioMethodsProperties}). */
class MinVarianceOptimizerTest extends PortfolioOptimizerContract {
    @Override
    PortfolioOptimizer optimizer() {
        return new MinVarianceOptimizer();
    }
}

package io.hfthot.quant.portfolio;

/** The optimiser contract for {@code hrp} (its closed forms and invariants: {@code NewPortfolioMethodsProperties}). */
class HrpOptimizerTest extends PortfolioOptimizerContract {
    @Override
    PortfolioOptimizer optimizer() {
        return new HrpOptimizer();
    }
}

package io.hfthot.quant.portfolio;

class RiskParityOptimizerTest extends PortfolioOptimizerContract {
    @Override
    PortfolioOptimizer optimizer() {
        return new RiskParityOptimizer();
    }
}

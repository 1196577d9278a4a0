package io.hfthot.quant.portfolio;

class CaraOptimizerTest extends PortfolioOptimizerContract {
    @Override
    PortfolioOptimizer optimizer() {
        return new CaraOptimizer();
    }
}

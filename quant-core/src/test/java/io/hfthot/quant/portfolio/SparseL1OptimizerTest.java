package io.hfthot.quant.portfolio;

class SparseL1OptimizerTest extends PortfolioOptimizerContract {
    @Override
    PortfolioOptimizer optimizer() {
        return new SparseL1Optimizer();
    }
}

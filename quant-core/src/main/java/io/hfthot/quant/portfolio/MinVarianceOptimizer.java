package io.hfthot.quant.portfolio;

/**
 * {@code min_variance}: the global minimum-variance portfolio
 * <pre>
 *   minimise  (1/2) w' Sigma w   subject to  sum(w) = 1,  lower &lt;= w &lt;= upper
 * </pre>
 * with the problem's per-asset bounds (long only, {@code 0 <= w}, unless the problem gives bounds;
 * {@code -Infinity} lower bounds allow shorts). Expected returns are not used. Solved exactly by the primal
 * active-set method of {@code cara} (the case {@code mu = 0}, {@code gamma = 1}); with only the budget the
 * answer is the closed form {@code Sigma^-1 1 / (1' Sigma^-1 1)}.
 *
 * <p>{@link PortfolioResult#objective()} is the minimised {@code (1/2) w'Sigma w}; the KKT residual is
 * {@code cara}'s with {@code mu = 0}: budget error, bound violations and stationarity of {@code Sigma w}
 * against the budget multiplier, in units of variance. Linear constraints and a turnover limit are accepted, as by
 * {@code cara} (solved by {@link io.hfthot.quant.qp.QpSolver}).
 */
public final class MinVarianceOptimizer implements PortfolioOptimizer {

    /** Creates the optimiser (stateless; {@link PortfolioOptimizers#byName(String)} shares one). */
    public MinVarianceOptimizer() {
    }

    @Override
    public String name() {
        return PortfolioOptimizers.MIN_VARIANCE;
    }

    @Override
    public PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace ws) {
        return CaraOptimizer.meanVariance(name(), problem, ws, new double[problem.size()], 1.0);
    }
}

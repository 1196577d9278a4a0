package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;

/**
 * {@code max_sharpe}: the tangency portfolio, maximising {@code mu'w / sqrt(w'Sigma w)} subject to
 * {@code sum(w) = 1}, with {@code mu} read as expected <em>excess</em> returns (over the risk-free rate) and
 * shorts allowed. Closed form: {@code w = Sigma^-1 mu / (1' Sigma^-1 mu)}, through the Cholesky factor of
 * {@code Sigma}.
 *
 * <p>With bounds, linear constraints or a turnover limit the tangency problem is homogenised ({@code y = kappa w}:
 * minimise {@code y'Sigma y} subject to {@code mu'y = 1}, {@code sum y = kappa >= 0} and the constraints multiplied
 * by {@code kappa}, a convex QP) and solved by {@link io.hfthot.quant.qp.QpSolver}; the KKT residual is then that
 * QP's, and the status {@code INFEASIBLE} also when no feasible portfolio has a positive excess return.
 *
 * <p>Statuses: {@code CONVERGED}; {@code INFEASIBLE} when {@code 1' Sigma^-1 mu <= 0} (every budget portfolio
 * on the tangency line has a non-positive excess return: the Sharpe ratio has no maximum with {@code sum(w) = 1});
 * {@code ILL_CONDITIONED} when {@code Sigma} is singular (the weights are then the minimum-variance portfolio,
 * respectively equal weights: not usable, for diagnostics only). {@link PortfolioResult#objective()} is the minimised
 * {@code -Sharpe}; the KKT residual is the stationarity of the Sharpe ratio,
 * {@code max_i |(mu'w / w'Sigma w) (Sigma w)_i - mu_i|}, and the budget error, in units of {@code mu}.
 */
public final class MaxSharpeOptimizer implements PortfolioOptimizer {

    /** Creates the optimiser (stateless; {@link PortfolioOptimizers#byName(String)} shares one). */
    public MaxSharpeOptimizer() {
    }

    @Override
    public String name() {
        return PortfolioOptimizers.MAX_SHARPE;
    }

    @Override
    public PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace ws) {
        Portfolios.requireExpectedReturns(problem, name());
        if (problem.hasBounds() || problem.hasGeneralConstraints()) {
            return ConstrainedPortfolios.maxSharpe(name(), problem);
        }
        int n = problem.size();
        double[] x = new double[n];
        double[] y = new double[n];
        if (!InverseSolves.solve(problem, ws, x, y)) {
            // Not usable: equal weights stand in for the missing solution.
            double[] equal = new double[n];
            java.util.Arrays.fill(equal, 1.0 / n);
            return Portfolios.result(name(), problem, ws, equal, SolverStatus.ILL_CONDITIONED, 0);
        }
        double total = 0;
        for (double v : x) {
            total += v;
        }
        if (!(total > 0)) {
            // Not usable: the minimum-variance portfolio stands in for the missing solution.
            double ones = 0;
            for (double v : y) {
                ones += v;
            }
            for (int i = 0; i < n; i++) {
                y[i] /= ones;
            }
            return Portfolios.result(name(), problem, ws, y, SolverStatus.INFEASIBLE, 0);
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = x[i] / total;
        }
        return Portfolios.result(name(), problem, ws, w, SolverStatus.CONVERGED, 1);
    }

    /** {@code -Sharpe} and the stationarity residual of the Sharpe ratio at {@code w}, given {@code sw = Sigma w}. */
    static double[] objectiveAndResidual(double[] mu, double[] w, double[] sw) {
        double ret = 0;
        double var = 0;
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            ret += mu[i] * w[i];
            var += w[i] * sw[i];
            sum += w[i];
        }
        double ratio = var > 0 ? ret / var : 0;
        double residual = Math.abs(sum - 1);
        for (int i = 0; i < w.length; i++) {
            residual = Math.max(residual, Math.abs(ratio * sw[i] - mu[i]));
        }
        return new double[] {var > 0 ? -ret / Math.sqrt(var) : 0, residual};
    }
}

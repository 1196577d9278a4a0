package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;

/**
 * {@code cara}: the mean-variance portfolio of an investor with constant absolute risk aversion,
 * <pre>
 *   maximise  mu'w - (gamma/2) w' Sigma w   subject to  sum(w) = 1,  lower &lt;= w &lt;= upper
 * </pre>
 * with {@code lower = 0}, {@code upper = +Infinity} (long only) unless the problem gives bounds
 * ({@code -Infinity} lower bounds allow unlimited shorts). Solved exactly by a primal active-set method with
 * Cholesky updates of the free block.
 *
 * <p>Diagnostics: {@link PortfolioResult#objective()} is the cost minimised, {@code (gamma/2) w'Sigma w - mu'w}
 * (the negated CARA utility, so that every method reports the quantity it minimises);
 * {@link PortfolioResult#kktResidual()} is the largest of: the budget error {@code |sum(w) - 1|}, bound
 * violations, and the stationarity / multiplier-sign violations of {@code g = gamma Sigma w - mu} against
 * {@code lambda} (the mean of {@code g} over the free assets): {@code |g_i - lambda|} for free assets,
 * {@code max(0, lambda - g_i)} at a lower and {@code max(0, g_i - lambda)} at an upper bound. It is in the
 * units of {@code mu}.
 *
 * <p>With linear constraints (group limits) or a turnover limit the problem is solved by
 * {@link io.hfthot.quant.qp.QpSolver} instead, and the KKT residual is that QP's
 * ({@link io.hfthot.quant.qp.QpResult#kktResidual()}).
 */
public final class CaraOptimizer implements PortfolioOptimizer {

    /** Creates the optimiser (stateless; {@link PortfolioOptimizers#byName(String)} shares one). */
    public CaraOptimizer() {
    }

    @Override
    public String name() {
        return PortfolioOptimizers.CARA;
    }

    @Override
    public PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace ws) {
        Portfolios.requireExpectedReturns(problem, name());
        return meanVariance(name(), problem, ws, problem.muRaw(), problem.gamma());
    }

    /**
     * Solves {@code minimise (gamma/2) w'Sigma w - lin'w} subject to the budget and the problem's bounds by the
     * primal active-set method, with the KKT residual described in the class comment (shared with
     * {@code min_variance}, which is the case {@code lin = 0}, {@code gamma = 1}).
     */
    static PortfolioResult meanVariance(String name, PortfolioProblem problem, PortfolioWorkspace ws, double[] lin,
                                        double gamma) {
        if (problem.hasGeneralConstraints()) {
            return ConstrainedPortfolios.meanVariance(name, problem, lin, gamma);
        }
        int n = problem.size();
        ws.ensure(n);
        System.arraycopy(lin, 0, ws.lin, 0, n);
        System.arraycopy(problem.lowerRaw(), 0, ws.lo, 0, n);
        System.arraycopy(problem.upperRaw(), 0, ws.hi, 0, n);
        double[] sigma = problem.sigmaFlat();
        ActiveSetQp.Outcome outcome = ActiveSetQp.solve(sigma, n, n, gamma, ws);
        ActiveSetQp.recomputeGradient(sigma, n, n, ws);

        double[] w = new double[n];
        System.arraycopy(ws.w, 0, w, 0, n);
        double[] sw = ws.sw;
        double[] mu = lin;
        double[] lo = problem.lowerRaw();
        double[] hi = problem.upperRaw();
        double[] rc = new double[n];
        double ret = 0;
        double var = 0;
        double lambda = 0;
        int free = 0;
        for (int i = 0; i < n; i++) {
            rc[i] = w[i] * sw[i];
            ret += mu[i] * w[i];
            var += rc[i];
            if (ws.state[i] == ActiveSetQp.FREE) {
                lambda += gamma * sw[i] - mu[i];
                free++;
            }
        }
        lambda = free > 0 ? lambda / free : 0.0;
        double sum = 0;
        double kkt = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i];
            double g = gamma * sw[i] - mu[i];
            double v;
            switch (ws.state[i]) {
                case ActiveSetQp.FREE -> v = Math.abs(g - lambda);
                case ActiveSetQp.AT_LOWER -> v = lo[i] == hi[i] ? 0.0 : Math.max(0.0, lambda - g);
                default -> v = lo[i] == hi[i] ? 0.0 : Math.max(0.0, g - lambda);
            }
            kkt = Math.max(kkt, Math.max(v, Math.max(lo[i] - w[i], w[i] - hi[i])));
        }
        kkt = Math.max(kkt, Math.abs(sum - 1.0));
        SolverStatus status = outcome.status();
        return new PortfolioResult(name, problem.symbols(), w, status, 0.5 * gamma * var - ret,
                outcome.iterations(), kkt, rc, PortfolioResult.countNonZero(w));
    }
}

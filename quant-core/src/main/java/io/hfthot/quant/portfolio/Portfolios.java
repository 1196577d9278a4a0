package io.hfthot.quant.portfolio;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;

/** Assembles results of the closed-form and constructive methods: risk contributions, objective, residual. */
final class Portfolios {
    /** The methods that accept bounds, linear constraints and a turnover limit. */
    static final String CONSTRAINED_METHODS = "cara, min_variance, max_sharpe and efficient_frontier";

    private Portfolios() {
    }

    /** Refuses a problem without expected returns, naming the method that needs them. */
    static void requireExpectedReturns(PortfolioProblem problem, String method) {
        if (!problem.hasExpectedReturns()) {
            throw new InvalidParameterException("expectedReturns", "expectedReturns are required by method " + method);
        }
    }

    /** Refuses bounds, linear constraints and a turnover limit for a method that takes none of them. */
    static void rejectConstraints(PortfolioProblem problem, String method) {
        if (problem.hasBounds()) {
            throw new InvalidParameterException("bounds", "bounds are accepted by methods " + CONSTRAINED_METHODS
                    + ", not " + method);
        }
        if (!problem.linearConstraints().isEmpty()) {
            throw new InvalidParameterException("linearConstraints", "linear constraints and group limits are accepted "
                    + "by methods " + CONSTRAINED_METHODS + ", not " + method);
        }
        if (problem.turnoverLimit().isPresent()) {
            throw new InvalidParameterException("turnoverLimit", "a turnover limit is accepted by methods "
                    + CONSTRAINED_METHODS + ", not " + method);
        }
    }

    /**
     * A result for weights {@code w}, with {@code Sigma w} computed from scratch. The objective and residual
     * depend on the method: {@code max_sharpe} gets {@code -Sharpe} and its stationarity residual; the others
     * {@code (1/2) w'Sigma w} and the budget error (they have no optimality conditions of their own).
     */
    static PortfolioResult result(String method, PortfolioProblem problem, PortfolioWorkspace ws, double[] w,
                                  SolverStatus status, int iterations) {
        int n = problem.size();
        ws.ensure(n);
        double[] sw = ws.sw;
        DenseKernels.multiply(problem.sigmaFlat(), n, w, sw);
        double[] rc = new double[n];
        double var = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            rc[i] = w[i] * sw[i];
            var += rc[i];
            sum += w[i];
        }
        double objective;
        double residual;
        if (PortfolioOptimizers.MAX_SHARPE.equals(method)) {
            double[] or = MaxSharpeOptimizer.objectiveAndResidual(problem.muRaw(), w, sw);
            objective = or[0];
            residual = or[1];
        } else {
            objective = 0.5 * var;
            residual = Math.abs(sum - 1);
        }
        return new PortfolioResult(method, problem.symbols(), w, status, objective, iterations,
                residual, rc, PortfolioResult.countNonZero(w));
    }
}

package io.hfthot.quant.portfolio;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * {@code efficient_frontier}: {@code N} minimum-variance portfolios for evenly spaced target returns, with the
 * budget and shorts allowed:
 * <pre>
 *   minimise  (1/2) w' Sigma w   subject to  sum(w) = 1,  mu'w = r
 * </pre>
 * for {@code r} from the global minimum-variance portfolio's return {@code b / a} up to a maximum target. Closed
 * form (Merton 1972): with {@code a = 1'Sigma^-1 1}, {@code b = 1'Sigma^-1 mu}, {@code c = mu'Sigma^-1 mu} and
 * {@code D = a c - b^2}, {@code w(r) = ((c - b r) Sigma^-1 1 + (a r - b) Sigma^-1 mu) / D}, with multipliers
 * {@code lambda = (c - b r) / D} of the budget and {@code nu = (a r - b) / D} of the target. Each point's {@link PortfolioResult#kktResidual()} is the largest of
 * {@code |Sigma w - lambda 1 - nu mu|}, the budget error and the target error; its objective the minimised
 * {@code (1/2) w'Sigma w}. Not behind {@link PortfolioOptimizer}: it returns {@code N} portfolios, not one.
 *
 * <p>With bounds, linear constraints (group limits) or a turnover limit each point is the quadratic program
 * {@code minimise (1/2) w'Sigma w} subject to {@code sum(w) = 1}, {@code mu'w = r} and the constraints, solved by
 * {@link io.hfthot.quant.qp.QpSolver} warm-started from the previous point, for targets from the constrained
 * minimum-variance return; the KKT residual is then the QP's. Without bounds shorts are allowed, as above.
 */
public final class EfficientFrontier {
    /** The method name reported in each point's result. */
    public static final String NAME = "efficient_frontier";

    private EfficientFrontier() {
    }

    /**
     * The frontier up to its default largest target: without bounds or constraints the largest expected return of
     * a single asset; with them the return of the mean-variance ({@code cara}) portfolio at the low risk aversion
     * {@code 1e-3 * max|mu_i| / max Sigma_ii}, a frontier point a hair below the largest return the constraints
     * allow (that maximum itself lies on a degenerate face of the feasible set).
     *
     * @param problem the problem (expected returns required)
     * @param points  the number of points, in [2, 10000]
     * @return the points in increasing target return
     */
    public static List<PortfolioResult> compute(PortfolioProblem problem, int points) {
        return compute(problem, points, Double.NaN, true);
    }

    /**
     * The frontier from the minimum-variance return up to {@code maxReturn}.
     *
     * @param problem   the problem (expected returns required)
     * @param points    the number of points, in [2, 10000]
     * @param maxReturn the largest target return, above the minimum-variance portfolio's return (targets the
     *                  constraints cannot reach give {@code INFEASIBLE} points)
     * @return the points in increasing target return; without constraints all {@code ILL_CONDITIONED} when
     *         {@code Sigma} is singular or every asset has the same expected return
     * @throws io.hfthot.quant.InvalidParameterException on missing expected returns, a {@code points} outside
     *                                  [2, 10000], or a {@code maxReturn} not above the minimum-variance return
     */
    public static List<PortfolioResult> compute(PortfolioProblem problem, int points, double maxReturn) {
        return compute(problem, points, maxReturn, false);
    }

    private static List<PortfolioResult> compute(PortfolioProblem problem, int points, double maxReturn,
                                                 boolean defaultMax) {
        Portfolios.requireExpectedReturns(problem, NAME);
        Checks.inRange(points, 2, 10_000, "points");
        if (problem.hasBounds() || problem.hasGeneralConstraints()) {
            return ConstrainedPortfolios.frontier(NAME, problem, points, defaultMax ? Double.NaN : maxReturn);
        }
        if (defaultMax) {
            maxReturn = Arrays.stream(problem.muRaw()).max().orElseThrow();
        }
        int n = problem.size();
        PortfolioWorkspace ws = new PortfolioWorkspace(n);
        double[] x = new double[n];
        double[] y = new double[n];
        double[] mu = problem.muRaw();
        boolean solved = InverseSolves.solve(problem, ws, x, y);
        double a = 0;
        double b = 0;
        double c = 0;
        for (int i = 0; i < n; i++) {
            a += y[i];
            b += x[i];
            c += mu[i] * x[i];
        }
        double det = a * c - b * b;
        List<PortfolioResult> out = new ArrayList<>(points);
        if (!solved || !(det > 1e-14 * Math.abs(a * c))) {
            double[] equal = new double[n];
            Arrays.fill(equal, 1.0 / n);
            for (int p = 0; p < points; p++) {
                out.add(point(problem, ws, equal, SolverStatus.ILL_CONDITIONED, Double.NaN, 0, 0));
            }
            return out;
        }
        double rMin = b / a;
        if (!(maxReturn > rMin) || !Double.isFinite(maxReturn)) {
            throw new InvalidParameterException("maxReturn", "maxReturn must be a finite number above the "
                    + "minimum-variance return " + rMin + ", got " + maxReturn);
        }
        for (int p = 0; p < points; p++) {
            double r = rMin + (maxReturn - rMin) * p / (points - 1);
            double lambda = (c - b * r) / det;
            double nu = (a * r - b) / det;
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = lambda * y[i] + nu * x[i];
            }
            out.add(point(problem, ws, w, SolverStatus.CONVERGED, r, lambda, nu));
        }
        return out;
    }

    private static PortfolioResult point(PortfolioProblem problem, PortfolioWorkspace ws, double[] w,
                                         SolverStatus status, double target, double lambda, double nu) {
        int n = problem.size();
        double[] mu = problem.muRaw();
        double[] sw = ws.sw;
        DenseKernels.multiply(problem.sigmaFlat(), n, w, sw);
        double[] rc = new double[n];
        double var = 0;
        double sum = 0;
        double ret = 0;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            rc[i] = w[i] * sw[i];
            var += rc[i];
            sum += w[i];
            ret += mu[i] * w[i];
            residual = Math.max(residual, Math.abs(sw[i] - lambda - nu * mu[i]));
        }
        residual = Math.max(residual, Math.abs(sum - 1));
        if (!Double.isNaN(target)) {
            residual = Math.max(residual, Math.abs(ret - target));
        }
        return new PortfolioResult(NAME, problem.symbols(), w, status, 0.5 * var, 1, residual, rc,
                PortfolioResult.countNonZero(w));
    }
}

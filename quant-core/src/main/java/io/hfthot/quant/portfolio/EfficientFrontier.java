package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;
import java.util.ArrayList;
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
 * {@code lambda = (c - b r) / D} of the budget and {@code nu = (a r - b) / D} of the target. Bounds are not
 * accepted. Each point's {@link PortfolioResult#kktResidual()} is the largest of
 * {@code |Sigma w - lambda 1 - nu mu|}, the budget error and the target error; its objective the minimised
 * {@code (1/2) w'Sigma w}. Not behind {@link PortfolioOptimizer}: it returns {@code N} portfolios, not one.
 */
public final class EfficientFrontier {
    /** The method name reported in each point's result. */
    public static final String NAME = "efficient_frontier";

    private EfficientFrontier() {
    }

    /**
     * The frontier up to the largest expected return of a single asset.
     *
     * @param problem the problem (expected returns required, no bounds)
     * @param points  the number of points, at least 2
     * @return the points in increasing target return
     */
    public static List<PortfolioResult> compute(PortfolioProblem problem, int points) {
        double max = Double.NEGATIVE_INFINITY;
        for (double m : problem.muRaw()) {
            max = Math.max(max, m);
        }
        return compute(problem, points, max);
    }

    /**
     * The frontier from the minimum-variance return up to {@code maxReturn}.
     *
     * @param problem   the problem (expected returns required, no bounds)
     * @param points    the number of points, at least 2
     * @param maxReturn the largest target return, above the minimum-variance portfolio's return
     * @return the points in increasing target return; all {@code ILL_CONDITIONED} when {@code Sigma} is singular
     *         or every asset has the same expected return
     * @throws IllegalArgumentException on bounds, missing expected returns, fewer than 2 points, or a
     *                                  {@code maxReturn} not above the minimum-variance return
     */
    public static List<PortfolioResult> compute(PortfolioProblem problem, int points, double maxReturn) {
        if (!problem.hasExpectedReturns()) {
            throw new IllegalArgumentException("expectedReturns are required by efficient_frontier");
        }
        if (problem.hasBounds()) {
            throw new IllegalArgumentException("bounds are accepted by methods cara and min_variance, not "
                    + "efficient_frontier");
        }
        if (points < 2 || points > 10_000) {
            throw new IllegalArgumentException("points must be in [2, 10000], got " + points);
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
            java.util.Arrays.fill(equal, 1.0 / n);
            for (int p = 0; p < points; p++) {
                out.add(point(problem, ws, equal, SolverStatus.ILL_CONDITIONED, Double.NaN, 0, 0));
            }
            return out;
        }
        double rMin = b / a;
        if (!(maxReturn > rMin) || !Double.isFinite(maxReturn)) {
            throw new IllegalArgumentException("maxReturn must be a finite number above the minimum-variance return "
                    + rMin + ", got " + maxReturn);
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

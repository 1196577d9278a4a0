package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;

/**
 * {@code sparse_l1}: L1-penalised mean-variance with shorts allowed, after Brodie, Daubechies, De Mol,
 * Giannone &amp; Loris, "Sparse and stable Markowitz portfolios", PNAS 106(30), 2009:
 * <pre>
 *   minimise  (gamma/2) w' Sigma w - mu'w + rho * sum_i |w_i|   subject to  sum(w) = 1
 * </pre>
 * ({@code gamma} default 2, {@code rho} default 0.05, in the units of {@code mu}). On the long-only simplex
 * the penalty would be the constant {@code rho}; with shorts, a larger {@code rho} means fewer positions and
 * less gross leverage ({@code sum |w_i| = 1 + 2 * (total short)}). Bounds are not accepted.
 *
 * <p>Solved exactly by a primal active-set method ({@link SparseL1ActiveSet}) that reaches the point where the
 * subgradient conditions hold: for some {@code lambda}, with {@code g = gamma Sigma w - mu},
 * {@code g_i + rho sign(w_i) = lambda} where {@code w_i != 0} and {@code |g_i - lambda| <= rho} where
 * {@code w_i = 0}. The work follows the size of the answer: {@link SparseL1Growth} first grows the support from
 * the empty side (one asset, then the most violating asset at a time, as the path of Brodie et al.), at O(k^2 +
 * n k) per step for {@code k} positions; if a cheap estimate of the answer's size (a soft threshold of the
 * {@code rho = 0} portfolio) exceeds three quarters of the assets, the support outgrows that, or the grown point
 * fails a KKT check at 1e-12 of the gradient scale, the dense side is closer and {@link SparseL1ActiveSet} runs. That one
 * starts from the {@code rho = 0} portfolio with every asset free on the side of its sign
 * and solves each step through the Cholesky factor of the whole {@code Sigma} kept by the problem plus a small
 * capacitance matrix of the zeroed assets, so an iteration costs O(n r) and zeroing an asset one O(n^2)
 * solve ({@code r} = zero weights). Without a full-rank factor (singular {@code Sigma}) the generic
 * active-set method on the sign-split problem {@code w = w+ - w-}, {@code w+, w- >= 0} is used, which stops
 * with {@link io.hfthot.quant.SolverStatus#ILL_CONDITIONED} when the support it needs is singular.
 * {@link PortfolioResult#kktResidual()} is the largest violation of those conditions and of the budget,
 * with {@code lambda} the mean of {@code g_i + rho sign(w_i)} over the non-zero weights;
 * {@link PortfolioResult#objective()} is the penalised objective above (minimised) and
 * {@link PortfolioResult#nonZeroCount()} the number of positions.
 */
public final class SparseL1Optimizer implements PortfolioOptimizer {
    /** The growth path is tried up to {@code max(this, 3n / 4)} positions. */
    static final int GROWTH_MIN_SUPPORT = 8;
    /** A grown point is accepted when its KKT residual is below this fraction of the gradient scale. */
    static final double KKT_CHECK = 1e-12;

    private final boolean warmStart;

    /** Creates the optimiser (stateless; {@link PortfolioOptimizers#byName(String)} shares one). */
    public SparseL1Optimizer() {
        this(true);
    }

    /**
     * Creates the optimiser; without warm start it runs the generic active-set method on the sign-split
     * problem from a one-asset support (an independent reference path for tests; also the path for a
     * covariance without full rank).
     */
    SparseL1Optimizer(boolean warmStart) {
        this.warmStart = warmStart;
    }

    @Override
    public String name() {
        return PortfolioOptimizers.SPARSE_L1;
    }

    @Override
    public PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace ws) {
        Portfolios.requireExpectedReturns(problem, name());
        Portfolios.rejectConstraints(problem, name());
        int n = problem.size();
        ws.ensure(n);
        double[] mu = problem.muRaw();
        double rho = problem.rho();
        double gamma = problem.gamma();
        double[] sigma = problem.sigmaFlat();
        ActiveSetQp.Outcome outcome = null;
        if (warmStart && problem.factor() != null) {
            // The side closer to the answer: grow the support from one asset when the answer is expected to hold
            // at most three quarters of the assets (and while it does), else (or if the grown point fails the
            // KKT check) remove positions from the dense side, whose removals cost O(n^2) each.
            int limit = Math.max(GROWTH_MIN_SUPPORT, 3 * n / 4);
            if (estimatedSupport(problem, ws) <= limit) {
                outcome = SparseL1Growth.solve(problem, ws, limit);
            }
            if (outcome != null && outcome.status() == SolverStatus.CONVERGED
                    && kktResidual(problem, ws.w, ws.sw) > KKT_CHECK * scale(problem)) {
                outcome = null;
            }
            if (outcome == null) {
                outcome = SparseL1ActiveSet.solve(problem, ws);
            }
        } else {
            for (int i = 0; i < n; i++) {
                ws.lin[i] = mu[i] - rho;
                ws.lin[n + i] = -mu[i] - rho;
                ws.lo[i] = 0.0;
                ws.lo[n + i] = 0.0;
                ws.hi[i] = Double.POSITIVE_INFINITY;
                ws.hi[n + i] = Double.POSITIVE_INFINITY;
            }
            outcome = ActiveSetQp.solve(sigma, n, 2 * n, gamma, ws);
            ActiveSetQp.recomputeGradient(sigma, n, 2 * n, ws);
        }

        double[] w = new double[n];
        System.arraycopy(ws.w, 0, w, 0, n);
        double[] sw = ws.sw;
        double[] rc = new double[n];
        double var = 0;
        double ret = 0;
        double l1 = 0;
        for (int i = 0; i < n; i++) {
            rc[i] = w[i] * sw[i];
            var += rc[i];
            ret += mu[i] * w[i];
            l1 += Math.abs(w[i]);
        }
        double kkt = kktResidual(problem, w, sw);
        return new PortfolioResult(name(), problem.symbols(), w, outcome.status(),
                0.5 * gamma * var - ret + rho * l1, outcome.iterations(), kkt, rc, PortfolioResult.countNonZero(w));
    }

    /**
     * The largest violation of the subgradient conditions and of the budget at {@code w}, with
     * {@code sw = Sigma w} and {@code lambda} the mean of {@code g_i + rho sign(w_i)} over the non-zero weights.
     */
    private static double kktResidual(PortfolioProblem problem, double[] w, double[] sw) {
        int n = problem.size();
        double[] mu = problem.muRaw();
        double gamma = problem.gamma();
        double rho = problem.rho();
        double lambda = 0;
        int support = 0;
        for (int i = 0; i < n; i++) {
            if (w[i] != 0.0) {
                lambda += gamma * sw[i] - mu[i] + rho * Math.signum(w[i]);
                support++;
            }
        }
        lambda = support > 0 ? lambda / support : 0.0;
        double kkt = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += w[i];
            double g = gamma * sw[i] - mu[i];
            double v = w[i] != 0.0
                    ? Math.abs(g + rho * Math.signum(w[i]) - lambda)
                    : Math.max(0.0, Math.abs(g - lambda) - rho);
            kkt = Math.max(kkt, v);
        }
        return Math.max(kkt, Math.abs(sum - 1.0));
    }

    /** The problem's gradient scale: the largest {@code |mu_i| + rho} or {@code gamma Sigma_ii}. */
    private static double scale(PortfolioProblem problem) {
        int n = problem.size();
        double[] sigma = problem.sigmaFlat();
        double scale = 1e-300;
        for (int a = 0; a < n; a++) {
            scale = Math.max(scale, Math.max(Math.abs(problem.muRaw()[a]) + problem.rho(),
                    problem.gamma() * sigma[a * n + a]));
        }
        return scale;
    }

    /**
     * A cheap guess of the answer's size, to pick the side to start from: the assets whose {@code rho = 0}
     * (budget-only) weight {@code w0} has {@code |gamma Sigma_aa w0_a| > rho}. With a diagonal {@code Sigma} the
     * answer is a soft threshold of exactly that kind; otherwise it is an estimate, and a wrong guess only costs
     * time (the growth path gives up beyond three quarters of the assets).
     */
    private static int estimatedSupport(PortfolioProblem problem, PortfolioWorkspace ws) {
        int n = problem.size();
        ws.ensureSparse(n);
        double[] x = ws.u1;
        double[] y = ws.u2;
        if (!InverseSolves.solve(problem, ws, x, y)) {
            return 0;
        }
        double gamma = problem.gamma();
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < n; i++) {
            sx += x[i];
            sy += y[i];
        }
        double lambda = (gamma - sx) / sy;
        double[] sigma = problem.sigmaFlat();
        int count = 0;
        for (int i = 0; i < n; i++) {
            double w0 = (x[i] + lambda * y[i]) / gamma;
            if (Math.abs(gamma * sigma[i * n + i] * w0) > problem.rho()) {
                count++;
            }
        }
        return count;
    }
}

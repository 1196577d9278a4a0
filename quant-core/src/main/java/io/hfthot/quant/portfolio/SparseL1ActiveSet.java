package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;

/**
 * Primal active-set method for the {@code sparse_l1} problem
 * <pre>
 *   minimise  (gamma/2) w' Sigma w - mu'w + rho * sum_a |w_a|   subject to  sum(w) = 1
 * </pre>
 * in asset space, with the inverse of the full covariance represented by the pivoted Cholesky factor that
 * {@link PortfolioProblem} keeps from its positive-semidefiniteness check.
 *
 * <p>Every asset is either <em>free</em>, with a side {@code s_a = +/-1} that {@code w_a} must not cross
 * ({@code s_a w_a >= 0}: one of the two variables of the sign-split problem {@code w = w+ - w-} is free), or
 * <em>removed</em> ({@code w_a = 0}, both split variables at their bound). On the free set {@code F} the
 * equality-constrained problem has the solution {@code w_F = K_FF^-1 (mu_F - rho s_F + lambda 1)},
 * {@code K = gamma Sigma}, with {@code lambda} set by the budget. Instead of factoring {@code K_FF} (or
 * down-dating a factor by one row per removed asset), it is solved through the inverse {@code M = K^-1} of
 * the <em>full</em> matrix and a small capacitance matrix of the removed set {@code R}: the solution of
 * {@code K x = v} with {@code x_R = 0} is {@code x = M v - M_R (M_RR)^-1 (M v)_R}, where {@code M_R} holds
 * the columns of {@code M} of the removed assets. So
 * <ul>
 *   <li>removing an asset costs one solve with the kept factor for its column of {@code M} (O(n^2)) and a
 *       row appended to the Cholesky factor of {@code M_RR} (O(r^2));</li>
 *   <li>an iteration costs O(n r) ({@code r = |R|}, the number of zero weights): the vectors
 *       {@code M (mu - rho s)} and {@code M 1} are computed once, and changing the side of a removed asset
 *       when it re-enters updates the first by one stored column;</li>
 *   <li>re-entering deletes one row and column of the capacitance factor (O(r^2)).</li>
 * </ul>
 * The start is the {@code rho = 0} (budget-only Markowitz) portfolio with every asset free on the side of
 * its sign, so the method mostly removes the positions the penalty zeroes. Each iteration either moves to
 * the equality-constrained minimiser of the free set or stops where the first free weight reaches zero
 * (that asset is removed). At a minimiser, the subgradient condition {@code |g_a - lambda| <= rho},
 * {@code g = gamma Sigma w - mu}, is checked for the removed assets and the most violating one re-enters on
 * the side of its violation. When none violates, one step of iterative refinement with {@code Sigma w}
 * recomputed from scratch removes the rounding of the capacitance formula, and the conditions are checked
 * again on the refined point: the method stops only at a point whose subgradient conditions hold with
 * {@code Sigma w} computed from scratch.
 *
 * <p>Inputs come from the problem; outputs are {@code ws.w} (weights) and {@code ws.sw} ({@code Sigma w},
 * computed from scratch).
 */
final class SparseL1ActiveSet {
    /** A capacitance pivot below this fraction of its diagonal means the free block is singular. */
    static final double PIVOT_TOLERANCE = 1e-12;
    /** Multipliers more negative than this, relative to the problem's gradient scale, re-enter an asset. */
    static final double DUAL_TOLERANCE = 1e-13;

    private SparseL1ActiveSet() {
    }

    /**
     * Solves the problem, whose covariance must have full rank ({@link PortfolioProblem#factor()} not null).
     *
     * @return the status and the number of iterations (one per equality-constrained step)
     */
    static ActiveSetQp.Outcome solve(PortfolioProblem problem, PortfolioWorkspace ws) {
        int n = problem.size();
        ws.ensureSparse(n);
        double[] sigma = problem.sigmaFlat();
        double[] l = problem.factor();
        int[] piv = problem.pivot();
        double gamma = problem.gamma();
        double rho = problem.rho();
        double[] mu = problem.muRaw();
        int[] pos = ws.position;
        for (int r = 0; r < n; r++) {
            pos[piv[r]] = r;
        }
        double[] w = ws.w;
        double[] side = ws.side;
        double[] vr = ws.vr;
        double[] v1 = ws.v1;
        double[] tmp = ws.p;
        double[] tmp2 = ws.z;

        // rho = 0 portfolio: w0 = (Sigma^-1 mu + lambda Sigma^-1 1) / gamma with 1'w0 = 1.
        for (int r = 0; r < n; r++) {
            tmp[r] = mu[piv[r]];
            tmp2[r] = 1.0;
        }
        DenseKernels.solveTwo(l, n, n, tmp, tmp2);
        double sa = 0;
        double sb = 0;
        for (int r = 0; r < n; r++) {
            sa += tmp[r];
            sb += tmp2[r];
        }
        double lambda0 = (gamma - sa) / sb;
        for (int r = 0; r < n; r++) {
            int a = piv[r];
            double w0 = (tmp[r] + lambda0 * tmp2[r]) / gamma;
            w[a] = w0;
            side[a] = w0 < 0 ? -1.0 : 1.0;
            v1[a] = tmp2[r] / gamma;
            ws.removedIndex[a] = -1;
        }
        // vr = M (mu - rho s) for the starting sides.
        for (int r = 0; r < n; r++) {
            int a = piv[r];
            tmp[r] = mu[a] - rho * side[a];
        }
        solveFull(l, n, tmp, ws.pair);
        for (int r = 0; r < n; r++) {
            vr[piv[r]] = tmp[r] / gamma;
        }

        double scale = 0;
        for (int a = 0; a < n; a++) {
            scale = Math.max(scale, Math.max(Math.abs(mu[a]) + rho, gamma * sigma[a * n + a]));
        }
        double dualTol = DUAL_TOLERANCE * (scale > 0 ? scale : 1.0);

        ws.removedCount = 0;
        int maxIterations = 50 + 20 * n;
        int justEntered = -1;
        boolean refined = false;
        boolean swFresh = false;
        for (int iter = 1; iter <= maxIterations; iter++) {
            if (Thread.currentThread().isInterrupted()) {
                // Cooperative cancellation: the iterate is feasible, but not optimal.
                return finish(problem, ws, SolverStatus.CANCELLED, iter - 1, false);
            }
            double lambda = target(ws, n, ws.target, ws.zTarget);
            double[] target = ws.target;
            double alpha = 1.0;
            int block = -1;
            for (int a = 0; a < n; a++) {
                if (ws.removedIndex[a] >= 0) {
                    continue;
                }
                double sp = side[a] * (target[a] - w[a]);
                if (sp < 0) {
                    double limit = Math.max(side[a] * w[a], 0.0) / -sp;
                    if (limit < alpha) {
                        alpha = limit;
                        block = a;
                    }
                }
            }
            if (block >= 0) {
                for (int a = 0; a < n; a++) {
                    if (ws.removedIndex[a] < 0) {
                        w[a] += alpha * (target[a] - w[a]);
                    }
                }
                w[block] = 0.0;
                if (block == justEntered && alpha == 0.0) {
                    // The asset just released is pushed straight back: its violation was rounding noise, so
                    // the previous free set was already optimal.
                    return finish(problem, ws, SolverStatus.CONVERGED, iter, false);
                }
                if (!remove(ws, n, block, l, piv, pos, gamma)) {
                    return finish(problem, ws, SolverStatus.ILL_CONDITIONED, iter, false);
                }
                refined = false;
                continue;
            }
            for (int a = 0; a < n; a++) {
                w[a] = ws.removedIndex[a] < 0 ? target[a] : 0.0;
            }
            int entering = mostViolating(sigma, n, gamma, rho, mu, ws, lambda, dualTol, false);
            if (entering < 0 && !refined) {
                refined = true;
                swFresh = refine(problem, ws, l, piv);
                if (!swFresh) {
                    // The refinement would move a free weight across zero: take the next step from here.
                    continue;
                }
                lambda = freeMultiplier(n, gamma, rho, mu, ws);
                entering = mostViolating(sigma, n, gamma, rho, mu, ws, lambda, dualTol, true);
            }
            if (entering < 0) {
                return finish(problem, ws, SolverStatus.CONVERGED, iter, swFresh);
            }
            double g = gamma * ws.gradientWork[entering] - mu[entering];
            reenter(ws, n, entering, g - lambda < 0 ? 1.0 : -1.0, rho);
            justEntered = entering;
            refined = false;
            swFresh = false;
        }
        return finish(problem, ws, SolverStatus.MAX_ITERATIONS, maxIterations, false);
    }

    /**
     * The removed asset whose subgradient condition {@code |g_a - lambda| <= rho} is violated most (by more
     * than {@code tol}), or -1. Leaves {@code (Sigma w)_a} of the removed assets in {@code ws.gradientWork}:
     * computed by a dot product, or read from {@code ws.sw} when {@code fresh} (then up to date).
     */
    private static int mostViolating(double[] sigma, int n, double gamma, double rho, double[] mu,
            PortfolioWorkspace ws, double lambda, double tol, boolean fresh) {
        double[] w = ws.w;
        int entering = -1;
        double worst = tol;
        for (int a = 0; a < n; a++) {
            if (ws.removedIndex[a] < 0) {
                continue;
            }
            double swa = fresh ? ws.sw[a] : DenseKernels.dot(sigma, a * n, w, n);
            ws.gradientWork[a] = swa;
            double violation = Math.abs(gamma * swa - mu[a] - lambda) - rho;
            if (violation > worst) {
                worst = violation;
                entering = a;
            }
        }
        return entering;
    }

    /** The multiplier {@code lambda}: mean of {@code g_a + rho s_a} over the free assets, from {@code ws.sw}. */
    private static double freeMultiplier(int n, double gamma, double rho, double[] mu, PortfolioWorkspace ws) {
        double sum = 0;
        int k = 0;
        for (int a = 0; a < n; a++) {
            if (ws.removedIndex[a] < 0) {
                sum += gamma * ws.sw[a] - mu[a] + rho * ws.side[a];
                k++;
            }
        }
        return sum / k;
    }

    /**
     * One step of iterative refinement at a minimiser of the free set: recomputes {@code Sigma w} from
     * scratch and solves the equality-constrained problem for the residual of stationarity and of the
     * budget. Applies the correction, and refreshes {@code ws.sw}, unless it would move a free weight to the
     * wrong side of zero; returns whether it was applied.
     */
    private static boolean refine(PortfolioProblem problem, PortfolioWorkspace ws, double[] l, int[] piv) {
        int n = problem.size();
        double[] sigma = problem.sigmaFlat();
        double gamma = problem.gamma();
        double rho = problem.rho();
        double[] mu = problem.muRaw();
        double[] w = ws.w;
        DenseKernels.multiply(sigma, n, w, ws.sw);
        double[] tmp = ws.p;
        double budget = 1.0;
        for (int r = 0; r < n; r++) {
            int a = piv[r];
            tmp[r] = ws.removedIndex[a] < 0 ? mu[a] - rho * ws.side[a] - gamma * ws.sw[a] : 0.0;
            budget -= w[a];
        }
        solveFull(l, n, tmp, ws.pair);
        double[] delta = ws.target;
        for (int r = 0; r < n; r++) {
            delta[piv[r]] = tmp[r] / gamma;
        }
        restricted(ws, n, delta, delta, ws.u1);
        double lambda = combine(ws, n, delta, ws.zTarget, budget);
        for (int a = 0; a < n; a++) {
            if (ws.removedIndex[a] < 0 && ws.side[a] * (w[a] + delta[a]) < 0) {
                return false;
            }
        }
        if (!Double.isFinite(lambda)) {
            return false;
        }
        for (int a = 0; a < n; a++) {
            if (ws.removedIndex[a] < 0) {
                w[a] += delta[a];
            }
        }
        DenseKernels.multiply(sigma, n, w, ws.sw);
        return true;
    }

    /** Ends the solve with {@code ws.sw = Sigma w} computed from scratch (unless {@code swFresh} says it is). */
    private static ActiveSetQp.Outcome finish(PortfolioProblem problem, PortfolioWorkspace ws, SolverStatus status,
            int iterations, boolean swFresh) {
        if (!swFresh) {
            DenseKernels.multiply(problem.sigmaFlat(), problem.size(), ws.w, ws.sw);
        }
        return new ActiveSetQp.Outcome(status, iterations);
    }

    /** Solves {@code L L' x = b} in place with the kept factor (its upper triangle holds {@code L'}). */
    static void solveFull(double[] l, int n, double[] b, double[] pair) {
        DenseKernels.forwardFrom(l, n, 0, b, pair);
        DenseKernels.backwardMirrored(l, n, b, pair);
    }

    // The removed set R lives in the workspace: ws.removed[0..removedCount) in capacitance order,
    // ws.removedIndex[a] (-1 when free), the columns of M = (gamma Sigma)^-1 of the removed assets (rows of
    // ws.removedColumns) and the Cholesky factor of M_RR (ws.capacitance).

    /**
     * Computes the equality-constrained minimiser of the free set into {@code target} (zero on the removed
     * set), leaves in {@code z} the solution for the right-hand side 1 with zeros on the removed set, and
     * returns the multiplier {@code lambda}.
     */
    private static double target(PortfolioWorkspace ws, int n, double[] target, double[] z) {
        int r = ws.removedCount;
        System.arraycopy(ws.vr, 0, target, 0, n);
        System.arraycopy(ws.v1, 0, z, 0, n);
        if (r > 0) {
            double[] u1 = ws.u1;
            double[] u2 = ws.u2;
            for (int t = 0; t < r; t++) {
                int a = ws.removed[t];
                u1[t] = target[a];
                u2[t] = z[a];
            }
            DenseKernels.solveTwo(ws.capacitance, n, r, u1, u2);
            // One pass over the stored columns for both right-hand sides.
            double[] cols = ws.removedColumns;
            for (int t = 0; t < r; t++) {
                double c1 = -u1[t];
                double c2 = -u2[t];
                int off = t * n;
                for (int i = 0; i < n; i++) {
                    double m = cols[off + i];
                    target[i] += c1 * m;
                    z[i] += c2 * m;
                }
            }
        }
        return combine(ws, n, target, z, 1.0);
    }

    /**
     * Replaces {@code x} (zero-on-removed solution for some right-hand side) by {@code x + lambda z} on the
     * free set and 0 on the removed set, with {@code lambda} such that the free entries sum to
     * {@code budget}; returns {@code lambda}.
     */
    private static double combine(PortfolioWorkspace ws, int n, double[] x, double[] z, double budget) {
        double sx = 0;
        double sz = 0;
        for (int a = 0; a < n; a++) {
            if (ws.removedIndex[a] < 0) {
                sx += x[a];
                sz += z[a];
            }
        }
        double lambda = (budget - sx) / sz;
        for (int a = 0; a < n; a++) {
            x[a] = ws.removedIndex[a] < 0 ? x[a] + lambda * z[a] : 0.0;
        }
        return lambda;
    }

    /** {@code out = mv - M_R (M_RR)^-1 (mv)_R}: the solution of {@code K x = v} with {@code x_R = 0}. */
    private static void restricted(PortfolioWorkspace ws, int n, double[] mv, double[] out, double[] u) {
        int r = ws.removedCount;
        if (out != mv) {
            System.arraycopy(mv, 0, out, 0, n);
        }
        if (r == 0) {
            return;
        }
        for (int t = 0; t < r; t++) {
            u[t] = mv[ws.removed[t]];
        }
        DenseKernels.forward(ws.capacitance, n, r, u);
        backwardSmall(ws.capacitance, n, r, u);
        double[] cols = ws.removedColumns;
        for (int t = 0; t < r; t++) {
            DenseKernels.axpy(-u[t], cols, t * n, out, n);
        }
    }

    /** Removes asset {@code a}: stores its column of M and appends to the capacitance factor. */
    private static boolean remove(PortfolioWorkspace ws, int n, int a, double[] l, int[] piv, int[] pos,
            double gamma) {
        int r = ws.removedCount;
        double[] cols = ws.removedColumns;
        double[] tmp = ws.col;
        int q = pos[a];
        // M e_a in pivot order: L y = e_q (y is zero above q), then L' x = y.
        java.util.Arrays.fill(tmp, q, n, 0.0);
        tmp[q] = 1.0;
        DenseKernels.forwardFrom(l, n, q, tmp, ws.pair);
        DenseKernels.backwardMirrored(l, n, tmp, ws.pair);
        int off = r * n;
        for (int i = 0; i < n; i++) {
            cols[off + piv[i]] = tmp[i] / gamma;
        }
        double[] border = ws.u1;
        for (int t = 0; t < r; t++) {
            border[t] = cols[off + ws.removed[t]];
        }
        if (!DenseKernels.choleskyAppend(ws.capacitance, n, r, border, cols[off + a], PIVOT_TOLERANCE)) {
            return false;
        }
        ws.removed[r] = a;
        ws.removedIndex[a] = r;
        ws.removedCount = r + 1;
        return true;
    }

    /** Frees removed asset {@code a} on side {@code s}, updating {@code M (mu - rho s)} if the side changes. */
    private static void reenter(PortfolioWorkspace ws, int n, int a, double s, double rho) {
        int r = ws.removedCount;
        int t = ws.removedIndex[a];
        double[] cols = ws.removedColumns;
        if (s != ws.side[a]) {
            DenseKernels.axpy(-rho * (s - ws.side[a]), cols, t * n, ws.vr, n);
            ws.side[a] = s;
        }
        DenseKernels.choleskyDelete(ws.capacitance, n, r, t, ws.u1);
        System.arraycopy(cols, (t + 1) * n, cols, t * n, (r - 1 - t) * n);
        for (int u = t + 1; u < r; u++) {
            int b = ws.removed[u];
            ws.removed[u - 1] = b;
            ws.removedIndex[b] = u - 1;
        }
        ws.removedIndex[a] = -1;
        ws.removedCount = r - 1;
    }

    /** Solves {@code C' x = b} in place for the small capacitance factor (order k, leading dimension ld). */
    private static void backwardSmall(double[] c, int ld, int k, double[] b) {
        for (int i = k - 1; i >= 0; i--) {
            int row = i * ld;
            double xi = b[i] / c[row + i];
            b[i] = xi;
            for (int j = 0; j < i; j++) {
                b[j] -= c[row + j] * xi;
            }
        }
    }
}

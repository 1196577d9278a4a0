package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;

/**
 * Primal active-set method for the {@code sparse_l1} problem that starts from the <em>empty</em> side: the one
 * asset whose all-in portfolio costs least, then adds the asset whose subgradient condition is violated most,
 * one at a time, as the homotopy / LARS-style path of Brodie et al. grows the support. Its work follows the
 * size {@code k} of the answer: an iteration costs O(k^2) for the solve on the support (a Cholesky factor of
 * {@code K_FF = gamma Sigma_FF} grown by one row per added asset) plus O(n k) for the gradient of the assets
 * outside it, against O(n^2) per removed asset for {@link SparseL1ActiveSet}, which starts from the dense side.
 *
 * <p>On the free set {@code F} with sides {@code s_F} the budget-constrained minimiser is
 * {@code w_F = K_FF^-1 (mu_F - rho s_F) + lambda K_FF^-1 1}, {@code lambda} set by {@code 1'w = 1}. A step that
 * would move a free weight across zero stops there and drops that asset (the factor is then rebuilt: rare). At
 * a minimiser, the asset outside {@code F} with the largest {@code |g_a - lambda| - rho},
 * {@code g = gamma Sigma w - mu}, enters on the side of its violation. It stops when no condition is violated by
 * more than the dual tolerance, with {@code Sigma w} computed from scratch; the caller verifies the same
 * conditions again.
 *
 * <p>It gives up (returns null) when the support outgrows {@code maxSupport} (the dense side is then closer) or
 * a pivot of the factor is not positive (a singular support): the caller then runs the dense-side method.
 */
final class SparseL1Growth {
    private SparseL1Growth() {
    }

    /**
     * Solves the problem, writing {@code ws.w} and {@code ws.sw}.
     *
     * @param maxSupport give up beyond this many positions
     * @return the outcome, or null when the dense side should be taken instead
     */
    static ActiveSetQp.Outcome solve(PortfolioProblem problem, PortfolioWorkspace ws, int maxSupport) {
        int n = problem.size();
        ws.ensureSparse(n);
        double[] sigma = problem.sigmaFlat();
        double gamma = problem.gamma();
        double rho = problem.rho();
        double[] mu = problem.muRaw();
        double[] w = ws.w;
        double[] side = ws.side;
        int[] free = ws.free;
        int[] slot = ws.removedIndex;
        double[] l = ws.chol;
        double[] lt = ws.cholTransposed;
        int[] outside = ws.position;
        double[] four = ws.four;
        double[] x = ws.target;
        double[] g = ws.gradientWork;
        // sf[a * n + j] = Sigma[a][free[j]]: the support's columns stored contiguously, so that the gradient of
        // every asset is a plain dot product with w_F (kept in x) instead of a gather through free[].
        double[] sf = ws.removedColumns;
        // fx = L^-1 (mu_F - rho s_F) and fy = L^-1 1, extended by one entry per appended row, so that each step
        // needs only the back substitution.
        double[] fx = ws.u1;
        double[] fy = ws.u2;

        int best = 0;
        for (int a = 1; a < n; a++) {
            if (0.5 * gamma * sigma[a * n + a] - mu[a] < 0.5 * gamma * sigma[best * n + best] - mu[best]) {
                best = a;
            }
        }
        java.util.Arrays.fill(w, 0, n, 0.0);
        java.util.Arrays.fill(slot, 0, n, -1);
        w[best] = 1.0;
        side[best] = 1.0;
        free[0] = best;
        slot[best] = 0;
        copyColumn(sigma, n, best, sf, 0);
        int k = 1;
        if (!appendRow(sf, n, gamma, free, l, lt, 0, mu, rho, side, fx, fy)) {
            return null;
        }
        double scale = 0;
        for (int a = 0; a < n; a++) {
            scale = Math.max(scale, Math.max(Math.abs(mu[a]) + rho, gamma * sigma[a * n + a]));
        }
        double dualTol = SparseL1ActiveSet.DUAL_TOLERANCE * (scale > 0 ? scale : 1.0);
        int maxIterations = 50 + 20 * n;
        int justEntered = best;
        for (int iter = 1; iter <= maxIterations; iter++) {
            if (Thread.currentThread().isInterrupted()) {
                DenseKernels.multiply(sigma, n, w, ws.sw);
                return new ActiveSetQp.Outcome(SolverStatus.CANCELLED, iter - 1);
            }
            double lambda = target(k, n, lt, fx, fy, x);
            double alpha = 1.0;
            int block = -1;
            for (int j = 0; j < k; j++) {
                int a = free[j];
                double sp = side[a] * (x[j] - w[a]);
                if (sp < 0 && a != justEntered) {
                    double limit = Math.max(side[a] * w[a], 0.0) / -sp;
                    if (limit < alpha) {
                        alpha = limit;
                        block = j;
                    }
                }
            }
            justEntered = -1;
            if (block >= 0) {
                for (int j = 0; j < k; j++) {
                    w[free[j]] += alpha * (x[j] - w[free[j]]);
                }
                int dropped = free[block];
                w[dropped] = 0.0;
                slot[dropped] = -1;
                free[block] = free[--k];
                if (k > 0) {
                    slot[free[block]] = block;
                    copyColumn(sigma, n, free[block], sf, block);
                }
                for (int j = 0; j < k; j++) {
                    if (!appendRow(sf, n, gamma, free, l, lt, j, mu, rho, side, fx, fy)) {
                        return null;
                    }
                }
                continue;
            }
            for (int j = 0; j < k; j++) {
                w[free[j]] = x[j];
            }
            // g_a = gamma (Sigma w)_a - mu_a for every asset outside the support: O(n k), the bulk of the work at
            // large k. Four rows per pass share the loads of x (dotFour sums exactly as dot does, so the values
            // and the choice of the entering asset are those of one row at a time).
            int m = 0;
            for (int a = 0; a < n; a++) {
                if (slot[a] < 0) {
                    outside[m++] = a;
                }
            }
            int q = 0;
            for (; q + 3 < m; q += 4) {
                int a0 = outside[q];
                int a1 = outside[q + 1];
                int a2 = outside[q + 2];
                int a3 = outside[q + 3];
                DenseKernels.dotFour(sf, a0 * n, a1 * n, a2 * n, a3 * n, x, k, four);
                g[a0] = gamma * four[0] - mu[a0];
                g[a1] = gamma * four[1] - mu[a1];
                g[a2] = gamma * four[2] - mu[a2];
                g[a3] = gamma * four[3] - mu[a3];
            }
            for (; q < m; q++) {
                g[outside[q]] = gamma * DenseKernels.dot(sf, outside[q] * n, x, k) - mu[outside[q]];
            }
            int entering = -1;
            double worst = dualTol;
            for (int i = 0; i < m; i++) {
                int a = outside[i];
                double violation = Math.abs(g[a] - lambda) - rho;
                if (violation > worst) {
                    worst = violation;
                    entering = a;
                }
            }
            if (entering < 0) {
                DenseKernels.multiply(sigma, n, w, ws.sw);
                return new ActiveSetQp.Outcome(SolverStatus.CONVERGED, iter);
            }
            if (k >= maxSupport) {
                return null;
            }
            side[entering] = g[entering] - lambda < 0 ? 1.0 : -1.0;
            free[k] = entering;
            slot[entering] = k;
            copyColumn(sigma, n, entering, sf, k);
            if (!appendRow(sf, n, gamma, free, l, lt, k, mu, rho, side, fx, fy)) {
                return null;
            }
            k++;
            justEntered = entering;
        }
        DenseKernels.multiply(sigma, n, w, ws.sw);
        return new ActiveSetQp.Outcome(SolverStatus.MAX_ITERATIONS, maxIterations);
    }

    /**
     * Row {@code j} of the Cholesky factor of {@code K_FF} (row-major, stride n), given rows {@code 0..j-1}:
     * {@code L_j. = solve(L, K_F,free[j])}, diagonal {@code sqrt(K_jj - |L_j.|^2)}, mirrored into column
     * {@code j} of {@code lt = L'}; and entry {@code j} of the forward solutions {@code fx}, {@code fy}.
     *
     * @return false when the pivot is not safely positive (the support is singular)
     */
    private static boolean appendRow(double[] sf, int n, double gamma, int[] free, double[] l, double[] lt, int j,
                                     double[] mu, double rho, double[] side, double[] fx, double[] fy) {
        int a = free[j];
        int row = j * n;
        double ss = 0;
        for (int i = 0; i < j; i++) {
            double s = gamma * sf[a * n + i] - DenseKernels.dot(l, row, l, i * n, i);
            s /= l[i * n + i];
            l[row + i] = s;
            ss += s * s;
        }
        double diag = gamma * sf[a * n + j];
        double pivot = diag - ss;
        if (!(pivot > SparseL1ActiveSet.PIVOT_TOLERANCE * diag)) {
            return false;
        }
        double d = Math.sqrt(pivot);
        l[row + j] = d;
        for (int i = 0; i < j; i++) {
            lt[i * n + j] = l[row + i];
        }
        lt[row + j] = d;
        fx[j] = (mu[a] - rho * side[a] - DenseKernels.dot(l, row, fx, 0, j)) / d;
        fy[j] = (1.0 - DenseKernels.dot(l, row, fy, 0, j)) / d;
        return true;
    }

    /**
     * The budget-constrained minimiser on the support: writes it to {@code x[0..k)} and returns {@code lambda}.
     *
     * <p>With {@code fx = L^-1 b} and {@code fy = L^-1 1} ({@code K_FF = L L'}), {@code 1'K^-1 b = fy . fx} and
     * {@code 1'K^-1 1 = fy . fy}, so {@code lambda} needs no solve, and {@code w_F = K^-1 (b + lambda 1)} is one
     * back substitution of {@code fx + lambda fy}: half the work of back-substituting both right-hand sides.
     */
    private static double target(int k, int n, double[] lt, double[] fx, double[] fy, double[] x) {
        double lambda = (1.0 - DenseKernels.dot(fy, 0, fx, 0, k)) / DenseKernels.dot(fy, 0, fy, 0, k);
        // Back substitution with L' in dot form over the rows of lt = L' (contiguous, in place: x[q > i] are
        // already solved when row i reads them).
        for (int i = k - 1; i >= 0; i--) {
            int row = i * n;
            x[i] = (fx[i] + lambda * fy[i] - DenseKernels.dot(lt, row + i + 1, x, i + 1, k - i - 1)) / lt[row + i];
        }
        return lambda;
    }

    /** Stores column {@code asset} of Sigma as column {@code j} of {@code sf} (stride n). */
    private static void copyColumn(double[] sigma, int n, int asset, double[] sf, int j) {
        for (int a = 0; a < n; a++) {
            sf[a * n + j] = sigma[a * n + asset];
        }
    }
}

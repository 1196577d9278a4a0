package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;

/**
 * Primal active-set method (Nocedal &amp; Wright, Numerical Optimization, Algorithm 16.3) for
 * <pre>
 *   minimise  (1/2) x' H x - lin' x   subject to  sum_j s_j x_j = 1,  lo_j &lt;= x_j &lt;= hi_j
 * </pre>
 * where variable {@code j} belongs to asset {@code a(j)} with sign {@code s_j = +/-1} and
 * {@code H_jk = gamma s_j s_k Sigma[a(j)][a(k)]}. With {@code m = n} variables ({@code a(j) = j}, {@code s = +1})
 * this is the bounded mean-variance problem; with {@code m = 2n} ({@code x = (w+, w-)}, {@code s = (+1, -1)})
 * it is the sign-split form of the L1-penalised problem.
 *
 * <p>The iterate is always feasible. Each iteration solves the equality-constrained subproblem on the free
 * set with a Cholesky factor of {@code H_FF} that is updated, not refactored, when a variable enters (one
 * new row, O(k^2)) or leaves (row deletion plus a rank-one update, O(k^2)); the gradient {@code Sigma w} is
 * updated in O(n k). The method terminates at the exact KKT point of the problem in finitely many steps
 * when {@code Sigma} restricted to the support is positive definite; if it is numerically singular, the
 * solve stops with {@link SolverStatus#ILL_CONDITIONED} and the last (feasible) iterate.
 *
 * <p>Inputs are read from and outputs written to the workspace: {@code lin}, {@code lo}, {@code hi}
 * (length {@code m}) in; {@code x}, {@code state}, {@code w} out.
 */
final class ActiveSetQp {
    static final int AT_LOWER = 0;
    static final int AT_UPPER = 1;
    static final int FREE = 2;
    /** A new Cholesky pivot below this fraction of its diagonal means the free block is singular. */
    static final double PIVOT_TOLERANCE = 1e-12;
    /** Multipliers more negative than this, relative to the problem's gradient scale, free their variable. */
    static final double DUAL_TOLERANCE = 1e-13;

    /**
     * Final state of a solve.
     *
     * @param status     how it ended
     * @param iterations active-set iterations
     */
    record Outcome(SolverStatus status, int iterations) {
    }

    private ActiveSetQp() {
    }

    /** Cold start: a greedy feasible point with one free variable (plus any variable without finite bounds). */
    static Outcome solve(double[] sigma, int n, int m, double gamma, PortfolioWorkspace ws) {
        int initial = initialPoint(sigma, n, m, gamma, ws);
        if (initial < -1) {
            return new Outcome(SolverStatus.INFEASIBLE, 0);
        }
        int k = 0;
        for (int j = 0; j < m; j++) {
            if (ws.state[j] == FREE) {
                if (!enter(sigma, n, gamma, ws, k, j)) {
                    recomputeGradient(sigma, n, m, ws);
                    return new Outcome(SolverStatus.ILL_CONDITIONED, 0);
                }
                k++;
            }
        }
        return iterate(sigma, n, m, gamma, ws, k);
    }

    private static Outcome iterate(double[] sigma, int n, int m, double gamma, PortfolioWorkspace ws, int k) {
        double[] x = ws.x;
        double[] lin = ws.lin;
        double[] lo = ws.lo;
        double[] hi = ws.hi;
        int[] state = ws.state;
        boolean split = m > n;
        double scale = 0;
        for (int j = 0; j < m; j++) {
            scale = Math.max(scale, Math.abs(lin[j]));
        }
        for (int a = 0; a < n; a++) {
            scale = Math.max(scale, gamma * sigma[a * n + a]);
        }
        double dualTol = DUAL_TOLERANCE * (scale > 0 ? scale : 1.0);
        recomputeGradient(sigma, n, m, ws);

        int maxIterations = 50 + 10 * m;
        boolean atMinimum = false;
        int justFreed = -1;
        for (int iter = 1; iter <= maxIterations; iter++) {
            if (Thread.currentThread().isInterrupted()) {
                // Cooperative cancellation: the iterate is feasible, but not optimal.
                return new Outcome(SolverStatus.CANCELLED, iter - 1);
            }
            double lambda = eqpStep(sigma, n, gamma, ws, k);
            double[] p = ws.p;
            double pmax = 0;
            double alpha = 1.0;
            int block = -1;
            for (int i = 0; i < k; i++) {
                int j = ws.free[i];
                double pi = p[i];
                pmax = Math.max(pmax, Math.abs(pi));
                double limit;
                if (pi < 0 && lo[j] != Double.NEGATIVE_INFINITY) {
                    limit = (lo[j] - x[j]) / pi;
                } else if (pi > 0 && hi[j] != Double.POSITIVE_INFINITY) {
                    limit = (hi[j] - x[j]) / pi;
                } else {
                    continue;
                }
                if (limit < alpha) {
                    alpha = Math.max(limit, 0.0);
                    block = i;
                }
            }
            if (!atMinimum && pmax > 0) {
                applyStep(sigma, n, ws, k, alpha);
                if (block >= 0) {
                    int j = ws.free[block];
                    boolean toLower = p[block] < 0;
                    moveTo(sigma, n, ws, j, toLower ? lo[j] : hi[j]);
                    state[j] = toLower ? AT_LOWER : AT_UPPER;
                    DenseKernels.choleskyDelete(ws.chol, n, k, block, ws.col);
                    System.arraycopy(ws.free, block + 1, ws.free, block, k - block - 1);
                    k--;
                    if (j == justFreed && alpha == 0.0) {
                        // The variable just released is pushed straight back: its negative multiplier was
                        // rounding noise, so the previous active set was already optimal.
                        return new Outcome(SolverStatus.CONVERGED, iter);
                    }
                } else {
                    atMinimum = true;
                    recomputeGradient(sigma, n, m, ws);
                }
                continue;
            }
            if (pmax > 0 && block < 0) {
                // One step of iterative refinement on the same active set (removes incremental rounding).
                applyStep(sigma, n, ws, k, 1.0);
            }
            int entering = -1;
            double worst = -dualTol;
            for (int j = 0; j < m; j++) {
                int st = state[j];
                if (st == FREE || lo[j] == hi[j]) {
                    continue;
                }
                if (split && state[twin(j, n)] == FREE) {
                    continue;
                }
                double nu = gradient(sigma, n, gamma, ws, j) - lambda * sign(j, n);
                double violation = st == AT_LOWER ? nu : -nu;
                if (violation < worst) {
                    worst = violation;
                    entering = j;
                }
            }
            if (entering < 0) {
                return new Outcome(SolverStatus.CONVERGED, iter);
            }
            if (!enter(sigma, n, gamma, ws, k, entering)) {
                return new Outcome(SolverStatus.ILL_CONDITIONED, iter);
            }
            k++;
            state[entering] = FREE;
            justFreed = entering;
            atMinimum = false;
        }
        return new Outcome(SolverStatus.MAX_ITERATIONS, maxIterations);
    }

    /**
     * Finds a feasible starting point: each variable at a finite bound, then the budget filled greedily by
     * the variables with the best single-asset objective. Marks the variables to start free and returns 0, or
     * -2 if the bounds cannot reach the budget.
     */
    private static int initialPoint(double[] sigma, int n, int m, double gamma, PortfolioWorkspace ws) {
        double[] x = ws.x;
        double[] lo = ws.lo;
        double[] hi = ws.hi;
        int[] state = ws.state;
        double r = 1.0;
        int firstFree = -1;
        for (int j = 0; j < m; j++) {
            if (lo[j] != Double.NEGATIVE_INFINITY) {
                x[j] = lo[j];
                state[j] = AT_LOWER;
            } else if (hi[j] != Double.POSITIVE_INFINITY) {
                x[j] = hi[j];
                state[j] = AT_UPPER;
            } else {
                x[j] = 0.0;
                state[j] = FREE;
                if (firstFree < 0) {
                    firstFree = j;
                }
            }
            r -= sign(j, n) * x[j];
        }
        if (firstFree >= 0) {
            x[firstFree] += sign(firstFree, n) * r;
            return 0;
        }
        int last = -1;
        while (r != 0.0) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                double dir = Math.signum(r) * sign(j, n);
                double room = dir > 0 ? hi[j] - x[j] : x[j] - lo[j];
                if (room > 0) {
                    double score = score(sigma, n, gamma, ws, j, dir);
                    if (score > bestScore) {
                        bestScore = score;
                        best = j;
                    }
                }
            }
            if (best < 0) {
                return -2;
            }
            double dir = Math.signum(r) * sign(best, n);
            double room = dir > 0 ? hi[best] - x[best] : x[best] - lo[best];
            if (room <= Math.abs(r)) {
                x[best] = dir > 0 ? hi[best] : lo[best];
                state[best] = dir > 0 ? AT_UPPER : AT_LOWER;
                r -= Math.signum(r) * room;
            } else {
                x[best] += dir * Math.abs(r);
                r = 0.0;
            }
            last = best;
        }
        if (last < 0) {
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < m; j++) {
                if (lo[j] < hi[j]) {
                    double score = score(sigma, n, gamma, ws, j, 1.0);
                    if (score > bestScore) {
                        bestScore = score;
                        last = j;
                    }
                }
            }
            if (last < 0) {
                // Every variable is fixed by equal bounds and they meet the budget: nothing to optimise.
                last = 0;
            }
        }
        state[last] = FREE;
        return 0;
    }

    /** Objective decrease of a unit move of variable j in direction dir from zero (a greedy ranking only). */
    private static double score(double[] sigma, int n, double gamma, PortfolioWorkspace ws, int j, double dir) {
        int a = asset(j, n);
        return dir * ws.lin[j] - 0.5 * gamma * sigma[a * n + a];
    }

    /**
     * Solves the equality-constrained subproblem on the free set: {@code H_FF p = -g_F + lambda s_F},
     * {@code s_F' p = 0}. Leaves {@code p} in {@code ws.p} and returns {@code lambda}.
     */
    private static double eqpStep(double[] sigma, int n, double gamma, PortfolioWorkspace ws, int k) {
        double[] p = ws.p;
        double[] z = ws.z;
        for (int i = 0; i < k; i++) {
            int j = ws.free[i];
            p[i] = -gradient(sigma, n, gamma, ws, j);
            z[i] = sign(j, n);
        }
        DenseKernels.solveTwo(ws.chol, n, k, p, z);
        double sp = 0;
        double sz = 0;
        for (int i = 0; i < k; i++) {
            double s = sign(ws.free[i], n);
            sp += s * p[i];
            sz += s * z[i];
        }
        double lambda = -sp / sz;
        for (int i = 0; i < k; i++) {
            p[i] += lambda * z[i];
        }
        return lambda;
    }

    /** Adds variable j as the k-th free variable to the Cholesky factor; false if that makes it singular. */
    private static boolean enter(double[] sigma, int n, double gamma, PortfolioWorkspace ws, int k, int j) {
        int a = asset(j, n);
        double sj = sign(j, n);
        double[] col = ws.col;
        for (int i = 0; i < k; i++) {
            int f = ws.free[i];
            col[i] = gamma * sj * sign(f, n) * sigma[asset(f, n) * n + a];
        }
        if (!DenseKernels.choleskyAppend(ws.chol, n, k, col, gamma * sigma[a * n + a], PIVOT_TOLERANCE)) {
            return false;
        }
        ws.free[k] = j;
        return true;
    }

    private static void applyStep(double[] sigma, int n, PortfolioWorkspace ws, int k, double alpha) {
        for (int i = 0; i < k; i++) {
            int j = ws.free[i];
            double d = alpha * ws.p[i];
            if (d != 0.0) {
                ws.x[j] += d;
                int a = asset(j, n);
                double dw = sign(j, n) * d;
                ws.w[a] += dw;
                DenseKernels.axpy(dw, sigma, a * n, ws.sw, n);
            }
        }
    }

    private static void moveTo(double[] sigma, int n, PortfolioWorkspace ws, int j, double value) {
        double d = value - ws.x[j];
        ws.x[j] = value;
        if (d != 0.0) {
            int a = asset(j, n);
            double dw = sign(j, n) * d;
            ws.w[a] += dw;
            DenseKernels.axpy(dw, sigma, a * n, ws.sw, n);
        }
    }

    /** Recomputes {@code w} from {@code x} and {@code Sigma w} from scratch. */
    static void recomputeGradient(double[] sigma, int n, int m, PortfolioWorkspace ws) {
        double[] w = ws.w;
        java.util.Arrays.fill(w, 0, n, 0.0);
        for (int j = 0; j < m; j++) {
            w[asset(j, n)] += sign(j, n) * ws.x[j];
        }
        DenseKernels.multiply(sigma, n, w, ws.sw);
    }

    private static double gradient(double[] sigma, int n, double gamma, PortfolioWorkspace ws, int j) {
        return gamma * sign(j, n) * ws.sw[asset(j, n)] - ws.lin[j];
    }

    static int asset(int j, int n) {
        return j < n ? j : j - n;
    }

    static double sign(int j, int n) {
        return j < n ? 1.0 : -1.0;
    }

    private static int twin(int j, int n) {
        return j < n ? j + n : j - n;
    }
}

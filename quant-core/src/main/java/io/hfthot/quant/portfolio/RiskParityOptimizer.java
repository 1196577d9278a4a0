package io.hfthot.quant.portfolio;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;

/**
 * {@code risk_parity}: the long-only, fully invested portfolio whose risk contributions
 * {@code RC_i = w_i (Sigma w)_i} are proportional to the risk budgets {@code b} (equal by default: ERC).
 *
 * <p>Solved through Spinu's convex formulation (F. Spinu, "An algorithm for computing risk parity weights",
 * 2013): {@code y* = argmin_{y > 0} (1/2) y' Sigma y - sum_i b_i ln y_i} satisfies
 * {@code y_i (Sigma y)_i = b_i}, and {@code w = y / sum(y)}. The minimiser is found by cyclical coordinate
 * descent (Griveau-Billion, Richard &amp; Roncalli, "A fast algorithm for computing high-dimensional risk
 * parity portfolios", 2013): each coordinate is minimised exactly by the positive root of
 * {@code Sigma_ii y_i^2 + c_i y_i - b_i = 0}, {@code c_i = (Sigma y)_i - Sigma_ii y_i}. A cycle is a forward
 * sweep ({@code i = 0 .. n-1}) followed by a backward sweep ({@code i = n-1 .. 0}), i.e. symmetric
 * Gauss-Seidel: the forward sweep gets {@code c_i} as a dot product of the lower part of row {@code i} with the
 * coordinates it has just updated plus the upper-part sum left by the previous backward sweep, and leaves
 * the lower-part sums for the backward sweep, which does the mirror image. So a cycle reads {@code Sigma} once
 * (two half-matrix sweeps), keeps no running {@code Sigma y} to update, and converges about as much as two
 * one-directional cycles (7 cycles instead of 11 at n = 200). The start is {@code y_i = sqrt(b_i) / sigma_i}
 * (exact for uncorrelated assets, and for equal budgets and a constant correlation), scaled so that
 * {@code y' Sigma y = 1}. The cycles are Anderson-accelerated from {@value #ANDERSON_MIN_ASSETS} assets on
 * (depth {@value #ANDERSON_DEPTH}), with a fallback to plain cycles whenever a mixed point would leave the
 * positive orthant or progress stalls; the fixed point, and so the solution, is the same. When the largest
 * relative change of a coordinate over a cycle is below {@value #CHECK_STEP}, {@code Sigma y} is computed
 * from scratch and the cycles stop if the relative spread of {@code RC_i / b_i} is below
 * {@value #STOP_SPREAD}; the status is {@link SolverStatus#CONVERGED} if that spread (recomputed from scratch
 * for the returned weights) is within {@value #CONVERGED_SPREAD}.
 *
 * <p>Diagnostics: {@link PortfolioResult#kktResidual()} is {@code max_i |q_i / mean(q) - 1|} with
 * {@code q_i = RC_i / b_i} (0 means exact parity) plus the budget error; {@link PortfolioResult#objective()}
 * is Spinu's objective at {@code y*}; {@link PortfolioResult#iterations()} counts cycles (forward plus backward
 * sweep). Every variance
 * must be positive; bounds and expected returns are ignored (bounds raise an error).
 */
public final class RiskParityOptimizer implements PortfolioOptimizer {
    /** Stopping threshold of the cycles on the relative spread of budget-scaled risk contributions. */
    public static final double STOP_SPREAD = 1e-12;
    /** Largest recomputed relative spread reported as converged. */
    public static final double CONVERGED_SPREAD = 1e-10;
    /** Number of past cycles combined by Anderson acceleration. */
    static final int ANDERSON_DEPTH = 4;
    /** Below this many assets a cycle is cheaper than the mixing step, so cycles are not accelerated. */
    static final int ANDERSON_MIN_ASSETS = 16;
    /** Relative step of a cycle below which the spread is computed from scratch to decide whether to stop. */
    static final double CHECK_STEP = 1e-12;
    /** Cycle limit. */
    public static final int MAX_CYCLES = 20_000;

    /** Creates the optimiser (stateless; {@link PortfolioOptimizers#byName(String)} shares one). */
    public RiskParityOptimizer() {
    }

    @Override
    public String name() {
        return PortfolioOptimizers.RISK_PARITY;
    }

    @Override
    public PortfolioResult optimize(PortfolioProblem problem, PortfolioWorkspace ws) {
        Portfolios.rejectConstraints(problem, name());
        int n = problem.size();
        double[] sigma = problem.sigmaFlat();
        double[] b = problem.budgetsRaw();
        for (int i = 0; i < n; i++) {
            if (!(sigma[i * n + i] > 0)) {
                throw new InvalidParameterException("covariance",
                        "risk_parity needs every variance > 0, but covariance[" + i
                        + "][" + i + "] = " + sigma[i * n + i] + " for '" + problem.symbols().get(i) + "'");
            }
        }
        ws.ensure(n);
        double[] y = ws.w;
        double[] sy = ws.sw;
        double[] upper = ws.col;
        // Start from y_i = sqrt(b_i) / sigma_i (the solution for uncorrelated assets) scaled so that
        // y' Sigma y = sum(b) = 1 (Spinu's scaling).
        for (int i = 0; i < n; i++) {
            y[i] = Math.sqrt(b[i] / sigma[i * n + i]);
        }
        upperSums(sigma, n, y, upper, ws.pair);
        // y' Sigma y = sum_i y_i (Sigma_ii y_i + 2 upper_i) by symmetry.
        double quad = 0;
        for (int i = 0; i < n; i++) {
            quad += y[i] * (sigma[i * n + i] * y[i] + 2.0 * upper[i]);
        }
        double scale = 1.0 / Math.sqrt(quad);
        for (int i = 0; i < n; i++) {
            y[i] *= scale;
            upper[i] *= scale;
        }
        int cycles = 0;
        double spread = Double.POSITIVE_INFINITY;
        double best = Double.POSITIVE_INFINITY;
        int stalled = 0;
        double[] before = ws.p;
        double[] lower = ws.z;
        double[] history = ws.history;
        int stored = 0;
        int head = -1;
        // Whether sy = Sigma y was computed from scratch for the current y.
        boolean fresh = true;
        boolean cancelled = false;
        while (spread > STOP_SPREAD && cycles < MAX_CYCLES && stalled < 20) {
            if (Thread.currentThread().isInterrupted()) {
                cancelled = true;
                break;
            }
            System.arraycopy(y, 0, before, 0, n);
            forwardSweep(sigma, n, b, y, lower, upper, ws.pair);
            backwardSweep(sigma, n, b, y, lower, upper, ws.pair);
            fresh = false;
            cycles++;
            double step = 0;
            for (int i = 0; i < n; i++) {
                step = Math.max(step, Math.abs(y[i] - before[i]) / y[i]);
            }
            if (step <= CHECK_STEP) {
                productAfterBackward(sigma, n, y, sy, upper, ws.pair);
                fresh = true;
                spread = spread(y, sy, b, n);
                if (spread <= STOP_SPREAD) {
                    break;
                }
            }
            if (step < 0.5 * best) {
                best = step;
                stalled = 0;
            } else {
                stalled++;
                stored = 0;
            }
            head = (head + 1) % (ANDERSON_DEPTH + 1);
            stored = Math.min(stored + 1, ANDERSON_DEPTH + 1);
            int slot = 3 * head * n;
            System.arraycopy(y, 0, history, slot, n);
            System.arraycopy(upper, 0, history, slot + n, n);
            for (int i = 0; i < n; i++) {
                history[slot + 2 * n + i] = y[i] - before[i];
            }
            if (n >= ANDERSON_MIN_ASSETS && stored >= 2) {
                if (andersonMix(history, head, stored - 1, n, y, upper, ws)) {
                    fresh = false;
                } else {
                    stored = 1;
                }
            }
        }
        if (!fresh) {
            product(sigma, n, y, sy, ws.pair);
        }
        // sy = Sigma y from scratch for the final y: w = y / sum(y) and Sigma w = sy / sum(y).
        double objective = 0.5 * DenseKernels.dot(y, sy, n);
        double total = 0;
        for (int i = 0; i < n; i++) {
            objective -= b[i] * Math.log(y[i]);
            total += y[i];
        }
        double[] w = new double[n];
        double[] rc = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            w[i] = y[i] / total;
            sy[i] /= total;
            rc[i] = w[i] * sy[i];
            sum += w[i];
        }
        double residual = spread(w, sy, b, n);
        double kkt = Math.max(residual, Math.abs(sum - 1.0));
        SolverStatus status = cancelled ? SolverStatus.CANCELLED : residual <= CONVERGED_SPREAD ? SolverStatus.CONVERGED
                : cycles >= MAX_CYCLES ? SolverStatus.MAX_ITERATIONS : SolverStatus.ILL_CONDITIONED;
        return new PortfolioResult(name(), problem.symbols(), w, status, objective, cycles, kkt, rc,
                PortfolioResult.countNonZero(w));
    }

    /**
     * Forward sweep of coordinate descent ({@code i = 0 .. n-1}). Coordinate {@code i} needs
     * {@code c_i = sum_{j<i} Sigma_ij y_j + sum_{j>i} Sigma_ij y_j}: the first sum, over the already updated
     * {@code y_j}, is a dot product with the lower part of row {@code i}, kept in {@code lower[i]} for the
     * backward sweep; the second is {@code upper[i]}, left by the previous backward sweep. Rows go in pairs:
     * both dot products over {@code j < i} share the loads of {@code y} and run as independent chains, and
     * the pair's last term {@code Sigma_{i+1,i} y_i} is added once {@code y_i} is known.
     */
    private static void forwardSweep(double[] sigma, int n, double[] b, double[] y, double[] lower,
            double[] upper, double[] pair) {
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int row = i * n;
            int next = row + n;
            DenseKernels.dotTwo(sigma, row, next, y, 0, i, pair);
            double l = pair[0];
            lower[i] = l;
            double yi = root(sigma[row + i], l + upper[i], b[i]);
            y[i] = yi;
            double l1 = pair[1] + sigma[next + i] * yi;
            lower[i + 1] = l1;
            y[i + 1] = root(sigma[next + i + 1], l1 + upper[i + 1], b[i + 1]);
        }
        if (i < n) {
            int row = i * n;
            double l = DenseKernels.dot(sigma, row, y, i);
            lower[i] = l;
            y[i] = root(sigma[row + i], l + upper[i], b[i]);
        }
    }

    /**
     * Backward sweep ({@code i = n-1 .. 0}): the mirror image of {@link #forwardSweep}, with the upper part of
     * row {@code i} (Sigma is symmetric) over the {@code y_j}, {@code j > i}, it has just updated, and
     * {@code lower[i]} from the forward sweep for the others, which it has not touched yet. Leaves in
     * {@code upper[i]} the sums the next forward sweep needs. The two sweeps together read the matrix once
     * and need no update of {@code Sigma y}.
     */
    private static void backwardSweep(double[] sigma, int n, double[] b, double[] y, double[] lower,
            double[] upper, double[] pair) {
        int i = n - 1;
        for (; i >= 1; i -= 2) {
            int row = i * n;
            int prev = row - n;
            int len = n - i - 1;
            DenseKernels.dotTwo(sigma, row + i + 1, prev + i + 1, y, i + 1, len, pair);
            double u = pair[0];
            upper[i] = u;
            double yi = root(sigma[row + i], lower[i] + u, b[i]);
            y[i] = yi;
            double u1 = pair[1] + sigma[prev + i] * yi;
            upper[i - 1] = u1;
            y[i - 1] = root(sigma[prev + i - 1], lower[i - 1] + u1, b[i - 1]);
        }
        if (i == 0) {
            double u = DenseKernels.dot(sigma, 1, y, 1, n - 1);
            upper[0] = u;
            y[0] = root(sigma[0], lower[0] + u, b[0]);
        }
    }

    /** The positive root of {@code sii y^2 + c y - bi = 0}: the exact minimiser along one coordinate. */
    private static double root(double sii, double c, double bi) {
        double disc = Math.sqrt(c * c + 4.0 * sii * bi);
        // Without cancellation: for c >= 0 use 2b / (c + sqrt(.)).
        return c >= 0 ? 2.0 * bi / (c + disc) : (disc - c) / (2.0 * sii);
    }

    /** {@code upper[i] = sum_{j>i} Sigma_ij y_j}, rows in pairs. */
    private static void upperSums(double[] sigma, int n, double[] y, double[] upper, double[] pair) {
        int i = n - 1;
        upper[i] = 0.0;
        i--;
        for (; i >= 1; i -= 2) {
            int row = i * n;
            int prev = row - n;
            DenseKernels.dotTwo(sigma, row + i + 1, prev + i + 1, y, i + 1, n - i - 1, pair);
            upper[i] = pair[0];
            upper[i - 1] = pair[1] + sigma[prev + i] * y[i];
        }
        if (i == 0) {
            upper[0] = DenseKernels.dot(sigma, 1, y, 1, n - 1);
        }
    }

    /**
     * {@code sy = Sigma y} from scratch right after a backward sweep, whose {@code upper[i]} are the upper-part
     * sums for the final {@code y}: only the lower parts remain to be summed (half a matrix, rows in pairs).
     */
    private static void productAfterBackward(double[] sigma, int n, double[] y, double[] sy, double[] upper,
            double[] pair) {
        int i = 0;
        for (; i + 1 < n; i += 2) {
            int row = i * n;
            int next = row + n;
            DenseKernels.dotTwo(sigma, row, next, y, 0, i, pair);
            sy[i] = pair[0] + sigma[row + i] * y[i] + upper[i];
            sy[i + 1] = pair[1] + sigma[next + i] * y[i] + sigma[next + i + 1] * y[i + 1] + upper[i + 1];
        }
        if (i < n) {
            int row = i * n;
            sy[i] = DenseKernels.dot(sigma, row, y, i) + sigma[row + i] * y[i] + upper[i];
        }
    }

    /** {@code sy = Sigma y} from scratch, one dot product per row, rows in pairs. */
    private static void product(double[] sigma, int n, double[] y, double[] sy, double[] pair) {
        int i = 0;
        for (; i + 1 < n; i += 2) {
            DenseKernels.dotTwo(sigma, i * n, i * n + n, y, 0, n, pair);
            sy[i] = pair[0];
            sy[i + 1] = pair[1];
        }
        if (i < n) {
            sy[i] = DenseKernels.dot(sigma, i * n, y, n);
        }
    }

    /**
     * Anderson acceleration (type II, Walker &amp; Ni 2011) of the coordinate-descent cycle map: replaces the
     * latest iterate {@code g} by {@code g - dG gamma}, {@code gamma} minimising {@code |f - dF gamma|} over the
     * last {@code depth} differences of cycle outputs {@code g} and residuals {@code f = g - x}. Because the
     * upper-part sums {@code upper_i = sum_{j>i} Sigma_ij y_j} are linear in {@code y}, the same combination of
     * the stored sums keeps {@code upper} exact for the mixed point without a matrix product. Returns false
     * (leaving {@code y}, {@code upper} unchanged) when the small system is singular or the mixed point
     * leaves {@code y > 0}.
     */
    private static boolean andersonMix(double[] history, int head, int depth, int n, double[] y, double[] upper,
            PortfolioWorkspace ws) {
        int window = ANDERSON_DEPTH + 1;
        // Slot offsets by lag t = 0 (latest) .. depth, computed once: no index arithmetic in the O(n) loops.
        int[] slot = ws.smallSlots;
        for (int t = 0; t <= depth; t++) {
            slot[t] = 3 * ((head - t + window) % window) * n;
        }
        // Gram matrix of the residuals f_t; the differences dF_j = f_j - f_{j+1} follow from it.
        double[] gram = ws.smallGram;
        int g = depth + 1;
        for (int t = 0; t <= depth; t++) {
            for (int u = 0; u <= t; u++) {
                double v = dot(history, slot[t] + 2 * n, history, slot[u] + 2 * n, n);
                gram[t * g + u] = v;
                gram[u * g + t] = v;
            }
        }
        double[] m = ws.small;
        double[] rhs = ws.smallRhs;
        double trace = 0;
        for (int j = 0; j < depth; j++) {
            for (int k = 0; k < depth; k++) {
                m[j * depth + k] = gram[j * g + k] - gram[j * g + k + 1] - gram[(j + 1) * g + k]
                        + gram[(j + 1) * g + k + 1];
            }
            rhs[j] = gram[j * g] - gram[(j + 1) * g];
            trace += m[j * depth + j];
        }
        for (int j = 0; j < depth; j++) {
            m[j * depth + j] += 1e-12 * trace;
        }
        if (!(trace > 0) || !solveSmall(m, rhs, depth)) {
            return false;
        }
        // y - sum_j gamma_j (g_j - g_{j+1}) telescopes into one coefficient per stored iterate.
        double[] coef = ws.smallCoef;
        coef[0] = -rhs[0];
        for (int t = 1; t < depth; t++) {
            coef[t] = rhs[t - 1] - rhs[t];
        }
        coef[depth] = rhs[depth - 1];
        double[] mixed = ws.z;
        System.arraycopy(y, 0, mixed, 0, n);
        for (int t = 0; t <= depth; t++) {
            DenseKernels.axpy(coef[t], history, slot[t], mixed, n);
        }
        for (int i = 0; i < n; i++) {
            if (!(mixed[i] > 0)) {
                return false;
            }
        }
        System.arraycopy(mixed, 0, y, 0, n);
        for (int t = 0; t <= depth; t++) {
            DenseKernels.axpy(coef[t], history, slot[t] + n, upper, n);
        }
        return true;
    }

    private static double dot(double[] a, int offA, double[] b, int offB, int n) {
        double s0 = 0;
        double s1 = 0;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            s0 += a[offA + i] * b[offB + i];
            s1 += a[offA + i + 1] * b[offB + i + 1];
        }
        for (; i < n; i++) {
            s0 += a[offA + i] * b[offB + i];
        }
        return s0 + s1;
    }

    /** Gaussian elimination with partial pivoting of a tiny dense system; the solution replaces {@code rhs}. */
    private static boolean solveSmall(double[] m, double[] rhs, int k) {
        for (int col = 0; col < k; col++) {
            int piv = col;
            for (int r = col + 1; r < k; r++) {
                if (Math.abs(m[r * k + col]) > Math.abs(m[piv * k + col])) {
                    piv = r;
                }
            }
            if (!(Math.abs(m[piv * k + col]) > 0)) {
                return false;
            }
            if (piv != col) {
                for (int c = 0; c < k; c++) {
                    double t = m[col * k + c];
                    m[col * k + c] = m[piv * k + c];
                    m[piv * k + c] = t;
                }
                double t = rhs[col];
                rhs[col] = rhs[piv];
                rhs[piv] = t;
            }
            for (int r = col + 1; r < k; r++) {
                double f = m[r * k + col] / m[col * k + col];
                for (int c = col; c < k; c++) {
                    m[r * k + c] -= f * m[col * k + c];
                }
                rhs[r] -= f * rhs[col];
            }
        }
        for (int r = k - 1; r >= 0; r--) {
            double v = rhs[r];
            for (int c = r + 1; c < k; c++) {
                v -= m[r * k + c] * rhs[c];
            }
            rhs[r] = v / m[r * k + r];
        }
        return true;
    }

    /** {@code max_i |q_i / mean(q) - 1|} for {@code q_i = y_i (Sigma y)_i / b_i}. */
    private static double spread(double[] y, double[] sy, double[] b, int n) {
        double mean = 0;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            double q = y[i] * sy[i] / b[i];
            mean += q;
            lo = Math.min(lo, q);
            hi = Math.max(hi, q);
        }
        mean /= n;
        return Math.max(hi / mean - 1.0, 1.0 - lo / mean);
    }
}

package io.hfthot.quant.qp;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;

/**
 * Solves a {@link QuadraticProgram} by the operator-splitting method of OSQP (Stellato, Banjac, Goulart, Bemporad
 * and Boyd, "OSQP: an operator splitting solver for quadratic programs", Math. Prog. Comp. 2020): ADMM on
 * {@code l <= z <= u, z = A x} with over-relaxation, adaptive step size {@code rho}, infeasibility certificates
 * and solution polishing.
 *
 * <p>Why hand-written: quant-core depends on the JDK only, so no QP library can be linked; ADMM was chosen over a
 * primal active set because it needs no feasible starting point (no phase 1), accepts a merely semidefinite
 * {@code P} (the turnover and tangency reformulations have zero-curvature variables) and proves infeasibility
 * from its own iterates. Each iteration solves one system with the cached Cholesky factor of
 * {@code P + sigma I + A' diag(rho) A + diag(rho_bounds)} (dense, O(n^2) per iteration, O(n^3) per change of
 * {@code rho}, re-balanced every 100 iterations, damped so that it cannot cycle). ADMM alone is accurate to about 1e-5; polishing ({@link Polish}) then solves the KKT system of the
 * guessed active set exactly (when ADMM meets its tolerance, and also at iterations 200, 400, 800, ... because
 * ADMM can crawl on a degenerate face long after its active set is right), and the solver returns {@code CONVERGED} only when every KKT residual of the scaled
 * program (cost scaled to unit size, rows to unit infinity norm) is at most {@link #KKT_TOLERANCE}. A failed
 * polish tightens the ADMM tolerance a hundredfold and continues; an ADMM iterate that meets the stricter
 * {@link #RAW_TOLERANCE} by itself (a degenerate optimum can defeat polishing) is returned as it is.
 *
 * <p>Stateless and thread-safe; each call allocates its own workspace. Checks
 * {@link Thread#isInterrupted()} every {@link #CHECK_EVERY} iterations and returns {@code CANCELLED} (interrupt
 * flag left set).
 */
public final class QpSolver {
    /** Largest KKT residual of the scaled program accepted as {@code CONVERGED}. */
    public static final double KKT_TOLERANCE = 1e-9;
    /**
     * An unpolished ADMM iterate is accepted only at this stricter residual: its small violations are spread over
     * every row (a turnover budget sums n of them), where a polished point's are at rounding level.
     */
    static final double RAW_TOLERANCE = 1e-11;
    /**
     * ADMM iterations at most. 50,000 was too few: the homogenised tangency (max_sharpe) program of a 20-asset
     * problem with sector limits and a turnover budget (ConstrainedPortfolioProperties, seed 0) converged only past
     * it; easy programs stop long before (polishing ends most runs within a few hundred iterations).
     */
    public static final int MAX_ITERATIONS = 400_000;
    /** Residuals, certificates, cancellation and the step size are checked this often. */
    static final int CHECK_EVERY = 10;
    private static final double SIGMA = 1e-6;
    private static final double ALPHA = 1.6;
    private static final double RHO_START = 0.1;
    private static final double RHO_MIN = 1e-6;
    private static final double RHO_MAX = 1e6;
    private static final double EQUALITY_RHO_FACTOR = 1e3;
    /** OSQP's adaptive_rho_tolerance: rho changes only when the new value differs by more than this factor. */
    private static final double RHO_TOLERANCE = 5;
    private static final double LOG_RHO_TOLERANCE = Math.log(RHO_TOLERANCE);
    /** ADMM tolerance before the first polish. */
    private static final double FIRST_EPS = 1e-5;
    private static final double CERTIFICATE_EPS = 1e-7;
    /**
     * The step size is re-balanced this often (when it would change fivefold); every 10 iterations made it
     * oscillate and ADMM stall on linear programs.
     */
    private static final int ADAPT_EVERY = 100;
    /** Unconditional polishing attempts at this iteration and at twice the previous one. */
    private static final int FIRST_POLISH = 200;

    private QpSolver() {
    }

    /**
     * Solves from a cold start.
     *
     * @param qp the program
     * @return the result; never throws on infeasible or unbounded programs
     */
    public static QpResult solve(QuadraticProgram qp) {
        return solve(qp, null);
    }

    /**
     * Solves, starting from a previous result of a program with the same numbers of variables and rows (for
     * example the previous point of a parametric sweep).
     *
     * @param qp        the program
     * @param warmStart a previous result, or null for a cold start
     * @return the result
     * @throws InvalidParameterException when {@code warmStart} has other dimensions
     */
    public static QpResult solve(QuadraticProgram qp, QpResult warmStart) {
        ScaledProgram sp = new ScaledProgram(qp);
        if (warmStart != null && (warmStart.xRaw().length != sp.n || warmStart.yRaw().length != sp.m)) {
            throw new InvalidParameterException("warmStart", "warmStart must come from a program with " + sp.n
                    + " variables and " + sp.m + " rows, got " + warmStart.xRaw().length + " and "
                    + warmStart.yRaw().length);
        }
        return new Admm(sp, warmStart).run(qp);
    }

    /** One solve's iterate and workspace. Rows are the m general rows followed by the n bound rows. */
    private static final class Admm {
        private final ScaledProgram sp;
        private final int n;
        private final int rows;
        private final double[] lower;
        private final double[] upper;
        private final double[] x;
        private final double[] z;
        private final double[] y;
        private final double[] rho;
        private final double[] xPrev;
        private final double[] yPrev;
        private final double[] factor;
        private final double[] rhs;
        private final double[] ax;
        private final double[] work;
        private double rhoScalar = RHO_START;
        /** The last applied change of {@code log rho} (0 before the first). */
        private double lastRhoChange;
        /** The largest change of {@code log rho} still allowed; halves the reversed change on every reversal. */
        private double rhoChangeCap = Double.POSITIVE_INFINITY;

        Admm(ScaledProgram sp, QpResult warm) {
            this.sp = sp;
            this.n = sp.n;
            this.rows = sp.m + n;
            lower = new double[rows];
            upper = new double[rows];
            System.arraycopy(sp.l, 0, lower, 0, sp.m);
            System.arraycopy(sp.u, 0, upper, 0, sp.m);
            System.arraycopy(sp.lo, 0, lower, sp.m, n);
            System.arraycopy(sp.hi, 0, upper, sp.m, n);
            x = new double[n];
            z = new double[rows];
            y = new double[rows];
            rho = new double[rows];
            xPrev = new double[n];
            yPrev = new double[rows];
            factor = new double[n * n];
            rhs = new double[n];
            ax = new double[rows];
            work = new double[n];
            if (warm != null) {
                System.arraycopy(warm.xRaw(), 0, x, 0, n);
                for (int i = 0; i < sp.m; i++) {
                    y[i] = warm.yRaw()[i] * sp.cost / sp.rowScale[i];
                }
                for (int j = 0; j < n; j++) {
                    y[sp.m + j] = warm.zRaw()[j] * sp.cost;
                }
                rowValues(x, ax);
                for (int i = 0; i < rows; i++) {
                    z[i] = clamp(ax[i], lower[i], upper[i]);
                }
            }
        }

        QpResult run(QuadraticProgram qp) {
            setRho(RHO_START);
            double eps = FIRST_EPS;
            int nextPolish = FIRST_POLISH;
            double[] xt = new double[n];
            double[] zt = new double[rows];
            for (int iter = 1; iter <= MAX_ITERATIONS; iter++) {
                System.arraycopy(x, 0, xPrev, 0, n);
                System.arraycopy(y, 0, yPrev, 0, rows);
                step(xt, zt);
                if (iter % CHECK_EVERY != 0) {
                    continue;
                }
                if (Thread.currentThread().isInterrupted()) {
                    return unpolished(qp, SolverStatus.CANCELLED, iter);
                }
                double[] res = admmResiduals();
                boolean admmConverged = res[0] <= eps + eps * res[1] && res[2] <= eps + eps * res[3];
                if (admmConverged || iter == nextPolish) {
                    if (iter == nextPolish) {
                        // ADMM can crawl on degenerate faces long after its active set is right: polish anyway.
                        nextPolish *= 2;
                    }
                    QpResult polished = tryPolish(qp, iter);
                    if (polished != null) {
                        return polished;
                    }
                }
                // A degenerate optimum can defeat polishing; the ADMM iterate itself may be exact enough.
                if (kktMet(x, java.util.Arrays.copyOf(y, sp.m), java.util.Arrays.copyOfRange(y, sp.m, rows),
                        RAW_TOLERANCE)) {
                    return unpolished(qp, SolverStatus.CONVERGED, iter);
                }
                if (admmConverged) {
                    eps = Math.max(eps * 1e-2, 1e-15);
                }
                if (primalInfeasible()) {
                    return unpolished(qp, SolverStatus.INFEASIBLE, iter);
                }
                if (dualInfeasible()) {
                    return unpolished(qp, SolverStatus.UNBOUNDED, iter);
                }
                if (iter % ADAPT_EVERY == 0) {
                    adaptRho(res);
                }
            }
            QpResult polished = tryPolish(qp, MAX_ITERATIONS);
            return polished != null ? polished : unpolished(qp, SolverStatus.MAX_ITERATIONS, MAX_ITERATIONS);
        }

        /** One over-relaxed ADMM iteration (OSQP Algorithm 1, with the reduced linear system). */
        private void step(double[] xt, double[] zt) {
            int m = sp.m;
            for (int i = 0; i < m; i++) {
                zt[i] = rho[i] * z[i] - y[i];
            }
            Dense.multiplyTransposed(sp.a, m, n, zt, rhs);
            for (int j = 0; j < n; j++) {
                rhs[j] += SIGMA * x[j] - sp.q[j] + rho[m + j] * z[m + j] - y[m + j];
            }
            System.arraycopy(rhs, 0, xt, 0, n);
            Dense.choleskySolve(factor, n, xt);
            rowValues(xt, zt);
            for (int j = 0; j < n; j++) {
                x[j] = ALPHA * xt[j] + (1 - ALPHA) * x[j];
            }
            for (int i = 0; i < rows; i++) {
                double v = ALPHA * zt[i] + (1 - ALPHA) * z[i];
                double zn = clamp(v + y[i] / rho[i], lower[i], upper[i]);
                y[i] += rho[i] * (v - zn);
                z[i] = zn;
            }
        }

        private void rowValues(double[] point, double[] out) {
            Dense.multiply(sp.a, sp.m, n, point, out);
            System.arraycopy(point, 0, out, sp.m, n);
        }

        /** {primal residual, its scale, dual residual, its scale} of the ADMM iterate. */
        private double[] admmResiduals() {
            rowValues(x, ax);
            double primal = 0;
            double primalScale = 0;
            for (int i = 0; i < rows; i++) {
                primal = Math.max(primal, Math.abs(ax[i] - z[i]));
                primalScale = Math.max(primalScale, Math.max(Math.abs(ax[i]), Math.abs(z[i])));
            }
            double[] px = new double[n];
            Dense.multiply(sp.p, n, n, x, px);
            Dense.multiplyTransposed(sp.a, sp.m, n, y, work);
            double dual = 0;
            double dualScale = Math.max(Dense.maxAbs(px, n), Dense.maxAbs(sp.q, n));
            for (int j = 0; j < n; j++) {
                double aty = work[j] + y[sp.m + j];
                dual = Math.max(dual, Math.abs(px[j] + sp.q[j] + aty));
                dualScale = Math.max(dualScale, Math.abs(aty));
            }
            return new double[] {primal, primalScale, dual, dualScale};
        }

        /** OSQP's primal infeasibility certificate on {@code dy = y - yPrev}. */
        private boolean primalInfeasible() {
            double[] dy = new double[rows];
            double norm = 0;
            for (int i = 0; i < rows; i++) {
                double d = y[i] - yPrev[i];
                // Project onto the cone the certificate lives in: no component towards an infinite limit.
                if ((d > 0 && upper[i] == Double.POSITIVE_INFINITY) || (d < 0 && lower[i] == Double.NEGATIVE_INFINITY)) {
                    d = 0;
                }
                dy[i] = d;
                norm = Math.max(norm, Math.abs(d));
            }
            if (norm < 1e-30) {
                return false;
            }
            double[] atdy = new double[n];
            Dense.multiplyTransposed(sp.a, sp.m, n, dy, atdy);
            double support = 0;
            for (int j = 0; j < n; j++) {
                atdy[j] += dy[sp.m + j];
            }
            for (int i = 0; i < rows; i++) {
                support += dy[i] > 0 ? upper[i] * dy[i] : dy[i] < 0 ? lower[i] * dy[i] : 0.0;
            }
            return Dense.maxAbs(atdy, n) <= CERTIFICATE_EPS * norm && support < -CERTIFICATE_EPS * norm;
        }

        /** OSQP's dual infeasibility (unboundedness) certificate on {@code dx = x - xPrev}. */
        private boolean dualInfeasible() {
            double[] dx = new double[n];
            for (int j = 0; j < n; j++) {
                dx[j] = x[j] - xPrev[j];
            }
            double norm = Dense.maxAbs(dx, n);
            if (norm < 1e-30) {
                return false;
            }
            double tol = CERTIFICATE_EPS * norm;
            double qdx = 0;
            for (int j = 0; j < n; j++) {
                qdx += sp.q[j] * dx[j];
            }
            if (qdx >= -tol) {
                return false;
            }
            double[] pdx = new double[n];
            Dense.multiply(sp.p, n, n, dx, pdx);
            if (Dense.maxAbs(pdx, n) > tol) {
                return false;
            }
            double[] adx = new double[rows];
            rowValues(dx, adx);
            for (int i = 0; i < rows; i++) {
                if ((upper[i] != Double.POSITIVE_INFINITY && adx[i] > tol)
                        || (lower[i] != Double.NEGATIVE_INFINITY && adx[i] < -tol)) {
                    return false;
                }
            }
            return true;
        }

        /**
         * OSQP's step-size rule (section 5.2): {@code rho * sqrt(relative primal / relative dual residual)}, applied
         * only when it differs from the current {@code rho} by more than {@link #RHO_TOLERANCE}. OSQP's rule alone can
         * cycle: on ConstrainedPortfolioProperties' seed 6201083356945794392 (n = 3, cara with turnover) it jumped
         * 0.1, 5.3e4, 0.0045, ... for 400,000 iterations, while a fixed rho = 0.1 converged in 340. So every change
         * of direction (in log rho) caps all later changes at half the reversed one: each change must still exceed
         * the fivefold tolerance, a monotone run is bounded by [RHO_MIN, RHO_MAX], and after a few reversals the cap
         * falls below log 5, so rho changes only finitely often and ADMM then runs with a fixed step size (for
         * which it converges on every convex QP).
         */
        private void adaptRho(double[] res) {
            double primal = res[0] / Math.max(res[1], 1e-30);
            double dual = res[2] / Math.max(res[3], 1e-30);
            if (primal == 0 || dual == 0) {
                return;
            }
            double candidate = Math.min(RHO_MAX, Math.max(RHO_MIN, rhoScalar * Math.sqrt(primal / dual)));
            double change = Math.log(candidate / rhoScalar);
            if (Math.abs(change) <= LOG_RHO_TOLERANCE) {
                return;
            }
            if (lastRhoChange != 0 && Math.signum(change) != Math.signum(lastRhoChange)) {
                rhoChangeCap = Math.min(rhoChangeCap, Math.abs(lastRhoChange) / 2);
            }
            change = Math.max(-rhoChangeCap, Math.min(rhoChangeCap, change));
            if (Math.abs(change) > LOG_RHO_TOLERANCE) {
                lastRhoChange = change;
                setRho(rhoScalar * Math.exp(change));
            }
        }

        /** Sets the step sizes (equality rows stiffer, free rows loose) and refactors the system matrix. */
        private void setRho(double value) {
            rhoScalar = value;
            for (int i = 0; i < rows; i++) {
                if (lower[i] == upper[i]) {
                    rho[i] = EQUALITY_RHO_FACTOR * value;
                } else if (lower[i] == Double.NEGATIVE_INFINITY && upper[i] == Double.POSITIVE_INFINITY) {
                    rho[i] = RHO_MIN;
                } else {
                    rho[i] = value;
                }
            }
            int m = sp.m;
            for (int r = 0; r < n; r++) {
                for (int c = 0; c <= r; c++) {
                    double v = sp.p[r * n + c];
                    for (int i = 0; i < m; i++) {
                        v += rho[i] * sp.a[i * n + r] * sp.a[i * n + c];
                    }
                    factor[r * n + c] = v;
                }
                factor[r * n + r] += SIGMA + rho[m + r];
            }
            if (!Dense.cholesky(factor, n)) {
                // P is semidefinite and sigma > 0, so this is positive definite unless rounding destroyed it.
                throw new IllegalStateException("ADMM system matrix lost positive definiteness at rho = " + value);
            }
        }

        private QpResult tryPolish(QuadraticProgram qp, int iter) {
            double[][] polished = Polish.polish(sp, x, z, y);
            if (polished == null) {
                return null;
            }
            if (!kktMet(polished[0], polished[1], polished[2], KKT_TOLERANCE)) {
                return null;
            }
            return result(qp, polished[0], polished[1], polished[2], SolverStatus.CONVERGED, iter);
        }

        private boolean kktMet(double[] xs, double[] ys, double[] zs, double tolerance) {
            double[] res = sp.residuals(xs, ys, zs);
            return Math.max(res[0], Math.max(res[1], res[2])) <= tolerance;
        }

        private QpResult unpolished(QuadraticProgram qp, SolverStatus status, int iter) {
            double[] ys = java.util.Arrays.copyOf(y, sp.m);
            double[] zs = java.util.Arrays.copyOfRange(y, sp.m, rows);
            return result(qp, x.clone(), ys, zs, status, iter);
        }

        private QpResult result(QuadraticProgram qp, double[] xs, double[] ys, double[] zs, SolverStatus status,
                                int iter) {
            double[] yo = sp.unscaleRows(ys);
            double[] zo = sp.unscaleBounds(zs);
            double[] res = KktResiduals.of(n, qp.pRaw(), qp.qRaw(), qp.aRaw(), qp.lowerRaw(), qp.upperRaw(),
                    qp.loRaw(), qp.hiRaw(), xs, yo, zo);
            return new QpResult(xs, yo, zo, status, iter, qp.objective(xs), res[0], res[1], res[2]);
        }

        private static double clamp(double v, double lo, double hi) {
            return v < lo ? lo : (v > hi ? hi : v);
        }
    }
}

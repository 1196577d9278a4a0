package io.hfthot.quant.qp;

/**
 * Solution polishing (Stellato et al., OSQP, 2020, section 4): from an ADMM iterate, guess which rows and bounds
 * are active, solve the equality-constrained QP on that guess exactly, and keep the result if it satisfies the KKT
 * conditions. Variables at an active bound are eliminated; the remaining system
 * <pre>
 *   [ P_FF + delta I   A_F'      ] [x_F]   [ -q_F - P_FB x_B ]
 *   [ A_F              -delta I  ] [y  ] = [ b - A_B x_B     ]
 * </pre>
 * is quasi-definite, so an {@code LDL'} factor without pivoting exists; iterative refinement against the system
 * with {@code delta = 0} removes the regularisation (and tolerates redundant active rows).
 */
final class Polish {
    /** Regularisation of the polishing system (on the scaled program). */
    static final double DELTA = 1e-9;
    /** Iterative refinement steps at most. */
    static final int REFINEMENT_STEPS = 25;
    /** Rounds of dropping wrongly signed multipliers from a degenerate guess. */
    static final int ROUNDS = 25;
    /** A multiplier of the wrong sign beyond this (scaled program) drops its row from the guess. */
    static final double SIGN_TOLERANCE = 1e-12;
    /** An inactive row violated by more than this (scaled program) joins the guess. */
    static final double VIOLATION_TOLERANCE = 1e-13;

    private Polish() {
    }

    /**
     * Polishes {@code (x, y, zBox)} on the scaled program. When the guessed active set is degenerate (more active
     * rows than needed, e.g. two rows pinning one variable from both sides) the least-norm multipliers can take a
     * forbidden sign; the worst such row is then dropped from the guess. Variables the active rows leave undetermined
     * (zero curvature, such as turnover epigraph variables below their budget) keep the ADMM's values, because the
     * regularisation is centred there; a row the polished point then violates is added to the guess at the limit it
     * crosses. The system is solved again after each change, up to {@link #ROUNDS} times.
     *
     * @param sp the scaled program
     * @param x  the ADMM's point, the centre of the regularisation (not modified)
     * @param z  the ADMM's projected row values, rows first then the n bound rows (not modified)
     * @param y  the ADMM's multipliers in the same layout (not modified)
     * @return {x, yRows, zBounds} of the polished point, or null when the guess gave a singular system
     */
    static double[][] polish(ScaledProgram sp, double[] x, double[] z, double[] y) {
        int n = sp.n;
        int m = sp.m;
        double[] target = new double[m + n];
        for (int i = 0; i < m + n; i++) {
            target[i] = i < m ? activeLimit(z[i], y[i], sp.l[i], sp.u[i])
                    : activeLimit(z[i], y[i], sp.lo[i - m], sp.hi[i - m]);
        }
        double[][] out = null;
        for (int round = 0; round < ROUNDS; round++) {
            out = solveActive(sp, target, x, y);
            if (out == null) {
                return null;
            }
            boolean dropped = dropWrongSigns(sp, target, out);
            if (!addViolated(sp, target, out[0]) && !dropped) {
                return out;
            }
        }
        return out;
    }

    /**
     * Deactivates the row whose multiplier has the wrong sign by the most (one per round, as a primal active-set
     * method does: on a degenerate face several signs can be wrong only because of one redundant row); true if
     * one was dropped.
     */
    private static boolean dropWrongSigns(ScaledProgram sp, double[] target, double[][] sol) {
        int m = sp.m;
        int worst = -1;
        double worstValue = SIGN_TOLERANCE;
        for (int i = 0; i < target.length; i++) {
            double t = target[i];
            if (Double.isNaN(t)) {
                continue;
            }
            double l = i < m ? sp.l[i] : sp.lo[i - m];
            double u = i < m ? sp.u[i] : sp.hi[i - m];
            if (l == u) {
                continue;
            }
            double mult = i < m ? sol[1][i] : sol[2][i - m];
            double wrong = t == l ? mult : -mult;
            if (wrong > worstValue) {
                worstValue = wrong;
                worst = i;
            }
        }
        if (worst >= 0) {
            target[worst] = Double.NaN;
        }
        return worst >= 0;
    }

    /** Holds every inactive row or bound that {@code xs} violates at the limit it crosses; true if any. */
    private static boolean addViolated(ScaledProgram sp, double[] target, double[] xs) {
        int n = sp.n;
        int m = sp.m;
        boolean added = false;
        for (int i = 0; i < m + n; i++) {
            if (!Double.isNaN(target[i])) {
                continue;
            }
            double v;
            double l;
            double u;
            if (i < m) {
                v = 0;
                for (int j = 0; j < n; j++) {
                    v += sp.a[i * n + j] * xs[j];
                }
                l = sp.l[i];
                u = sp.u[i];
            } else {
                v = xs[i - m];
                l = sp.lo[i - m];
                u = sp.hi[i - m];
            }
            if (v < l - VIOLATION_TOLERANCE) {
                target[i] = l;
                added = true;
            } else if (v > u + VIOLATION_TOLERANCE) {
                target[i] = u;
                added = true;
            }
        }
        return added;
    }

    /**
     * Solves the equality-constrained QP with each row or bound {@code i} held at {@code target[i]} (NaN: free),
     * the regularisation centred at the ADMM's {@code x} and {@code y}.
     */
    private static double[][] solveActive(ScaledProgram sp, double[] target, double[] xCentre, double[] yCentre) {
        int n = sp.n;
        int m = sp.m;
        double[] xs = new double[n];
        boolean[] fixed = new boolean[n];
        int[] freeVars = new int[n];
        int f = 0;
        for (int j = 0; j < n; j++) {
            double t = target[m + j];
            if (Double.isNaN(t)) {
                freeVars[f++] = j;
            } else {
                fixed[j] = true;
                xs[j] = t;
            }
        }
        int[] rows = new int[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            if (!Double.isNaN(target[i])) {
                rows[k++] = i;
            }
        }
        int s = f + k;
        double[] kkt = new double[s * s];
        double[] rhs = new double[s];
        for (int r = 0; r < f; r++) {
            int jr = freeVars[r];
            double g = -sp.q[jr];
            for (int j = 0; j < n; j++) {
                if (fixed[j]) {
                    g -= sp.p[jr * n + j] * xs[j];
                }
            }
            rhs[r] = g;
            for (int c = 0; c < f; c++) {
                kkt[r * s + c] = sp.p[jr * n + freeVars[c]];
            }
        }
        for (int t = 0; t < k; t++) {
            int i = rows[t];
            double b = target[i];
            for (int j = 0; j < n; j++) {
                if (fixed[j]) {
                    b -= sp.a[i * n + j] * xs[j];
                }
            }
            rhs[f + t] = b;
            for (int c = 0; c < f; c++) {
                double v = sp.a[i * n + freeVars[c]];
                kkt[(f + t) * s + c] = v;
                kkt[c * s + f + t] = v;
            }
        }
        double[] centre = new double[s];
        for (int r = 0; r < f; r++) {
            centre[r] = xCentre[freeVars[r]];
        }
        for (int t = 0; t < k; t++) {
            centre[f + t] = yCentre[rows[t]];
        }
        double[] sol = refinedSolve(kkt, rhs, centre, s, f);
        if (sol == null) {
            return null;
        }
        for (int r = 0; r < f; r++) {
            xs[freeVars[r]] = sol[r];
        }
        double[] ys = new double[m];
        for (int t = 0; t < k; t++) {
            ys[rows[t]] = sol[f + t];
        }
        // Bound multipliers of the eliminated variables close stationarity exactly: z_B = -(P x + q + A'y)_B.
        double[] zs = new double[n];
        double[] aty = new double[n];
        Dense.multiplyTransposed(sp.a, m, n, ys, aty);
        for (int j = 0; j < n; j++) {
            if (fixed[j]) {
                double g = sp.q[j] + aty[j];
                for (int c = 0; c < n; c++) {
                    g += sp.p[j * n + c] * xs[c];
                }
                zs[j] = -g;
            }
        }
        return new double[][] {xs, ys, zs};
    }

    /**
     * Solves the {@code s x s} KKT system (first {@code f} unknowns primal) through the regularised quasi-definite
     * factor plus iterative refinement, starting from the proximal step centred at {@code centre} (so components
     * the system leaves free stay at the centre); null if the factor breaks down.
     */
    private static double[] refinedSolve(double[] kkt, double[] rhs, double[] centre, int s, int f) {
        double[] factor = kkt.clone();
        for (int r = 0; r < s; r++) {
            factor[r * s + r] += r < f ? DELTA : -DELTA;
        }
        if (!Dense.ldl(factor, s)) {
            return null;
        }
        double[] sol = rhs.clone();
        for (int r = 0; r < s; r++) {
            sol[r] += (r < f ? DELTA : -DELTA) * centre[r];
        }
        Dense.ldlSolve(factor, s, sol);
        double[] residual = new double[s];
        double scale = Math.max(1.0, Dense.maxAbs(rhs, s));
        for (int step = 0; step < REFINEMENT_STEPS; step++) {
            Dense.multiply(kkt, s, s, sol, residual);
            for (int r = 0; r < s; r++) {
                residual[r] = rhs[r] - residual[r];
            }
            if (Dense.maxAbs(residual, s) <= 1e-15 * scale) {
                break;
            }
            Dense.ldlSolve(factor, s, residual);
            for (int r = 0; r < s; r++) {
                sol[r] += residual[r];
            }
        }
        return sol;
    }

    /**
     * The limit a row is guessed active at (OSQP's rule: lower when {@code z - l < -y}, upper when
     * {@code u - z < y}; an equality always), or NaN when it is guessed inactive.
     */
    private static double activeLimit(double z, double y, double lower, double upper) {
        if (lower == upper) {
            return lower;
        }
        if (lower != Double.NEGATIVE_INFINITY && z - lower < -y) {
            return lower;
        }
        if (upper != Double.POSITIVE_INFINITY && upper - z < y) {
            return upper;
        }
        return Double.NaN;
    }
}

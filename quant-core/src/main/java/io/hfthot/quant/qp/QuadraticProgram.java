package io.hfthot.quant.qp;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An immutable, validated convex quadratic program
 * <pre>
 *   minimise    (1/2) x' P x + q' x
 *   subject to  lower_i &lt;= a_i' x &lt;= upper_i     (general rows; lower_i = upper_i is an equality)
 *               lo_j &lt;= x_j &lt;= hi_j                (variable bounds)
 * </pre>
 * with {@code P} symmetric positive <em>semi</em>definite (a linear program is the case {@code P = 0}). Infinite
 * bounds mean "no bound". Build one with {@link #builder(int)} and solve it with {@link QpSolver#solve}.
 *
 * <p>Validation (an {@link InvalidParameterException} naming the parameter): finite entries, matching lengths,
 * a symmetric {@code P} that is positive semidefinite within {@link #PSD_TOLERANCE} of its largest diagonal entry,
 * {@code lower <= upper} on every row and bound. Constraints that contradict one another are not an error: the
 * solver reports them as {@link io.hfthot.quant.SolverStatus#INFEASIBLE}.
 */
public final class QuadraticProgram {
    /** {@code P + PSD_TOLERANCE * max(P_jj) * I} must admit a Cholesky factor. */
    public static final double PSD_TOLERANCE = 1e-10;

    private final int n;
    private final double[] p;
    private final double[] q;
    private final double[] a;
    private final double[] lower;
    private final double[] upper;
    private final double[] lo;
    private final double[] hi;

    private QuadraticProgram(Builder b) {
        this.n = b.n;
        this.p = b.p != null ? b.p.clone() : new double[n * n];
        this.q = b.q != null ? b.q.clone() : new double[n];
        int m = b.rows.size();
        this.a = new double[m * n];
        this.lower = new double[m];
        this.upper = new double[m];
        for (int i = 0; i < m; i++) {
            System.arraycopy(b.rows.get(i), 0, a, i * n, n);
            lower[i] = b.rowLower.get(i);
            upper[i] = b.rowUpper.get(i);
        }
        this.lo = b.lo != null ? b.lo.clone() : filled(n, Double.NEGATIVE_INFINITY);
        this.hi = b.hi != null ? b.hi.clone() : filled(n, Double.POSITIVE_INFINITY);
        for (int j = 0; j < n; j++) {
            checkInterval(lo[j], hi[j], "lowerBounds", "upperBounds", j);
        }
    }

    private static double[] filled(int n, double v) {
        double[] out = new double[n];
        Arrays.fill(out, v);
        return out;
    }

    private static void checkInterval(double l, double u, String lowerName, String upperName, int i) {
        if (Double.isNaN(l) || l == Double.POSITIVE_INFINITY) {
            throw new InvalidParameterException(lowerName, lowerName + "[" + i + "] must be a number or -Infinity, got "
                    + l);
        }
        if (Double.isNaN(u) || u == Double.NEGATIVE_INFINITY) {
            throw new InvalidParameterException(upperName, upperName + "[" + i + "] must be a number or +Infinity, got "
                    + u);
        }
        if (l > u) {
            throw new InvalidParameterException(lowerName, lowerName + "[" + i + "] = " + l + " must not exceed "
                    + upperName + "[" + i + "] = " + u);
        }
    }

    /**
     * Starts a program over {@code variables} unknowns.
     *
     * @param variables the number of unknowns, in [1, 100000]
     * @return a builder
     */
    public static Builder builder(int variables) {
        return new Builder(Checks.inRange(variables, 1, 100_000, "variables"));
    }

    /** Returns the number of unknowns. */
    public int variables() {
        return n;
    }

    /** Returns the number of general constraint rows. */
    public int constraints() {
        return lower.length;
    }

    /** Returns a copy of {@code P}. */
    public double[][] quadratic() {
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(p, i * n, out[i], 0, n);
        }
        return out;
    }

    /** Returns a copy of {@code q}. */
    public double[] linear() {
        return q.clone();
    }

    /**
     * Returns a copy of constraint row {@code i}.
     *
     * @param i the row, in {@code [0, constraints())}
     * @return its coefficients
     */
    public double[] constraintRow(int i) {
        Checks.inRange(i, 0, constraints() - 1, "i");
        return Arrays.copyOfRange(a, i * n, (i + 1) * n);
    }

    /** Returns a copy of the rows' lower limits. */
    public double[] constraintLower() {
        return lower.clone();
    }

    /** Returns a copy of the rows' upper limits. */
    public double[] constraintUpper() {
        return upper.clone();
    }

    /** Returns a copy of the variables' lower bounds. */
    public double[] lowerBounds() {
        return lo.clone();
    }

    /** Returns a copy of the variables' upper bounds. */
    public double[] upperBounds() {
        return hi.clone();
    }

    /**
     * The objective {@code (1/2) x'Px + q'x} at a point.
     *
     * @param x the point (not modified)
     * @return the value
     */
    public double objective(double[] x) {
        Checks.length(x, n, "x");
        double v = 0;
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += p[i * n + j] * x[j];
            }
            v += x[i] * (0.5 * s + q[i]);
        }
        return v;
    }

    double[] pRaw() {
        return p;
    }

    double[] qRaw() {
        return q;
    }

    double[] aRaw() {
        return a;
    }

    double[] lowerRaw() {
        return lower;
    }

    double[] upperRaw() {
        return upper;
    }

    double[] loRaw() {
        return lo;
    }

    double[] hiRaw() {
        return hi;
    }

    /** Builder of {@link QuadraticProgram}; not thread-safe. Arrays are copied when given. */
    public static final class Builder {
        private final int n;
        private double[] p;
        private double[] q;
        private double[] lo;
        private double[] hi;
        private final List<double[]> rows = new ArrayList<>();
        private final List<Double> rowLower = new ArrayList<>();
        private final List<Double> rowUpper = new ArrayList<>();

        private Builder(int n) {
            this.n = n;
        }

        /**
         * Sets {@code P} (default 0): symmetric positive semidefinite, {@code variables x variables}.
         *
         * @param quadratic the matrix (copied)
         * @return this builder
         */
        public Builder quadratic(double[][] quadratic) {
            Checks.symmetric(quadratic, n, "quadratic");
            double[] flat = new double[n * n];
            double maxDiag = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    flat[i * n + j] = 0.5 * (quadratic[i][j] + quadratic[j][i]);
                }
                maxDiag = Math.max(maxDiag, flat[i * n + i]);
            }
            double[] test = flat.clone();
            double shift = PSD_TOLERANCE * Math.max(maxDiag, Double.MIN_NORMAL);
            for (int i = 0; i < n; i++) {
                test[i * n + i] += shift;
            }
            if (!Dense.cholesky(test, n)) {
                throw new InvalidParameterException("quadratic", "quadratic must be positive semidefinite (the "
                        + "problem must be convex), but quadratic + " + shift + " * I has no Cholesky factor");
            }
            this.p = flat;
            return this;
        }

        /**
         * Sets {@code q} (default 0).
         *
         * @param linear one finite coefficient per variable (copied)
         * @return this builder
         */
        public Builder linear(double[] linear) {
            Checks.allFinite(Checks.length(linear, n, "linear"), "linear");
            this.q = linear.clone();
            return this;
        }

        /**
         * Adds the row {@code lower <= coefficients' x <= upper}; use infinities for a one-sided row.
         *
         * @param coefficients one finite coefficient per variable (copied)
         * @param lower        the lower limit, a number or -Infinity
         * @param upper        the upper limit, a number or +Infinity, at least {@code lower}
         * @return this builder
         */
        public Builder constraint(double[] coefficients, double lower, double upper) {
            int row = rows.size();
            if (coefficients == null || coefficients.length != n) {
                throw new InvalidParameterException("coefficients", "constraint " + row + ": coefficients must have "
                        + n + " entries (one per variable), got "
                        + (coefficients == null ? "null" : coefficients.length));
            }
            for (int j = 0; j < n; j++) {
                if (!Double.isFinite(coefficients[j])) {
                    throw new InvalidParameterException("coefficients", "constraint " + row + ": coefficients[" + j
                            + "] must be a finite number, got " + coefficients[j]);
                }
            }
            checkInterval(lower, upper, "constraintLower", "constraintUpper", row);
            rows.add(coefficients.clone());
            rowLower.add(lower);
            rowUpper.add(upper);
            return this;
        }

        /**
         * Adds the equality {@code coefficients' x = rhs}.
         *
         * @param coefficients one finite coefficient per variable (copied)
         * @param rhs          the finite right-hand side
         * @return this builder
         */
        public Builder equality(double[] coefficients, double rhs) {
            Checks.finite(rhs, "rhs");
            return constraint(coefficients, rhs, rhs);
        }

        /**
         * Sets the variable bounds (default none); either may be null for "none on that side".
         *
         * @param lower lower bounds, numbers or -Infinity (copied)
         * @param upper upper bounds, numbers or +Infinity (copied)
         * @return this builder
         */
        public Builder bounds(double[] lower, double[] upper) {
            this.lo = lower == null ? null : Checks.length(lower, n, "lowerBounds").clone();
            this.hi = upper == null ? null : Checks.length(upper, n, "upperBounds").clone();
            return this;
        }

        /**
         * Validates and builds the program.
         *
         * @return the program
         * @throws InvalidParameterException naming the field when anything is invalid
         */
        public QuadraticProgram build() {
            return new QuadraticProgram(this);
        }
    }
}

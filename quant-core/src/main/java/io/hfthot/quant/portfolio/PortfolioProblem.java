package io.hfthot.quant.portfolio;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.stats.CovarianceEstimate;
import io.hfthot.quant.stats.CovarianceEstimator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable, validated portfolio problem: symbols, expected returns {@code mu}, covariance
 * {@code Sigma} and the parameters of the methods (risk aversion {@code gamma}, L1 penalty {@code rho},
 * per-asset bounds for {@code cara}, risk budgets for {@code risk_parity}).
 *
 * <p>Build one with {@link #builder(List)}. {@code mu} and {@code Sigma} may come from the user or be
 * estimated from a return matrix ({@link Builder#estimateFrom}). Construction validates everything and
 * checks that {@code Sigma} is positive semidefinite by a pivoted Cholesky factorisation (O(n^3/6), kept to
 * warm-start the solvers); a
 * singular {@code Sigma} is accepted (its {@link #numericalRank()} is reported) and the optimisers return
 * {@link io.hfthot.quant.SolverStatus#ILL_CONDITIONED} if the part of it they need is singular. The
 * documented regularisation is an explicit ridge ({@link Builder#ridge(double)}: {@code Sigma + ridge * I}),
 * or a Ledoit-Wolf estimate, which is positive definite.
 *
 * <p>Linear constraints ({@link Builder#linearConstraint}, {@link Builder#groupLimit}) and a turnover limit
 * ({@link Builder#turnoverLimit}) are accepted by {@code cara}, {@code min_variance}, {@code max_sharpe} and the
 * efficient frontier, which then solve with {@link io.hfthot.quant.qp.QpSolver}; constraints that contradict one
 * another are reported as the status {@code INFEASIBLE}, not thrown.
 *
 * <p>Longer than the house's 400 lines because it is the one validated input of every method: each field's
 * validation, accessor and builder setter with its javadoc live together so that the parameter names in errors,
 * accessors and setters cannot drift apart.
 */
public final class PortfolioProblem {

    /** Default risk aversion. */
    public static final double DEFAULT_GAMMA = 2.0;
    /** Default L1 penalty of {@code sparse_l1}. */
    public static final double DEFAULT_RHO = 0.05;
    /** Relative (to the largest variance, per asset) tolerance of the positive-semidefiniteness check. */
    public static final double PSD_TOLERANCE = 1e-12;

    private final List<String> symbols;
    private final double[] mu;
    private final boolean hasMu;
    private final double[] sigma;
    private final double gamma;
    private final double rho;
    private final double[] lower;
    private final double[] upper;
    private final boolean hasBounds;
    private final double[] budgets;
    private final boolean hasBudgets;
    private final double ridge;
    private final List<LinearConstraint> constraints;
    private final TurnoverLimit turnover;
    private final int rank;
    private final double[] factor;
    private final int[] pivot;

    private PortfolioProblem(Builder b) {
        if (b.symbols == null || b.symbols.isEmpty()) {
            throw new InvalidParameterException("symbols", "symbols must contain at least 1 symbol, got "
                    + (b.symbols == null ? "null" : "[]"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < b.symbols.size(); i++) {
            String s = b.symbols.get(i);
            if (s == null || s.isBlank()) {
                throw new InvalidParameterException("symbols",
                        "symbols[" + i + "] must be a non-blank string, got '" + s + "'");
            }
            if (!seen.add(s)) {
                throw new InvalidParameterException("symbols", "symbols must be unique, got '" + s + "' twice");
            }
        }
        this.symbols = Collections.unmodifiableList(new ArrayList<>(b.symbols));
        int n = symbols.size();
        this.gamma = Checks.positive(b.gamma, "gamma");
        this.rho = Checks.nonNegative(b.rho, "rho");
        this.ridge = Checks.nonNegative(b.ridge, "ridge");

        if (b.mu != null) {
            Checks.length(b.mu, n, "expectedReturns");
            Checks.allFinite(b.mu, "expectedReturns");
            this.mu = b.mu.clone();
            this.hasMu = true;
        } else {
            this.mu = new double[n];
            this.hasMu = false;
        }

        if (b.covariance == null) {
            throw new InvalidParameterException("covariance",
                    "covariance is required (give it or estimate it from returns)");
        }
        Checks.symmetric(b.covariance, n, "covariance");
        this.sigma = new double[n * n];
        double maxDiag = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                // Symmetrise exactly so every solver sees the same matrix whichever triangle it reads.
                double v = 0.5 * (b.covariance[i][j] + b.covariance[j][i]);
                sigma[i * n + j] = i == j ? v + ridge : v;
            }
            if (sigma[i * n + i] < 0) {
                throw new InvalidParameterException("covariance",
                        "covariance must be positive semidefinite, but covariance["
                        + i + "][" + i + "] = " + b.covariance[i][i] + " is a negative variance");
            }
            maxDiag = Math.max(maxDiag, sigma[i * n + i]);
        }
        double tol = PSD_TOLERANCE * Math.max(n, 1) * Math.max(maxDiag, Double.MIN_NORMAL);
        DenseKernels.PsdReport psd = DenseKernels.psdCheck(sigma, n, tol);
        if (!psd.psd()) {
            throw new InvalidParameterException("covariance",
                    "covariance must be positive semidefinite, but pivoted Cholesky met "
                    + psd.badPivot() + " (below -" + tol + ") at asset " + psd.badIndex() + " ('"
                    + symbols.get(psd.badIndex()) + "'); fix the estimate or use a Ledoit-Wolf estimator");
        }
        this.rank = psd.rank();
        this.factor = psd.factor();
        this.pivot = psd.perm();

        if (b.lower != null || b.upper != null) {
            this.lower = b.lower != null ? Checks.length(b.lower, n, "lowerBounds").clone() : new double[n];
            this.upper = b.upper != null ? Checks.length(b.upper, n, "upperBounds").clone() : infinities(n);
            double sumLower = 0;
            double sumUpper = 0;
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(lower[i]) || lower[i] == Double.POSITIVE_INFINITY) {
                    throw new InvalidParameterException("lowerBounds",
                            "lowerBounds[" + i + "] must be a number or -Infinity, got "
                            + lower[i]);
                }
                if (Double.isNaN(upper[i]) || upper[i] == Double.NEGATIVE_INFINITY) {
                    throw new InvalidParameterException("upperBounds",
                            "upperBounds[" + i + "] must be a number or +Infinity, got "
                            + upper[i]);
                }
                if (lower[i] > upper[i]) {
                    throw new InvalidParameterException("lowerBounds", "lowerBounds[" + i + "] = " + lower[i]
                            + " must not exceed upperBounds[" + i + "] = " + upper[i]);
                }
                sumLower += lower[i];
                sumUpper += upper[i];
            }
            if (sumLower > 1 + 1e-12 || sumUpper < 1 - 1e-12) {
                throw new InvalidParameterException("lowerBounds",
                        "bounds admit no fully invested portfolio: sum(lowerBounds) = "
                        + sumLower + " and sum(upperBounds) = " + sumUpper + " must bracket 1");
            }
            this.hasBounds = true;
        } else {
            this.lower = new double[n];
            this.upper = infinities(n);
            this.hasBounds = false;
        }

        this.constraints = resolveConstraints(b, symbols);
        if (b.turnover != null) {
            Checks.length(b.turnover.currentRaw(), n, "currentWeights");
        }
        this.turnover = b.turnover;

        this.budgets = new double[n];
        if (b.budgets != null) {
            Checks.length(b.budgets, n, "riskBudgets");
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (!(b.budgets[i] > 0) || !Double.isFinite(b.budgets[i])) {
                    throw new InvalidParameterException("riskBudgets", "riskBudgets[" + i
                            + "] must be a finite number > 0, got " + b.budgets[i]);
                }
                total += b.budgets[i];
            }
            for (int i = 0; i < n; i++) {
                budgets[i] = b.budgets[i] / total;
            }
            this.hasBudgets = true;
        } else {
            java.util.Arrays.fill(budgets, 1.0 / n);
            this.hasBudgets = false;
        }
    }

    /** The general rows in the order added, group limits resolved to coefficient vectors. */
    private static List<LinearConstraint> resolveConstraints(Builder b, List<String> symbols) {
        int n = symbols.size();
        List<LinearConstraint> out = new ArrayList<>();
        for (Object c : b.constraints) {
            if (c instanceof LinearConstraint lc) {
                if (lc.coefficientsRaw().length != n) {
                    throw new InvalidParameterException("coefficients", "constraint '" + lc.name()
                            + "': coefficients must have one entry per symbol (" + n + "), got "
                            + lc.coefficientsRaw().length);
                }
                out.add(lc);
            } else {
                out.add(((LinearConstraint.PendingGroup) c).resolve(symbols));
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static double[] infinities(int n) {
        double[] u = new double[n];
        java.util.Arrays.fill(u, Double.POSITIVE_INFINITY);
        return u;
    }

    /**
     * Starts a problem over the given symbols (order kept in every result).
     *
     * @param symbols distinct, non-blank asset symbols
     * @return a builder
     */
    public static Builder builder(List<String> symbols) {
        return new Builder(symbols);
    }

    /** Returns the symbols in input order (unmodifiable). */
    public List<String> symbols() {
        return symbols;
    }

    /** Returns the number of assets. */
    public int size() {
        return symbols.size();
    }

    /** Whether expected returns were given or estimated (required by {@code cara} and {@code sparse_l1}). */
    public boolean hasExpectedReturns() {
        return hasMu;
    }

    /** Returns a copy of the expected returns (zeros if none were given). */
    public double[] expectedReturns() {
        return mu.clone();
    }

    /** Returns a copy of the covariance matrix, ridge included. */
    public double[][] covariance() {
        int n = size();
        double[][] c = new double[n][n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(sigma, i * n, c[i], 0, n);
        }
        return c;
    }

    /** Returns the risk aversion {@code gamma > 0}. */
    public double gamma() {
        return gamma;
    }

    /** Returns the L1 penalty {@code rho >= 0}. */
    public double rho() {
        return rho;
    }

    /** Returns the ridge added to the diagonal of the given covariance. */
    public double ridge() {
        return ridge;
    }

    /** Whether per-asset bounds were given (only {@code cara} accepts them). */
    public boolean hasBounds() {
        return hasBounds;
    }

    /** Returns a copy of the lower bounds (0 for every asset unless given). */
    public double[] lowerBounds() {
        return lower.clone();
    }

    /** Returns a copy of the upper bounds (+Infinity for every asset unless given). */
    public double[] upperBounds() {
        return upper.clone();
    }

    /**
     * Returns the general linear constraints (group limits resolved to coefficient vectors), in the order added;
     * accepted by {@code cara}, {@code min_variance}, {@code max_sharpe} and the efficient frontier.
     */
    public List<LinearConstraint> linearConstraints() {
        return constraints;
    }

    /** Returns the turnover limit, if one was given (accepted by the same methods as linear constraints). */
    public java.util.Optional<TurnoverLimit> turnoverLimit() {
        return java.util.Optional.ofNullable(turnover);
    }

    /** Whether linear constraints or a turnover limit were given (they need the general QP solver). */
    boolean hasGeneralConstraints() {
        return !constraints.isEmpty() || turnover != null;
    }

    TurnoverLimit turnoverRaw() {
        return turnover;
    }

    /** Whether risk budgets were given (only {@code risk_parity} uses them). */
    public boolean hasRiskBudgets() {
        return hasBudgets;
    }

    /** Returns a copy of the risk budgets, normalised to sum to 1 (equal unless given). */
    public double[] riskBudgets() {
        return budgets.clone();
    }

    /** Returns the numerical rank of the covariance found by the positive-semidefiniteness check. */
    public int numericalRank() {
        return rank;
    }

    double[] sigmaFlat() {
        return sigma;
    }

    /** The pivoted Cholesky factor of Sigma when it has full rank (else null); see {@link #pivot()}. */
    double[] factor() {
        return factor;
    }

    /** The pivot order of {@link #factor()}: {@code Sigma[pivot[i]][pivot[j]] = (L L')[i][j]}. */
    int[] pivot() {
        return pivot;
    }

    double[] muRaw() {
        return mu;
    }

    double[] lowerRaw() {
        return lower;
    }

    double[] upperRaw() {
        return upper;
    }

    double[] budgetsRaw() {
        return budgets;
    }

    /** Builder of {@link PortfolioProblem}; not thread-safe. */
    public static final class Builder {
        private final List<String> symbols;
        private double[] mu;
        private double[][] covariance;
        private double gamma = DEFAULT_GAMMA;
        private double rho = DEFAULT_RHO;
        private double[] lower;
        private double[] upper;
        private double[] budgets;
        private double ridge;
        /** {@link LinearConstraint}s and pending group limits, in the order added. */
        private final List<Object> constraints = new ArrayList<>();
        private TurnoverLimit turnover;

        private Builder(List<String> symbols) {
            this.symbols = symbols;
        }

        /**
         * Sets the expected returns, one per symbol, in the same units as the covariance.
         *
         * @param mu expected returns (copied)
         * @return this builder
         */
        public Builder expectedReturns(double[] mu) {
            this.mu = mu == null ? null : mu.clone();
            return this;
        }

        /**
         * Sets the covariance matrix (symmetric, positive semidefinite, one row per symbol).
         *
         * @param covariance the matrix (copied at {@link #build()})
         * @return this builder
         */
        public Builder covariance(double[][] covariance) {
            this.covariance = covariance;
            return this;
        }

        /**
         * Estimates expected returns and covariance from a return matrix and annualises both by
         * {@code periodsPerYear} (see {@link CovarianceEstimate#annualised(double)}; pass 1 to keep them per
         * period).
         *
         * @param returns        {@code T x n} per-period returns, one column per symbol (not modified)
         * @param estimator      the covariance estimator
         * @param periodsPerYear periods per year, e.g. 252 for daily bars
         * @return this builder
         */
        public Builder estimateFrom(double[][] returns, CovarianceEstimator estimator, double periodsPerYear) {
            Objects.requireNonNull(estimator, "estimator");
            if (returns != null && returns.length > 0 && returns[0] != null && symbols != null
                    && returns[0].length != symbols.size()) {
                throw new InvalidParameterException("returns",
                        "returns must have one column per symbol (" + symbols.size()
                        + "), got " + returns[0].length);
            }
            CovarianceEstimate e = estimator.estimate(returns).annualised(periodsPerYear);
            this.mu = e.mean();
            this.covariance = e.covariance();
            return this;
        }

        /**
         * Sets the risk aversion (default {@value PortfolioProblem#DEFAULT_GAMMA}).
         *
         * @param gamma finite, > 0
         * @return this builder
         */
        public Builder gamma(double gamma) {
            this.gamma = gamma;
            return this;
        }

        /**
         * Sets the L1 penalty of {@code sparse_l1} (default {@value PortfolioProblem#DEFAULT_RHO}).
         *
         * @param rho finite, >= 0
         * @return this builder
         */
        public Builder rho(double rho) {
            this.rho = rho;
            return this;
        }

        /**
         * Sets per-asset bounds for {@code cara}; either may be null (defaults 0 and +Infinity). Use
         * {@code -Infinity} / {@code +Infinity} for no bound.
         *
         * @param lower lower bounds (copied)
         * @param upper upper bounds (copied)
         * @return this builder
         */
        public Builder bounds(double[] lower, double[] upper) {
            this.lower = lower == null ? null : lower.clone();
            this.upper = upper == null ? null : upper.clone();
            return this;
        }

        /**
         * Sets risk budgets for {@code risk_parity} (positive; normalised to sum to 1).
         *
         * @param budgets one budget per symbol (copied)
         * @return this builder
         */
        public Builder riskBudgets(double[] budgets) {
            this.budgets = budgets == null ? null : budgets.clone();
            return this;
        }

        /**
         * Adds {@code ridge * I} to the covariance: the documented regularisation for a singular covariance.
         *
         * @param ridge finite, >= 0 (default 0)
         * @return this builder
         */
        public Builder ridge(double ridge) {
            this.ridge = ridge;
            return this;
        }

        /**
         * Adds a general linear constraint {@code min <= coefficients' w <= max} (for {@code cara},
         * {@code min_variance}, {@code max_sharpe} and the efficient frontier).
         *
         * @param constraint the constraint; its coefficients must have one entry per symbol
         * @return this builder
         */
        public Builder linearConstraint(LinearConstraint constraint) {
            constraints.add(Objects.requireNonNull(constraint, "constraint"));
            return this;
        }

        /**
         * Adds a group (sector) limit: the weights of {@code members} sum to a value in {@code [min, max]}.
         *
         * @param name    a non-blank label, used in error messages
         * @param members the group's symbols (each one of the problem's symbols, once)
         * @param min     the lower limit of the group's total weight, a number or -Infinity
         * @param max     the upper limit, a number or +Infinity, at least {@code min}
         * @return this builder
         */
        public Builder groupLimit(String name, java.util.Collection<String> members, double min, double max) {
            // Validate the name and limits now (members need the symbols: resolved at build).
            new LinearConstraint(name, new double[0], min, max);
            constraints.add(new LinearConstraint.PendingGroup(name, members == null ? null : new ArrayList<>(members), min, max));
            return this;
        }

        /**
         * Limits the turnover against the current weights: {@code sum_i |w_i - currentWeights_i| <= maxTurnover}.
         *
         * @param currentWeights one finite weight per symbol (copied)
         * @param maxTurnover    the budget, finite and {@code >= 0}
         * @return this builder
         */
        public Builder turnoverLimit(double[] currentWeights, double maxTurnover) {
            this.turnover = new TurnoverLimit(currentWeights, maxTurnover);
            return this;
        }

        /**
         * Validates and builds the problem.
         *
         * @return the problem
         * @throws InvalidParameterException naming the field and value when anything is invalid
         */
        public PortfolioProblem build() {
            return new PortfolioProblem(this);
        }
    }
}

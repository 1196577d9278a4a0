package io.hfthot.quant.portfolio;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.qp.QpResult;
import io.hfthot.quant.qp.QpSolver;
import io.hfthot.quant.qp.QuadraticProgram;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The portfolio methods under general linear constraints and a turnover limit, as {@link QuadraticProgram}s solved
 * by {@link QpSolver}. Variables are the weights {@code w} (then, for a turnover limit, epigraph variables
 * {@code t_i >= |w_i - current_i|} with {@code sum t <= maxTurnover}); {@code max_sharpe} uses the homogenised
 * variables {@code y = kappa w}, {@code kappa >= 0} of the tangency problem (Cornuejols and Tutuncu, Optimization
 * Methods in Finance, section 8.2): minimise {@code y'Sigma y} subject to {@code mu'y = 1}, {@code sum y = kappa} and
 * every constraint multiplied through by {@code kappa}, then {@code w = y / kappa}.
 *
 * <p>The epigraph variables get no bound {@code t >= 0}: the two rows imply it, and an asset kept at its current
 * weight would otherwise have three active constraints on two variables, a degenerate vertex on which ADMM and
 * polishing both stall.
 *
 * <p>Each result's {@code kktResidual} is the QP's ({@link QpResult#kktResidual()}): the largest of primal
 * infeasibility, stationarity and complementarity of the program solved, in the units of its cost gradient.
 */
final class ConstrainedPortfolios {
    /** A tangency solution with {@code kappa} below this fraction of {@code max |y|} has no budget portfolio. */
    static final double KAPPA_FLOOR = 1e-9;

    /**
     * The default top target is the return of the mean-variance portfolio with risk aversion
     * {@code TOP_RISK_AVERSION * max|mu_i| / max Sigma_ii}: a frontier point that trades a unit of variance for a
     * thousandth of a typical return, within a hair of the largest return the constraints allow. (That largest
     * return itself, the linear program {@code max mu'w}, sits on a degenerate face where ADMM crawls.)
     */
    static final double TOP_RISK_AVERSION = 1e-3;

    private ConstrainedPortfolios() {
    }

    /** {@code minimise (gamma/2) w'Sigma w - lin'w} subject to the budget, bounds, constraints and turnover. */
    static PortfolioResult meanVariance(String name, PortfolioProblem p, double[] lin, double gamma) {
        QpResult r = QpSolver.solve(meanVarianceProgram(p, lin, gamma));
        return weightResult(name, p, r, gamma, lin);
    }

    /**
     * The program {@link #meanVariance} solves (weights, then turnover epigraph variables); package-private so that
     * tests can read its multipliers.
     */
    static QuadraticProgram meanVarianceProgram(PortfolioProblem p, double[] lin, double gamma) {
        return weightProgram(p, gamma, lin, p.lowerRaw(), p.upperRaw()).build();
    }

    /** The tangency portfolio under the problem's bounds (shorts allowed without them), constraints and turnover. */
    static PortfolioResult maxSharpe(String name, PortfolioProblem p) {
        int n = p.size();
        TurnoverLimit turnover = p.turnoverRaw();
        int vars = n + 1 + (turnover != null ? n : 0);
        int kappa = n;
        double[][] quad = new double[vars][vars];
        double[][] s = p.covariance();
        for (int i = 0; i < n; i++) {
            System.arraycopy(s[i], 0, quad[i], 0, n);
        }
        QuadraticProgram.Builder b = QuadraticProgram.builder(vars).quadratic(quad);
        double[] row = new double[vars];
        System.arraycopy(p.muRaw(), 0, row, 0, n);
        b.equality(row, 1.0);
        row = new double[vars];
        Arrays.fill(row, 0, n, 1.0);
        row[kappa] = -1.0;
        b.equality(row, 0.0);
        if (p.hasBounds()) {
            for (int i = 0; i < n; i++) {
                double[] e = new double[n];
                e[i] = 1.0;
                homogeneous(b, vars, e, p.lowerRaw()[i], p.upperRaw()[i], kappa);
            }
        }
        for (LinearConstraint c : p.linearConstraints()) {
            homogeneous(b, vars, c.coefficientsRaw(), c.min(), c.max(), kappa);
        }
        double[] lo = new double[vars];
        Arrays.fill(lo, Double.NEGATIVE_INFINITY);
        lo[kappa] = 0.0;
        if (turnover != null) {
            double[] current = turnover.currentRaw();
            double[] budget = new double[vars];
            for (int i = 0; i < n; i++) {
                // y_i - t_i - current_i kappa <= 0 and y_i + t_i - current_i kappa >= 0.
                row = new double[vars];
                row[i] = 1.0;
                row[n + 1 + i] = -1.0;
                row[kappa] = -current[i];
                b.constraint(row, Double.NEGATIVE_INFINITY, 0.0);
                row = row.clone();
                row[n + 1 + i] = 1.0;
                b.constraint(row, 0.0, Double.POSITIVE_INFINITY);
                budget[n + 1 + i] = 1.0;
            }
            budget[kappa] = -turnover.maxTurnover();
            b.constraint(budget, Double.NEGATIVE_INFINITY, 0.0);
        }
        QpResult r = QpSolver.solve(b.bounds(lo, null).build());
        double[] x = r.x();
        double k = x[kappa];
        double[] w = new double[n];
        SolverStatus status = r.status();
        double scale = 0;
        for (int i = 0; i < n; i++) {
            scale = Math.max(scale, Math.abs(x[i]));
        }
        if (status.isUsable() && !(k > KAPPA_FLOOR * scale)) {
            // The supremum of the Sharpe ratio is approached only as the budget portfolio's size goes to 0.
            status = SolverStatus.INFEASIBLE;
        }
        for (int i = 0; i < n; i++) {
            w[i] = k > 0 ? x[i] / k : 1.0 / n;
        }
        PortfolioWorkspace ws = new PortfolioWorkspace(n);
        PortfolioResult base = Portfolios.result(name, p, ws, w, status, r.iterations());
        return new PortfolioResult(name, p.symbols(), w, status, base.objective(), r.iterations(), r.kktResidual(),
                base.riskContributions(), base.nonZeroCount());
    }

    /** Adds {@code min kappa <= a'y <= max kappa} as one or two homogeneous rows (infinite limits dropped). */
    private static void homogeneous(QuadraticProgram.Builder b, int vars, double[] a, double min, double max,
                                    int kappa) {
        if (min == max) {
            double[] row = Arrays.copyOf(a, vars);
            row[kappa] = -min;
            b.equality(row, 0.0);
            return;
        }
        if (min != Double.NEGATIVE_INFINITY) {
            double[] row = Arrays.copyOf(a, vars);
            row[kappa] = -min;
            b.constraint(row, 0.0, Double.POSITIVE_INFINITY);
        }
        if (max != Double.POSITIVE_INFINITY) {
            double[] row = Arrays.copyOf(a, vars);
            row[kappa] = -max;
            b.constraint(row, Double.NEGATIVE_INFINITY, 0.0);
        }
    }

    /**
     * The efficient frontier under the problem's bounds (shorts allowed without them), constraints and turnover:
     * targets from the constrained minimum-variance return to {@code maxReturn} (NaN: the return of the
     * mean-variance portfolio at the low risk aversion of {@link #topRiskAversion}, which is then the top point).
     */
    static List<PortfolioResult> frontier(String name, PortfolioProblem p, int points, double maxReturn) {
        int n = p.size();
        double[] lo = p.hasBounds() ? p.lowerRaw() : filled(n, Double.NEGATIVE_INFINITY);
        double[] hi = p.hasBounds() ? p.upperRaw() : filled(n, Double.POSITIVE_INFINITY);
        double[] zero = new double[n];
        double[] mu = p.muRaw();
        QpResult minVar = QpSolver.solve(weightProgram(p, 1.0, zero, lo, hi).build());
        if (!minVar.status().isUsable()) {
            return copies(weightResult(name, p, minVar, 1.0, zero), points);
        }
        double rMin = dot(mu, minVar.x());
        double rMax = maxReturn;
        QpResult top = null;
        if (Double.isNaN(maxReturn)) {
            double gamma = topRiskAversion(p);
            top = QpSolver.solve(weightProgram(p, gamma, mu, lo, hi).build());
            if (!top.status().isUsable()) {
                return copies(weightResult(name, p, top, gamma, mu), points);
            }
            rMax = Math.max(rMin, dot(mu, top.x()));
        } else if (!(maxReturn > rMin) || !Double.isFinite(maxReturn)) {
            throw new io.hfthot.quant.InvalidParameterException("maxReturn", "maxReturn must be a finite number above "
                    + "the constrained minimum-variance return " + rMin + ", got " + maxReturn);
        }
        double[] target = Arrays.copyOf(mu, weightVariables(p));
        List<PortfolioResult> out = new ArrayList<>(points);
        QpResult previous = null;
        for (int k = 0; k < points; k++) {
            if (k == points - 1 && top != null) {
                // The mean-variance portfolio is the minimum-variance portfolio for its own return (its KKT
                // conditions are those of the target problem with the target's multiplier 1/gamma), so the top
                // point is that solution itself; the target QP would carry a multiplier of 1/gamma, which ADMM
                // converges to slowly.
                out.add(weightResult(name, p, top, 1.0, zero));
                break;
            }
            double r = rMin + (rMax - rMin) * k / (points - 1);
            QuadraticProgram qp = weightProgram(p, 1.0, zero, lo, hi).equality(target, r).build();
            QpResult res = QpSolver.solve(qp, previous);
            previous = res;
            out.add(weightResult(name, p, res, 1.0, zero));
        }
        return out;
    }

    /** {@link #TOP_RISK_AVERSION} {@code * max|mu_i| / max Sigma_ii}. */
    static double topRiskAversion(PortfolioProblem p) {
        double muScale = 0;
        double varScale = 0;
        double[] sigma = p.sigmaFlat();
        int n = p.size();
        for (int i = 0; i < n; i++) {
            muScale = Math.max(muScale, Math.abs(p.muRaw()[i]));
            varScale = Math.max(varScale, sigma[i * n + i]);
        }
        return TOP_RISK_AVERSION * Math.max(muScale, Double.MIN_NORMAL) / Math.max(varScale, Double.MIN_NORMAL);
    }

    private static int weightVariables(PortfolioProblem p) {
        return p.turnoverRaw() != null ? 2 * p.size() : p.size();
    }

    /**
     * The weight-space program {@code minimise (gamma/2) w'Sigma w - lin'w} with the budget, bounds {@code lo, hi},
     * the problem's linear constraints and its turnover limit (epigraph variables after the weights).
     */
    private static QuadraticProgram.Builder weightProgram(PortfolioProblem p, double gamma, double[] lin, double[] lo,
                                                          double[] hi) {
        int n = p.size();
        TurnoverLimit turnover = p.turnoverRaw();
        int vars = weightVariables(p);
        QuadraticProgram.Builder b = QuadraticProgram.builder(vars);
        if (gamma > 0) {
            double[][] quad = new double[vars][vars];
            double[][] s = p.covariance();
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    quad[i][j] = gamma * s[i][j];
                }
            }
            b.quadratic(quad);
        }
        double[] q = new double[vars];
        for (int i = 0; i < n; i++) {
            q[i] = -lin[i];
        }
        b.linear(q);
        double[] budget = new double[vars];
        Arrays.fill(budget, 0, n, 1.0);
        b.equality(budget, 1.0);
        for (LinearConstraint c : p.linearConstraints()) {
            b.constraint(Arrays.copyOf(c.coefficientsRaw(), vars), c.min(), c.max());
        }
        double[] lower = Arrays.copyOf(lo, vars);
        double[] upper = Arrays.copyOf(hi, vars);
        if (turnover != null) {
            double[] current = turnover.currentRaw();
            double[] total = new double[vars];
            for (int i = 0; i < n; i++) {
                // w_i - t_i <= current_i and w_i + t_i >= current_i: t_i >= |w_i - current_i|.
                double[] row = new double[vars];
                row[i] = 1.0;
                row[n + i] = -1.0;
                b.constraint(row, Double.NEGATIVE_INFINITY, current[i]);
                row = row.clone();
                row[n + i] = 1.0;
                b.constraint(row, current[i], Double.POSITIVE_INFINITY);
                total[n + i] = 1.0;
                lower[n + i] = Double.NEGATIVE_INFINITY;
                upper[n + i] = Double.POSITIVE_INFINITY;
            }
            b.constraint(total, Double.NEGATIVE_INFINITY, turnover.maxTurnover());
        }
        return b.bounds(lower, upper);
    }

    /** A result over the first {@code n} variables of a weight-space solve. */
    private static PortfolioResult weightResult(String name, PortfolioProblem p, QpResult r, double gamma,
                                                double[] lin) {
        int n = p.size();
        double[] w = Arrays.copyOf(r.x(), n);
        double[] sw = new double[n];
        DenseKernels.multiply(p.sigmaFlat(), n, w, sw);
        double[] rc = new double[n];
        double var = 0;
        double ret = 0;
        for (int i = 0; i < n; i++) {
            rc[i] = w[i] * sw[i];
            var += rc[i];
            ret += lin[i] * w[i];
        }
        return new PortfolioResult(name, p.symbols(), w, r.status(), 0.5 * gamma * var - ret, r.iterations(),
                r.kktResidual(), rc, PortfolioResult.countNonZero(w));
    }

    private static List<PortfolioResult> copies(PortfolioResult r, int points) {
        List<PortfolioResult> out = new ArrayList<>(points);
        for (int k = 0; k < points; k++) {
            out.add(r);
        }
        return out;
    }

    private static double[] filled(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}

package io.hfthot.quant.portfolio;

import org.ojalgo.optimisation.Expression;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;

/**
 * Independent reference solutions from ojAlgo's convex QP solver (through {@link ExpressionsBasedModel}).
 */
final class OjAlgoReference {
    private OjAlgoReference() {
    }

    /** {@code min (gamma/2) w'Sw - mu'w, sum w = 1, lo <= w <= hi} (infinite bounds omitted). */
    static double[] cara(double[][] s, double[] mu, double gamma, double[] lo, double[] hi) {
        int n = mu.length;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] v = new Variable[n];
        for (int i = 0; i < n; i++) {
            v[i] = model.addVariable("w" + i);
            if (Double.isFinite(lo[i])) {
                v[i].lower(lo[i]);
            }
            if (Double.isFinite(hi[i])) {
                v[i].upper(hi[i]);
            }
        }
        Expression budget = model.addExpression("budget").level(1.0);
        Expression objective = model.addExpression("objective").weight(1.0);
        for (int i = 0; i < n; i++) {
            budget.set(v[i], 1.0);
            objective.set(v[i], -mu[i]);
            for (int j = 0; j < n; j++) {
                objective.set(v[i], v[j], 0.5 * gamma * s[i][j]);
            }
        }
        return solve(model, n, 0);
    }

    /**
     * The sparse_l1 problem with epigraph variables: {@code min (gamma/2) w'Sw - mu'w + rho sum t},
     * {@code t_i - w_i >= 0}, {@code t_i + w_i >= 0}, {@code sum w = 1}. (The sign-split form with a singular
     * Hessian made ojAlgo stop at a feasible, non-optimal point that it reported as optimal.)
     */
    static double[] sparseL1(double[][] s, double[] mu, double gamma, double rho) {
        int n = mu.length;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] w = new Variable[n];
        Variable[] t = new Variable[n];
        for (int i = 0; i < n; i++) {
            w[i] = model.addVariable("w" + i);
        }
        for (int i = 0; i < n; i++) {
            t[i] = model.addVariable("t" + i).lower(0.0);
        }
        Expression budget = model.addExpression("budget").level(1.0);
        Expression objective = model.addExpression("objective").weight(1.0);
        for (int i = 0; i < n; i++) {
            budget.set(w[i], 1.0);
            model.addExpression("up" + i).lower(0.0).set(t[i], 1.0).set(w[i], -1.0);
            model.addExpression("down" + i).lower(0.0).set(t[i], 1.0).set(w[i], 1.0);
            objective.set(w[i], -mu[i]);
            objective.set(t[i], rho);
            for (int j = 0; j < n; j++) {
                objective.set(w[i], w[j], 0.5 * gamma * s[i][j]);
            }
        }
        return solve(model, n, 0);
    }

    /**
     * {@code min (gamma/2) w'Sw - mu'w, sum w = 1, lo <= w <= hi}, rows {@code min_k <= a_k'w <= max_k}, and, if
     * {@code current} is not null, {@code sum |w - current| <= turnover} through epigraph variables; optionally
     * {@code targetReturns'w >= target} (NaN: none).
     */
    static double[] constrained(double[][] s, double[] mu, double gamma, double[] lo, double[] hi,
                                java.util.List<io.hfthot.quant.portfolio.LinearConstraint> rows, double[] current,
                                double turnover, double[] targetReturns, double target) {
        int n = mu.length;
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] v = new Variable[n];
        for (int i = 0; i < n; i++) {
            v[i] = model.addVariable("w" + i);
            if (Double.isFinite(lo[i])) {
                v[i].lower(lo[i]);
            }
            if (Double.isFinite(hi[i])) {
                v[i].upper(hi[i]);
            }
        }
        Expression budget = model.addExpression("budget").level(1.0);
        Expression objective = model.addExpression("objective").weight(1.0);
        for (int i = 0; i < n; i++) {
            budget.set(v[i], 1.0);
            objective.set(v[i], -mu[i]);
            for (int j = 0; j < n; j++) {
                objective.set(v[i], v[j], 0.5 * gamma * s[i][j]);
            }
        }
        if (!Double.isNaN(target)) {
            // mu'w >= target: the same optimum on the efficient part of the frontier, and ojAlgo's active set
            // declared some equality-targeted problems with a turnover budget infeasible.
            Expression e = model.addExpression("target").lower(target);
            for (int i = 0; i < n; i++) {
                e.set(v[i], targetReturns[i]);
            }
        }
        int k = 0;
        for (io.hfthot.quant.portfolio.LinearConstraint c : rows) {
            Expression e = model.addExpression("row" + k++);
            if (Double.isFinite(c.min())) {
                e.lower(c.min());
            }
            if (Double.isFinite(c.max())) {
                e.upper(c.max());
            }
            double[] a = c.coefficients();
            for (int i = 0; i < n; i++) {
                e.set(v[i], a[i]);
            }
        }
        if (current != null) {
            Expression total = model.addExpression("turnover").upper(turnover);
            for (int i = 0; i < n; i++) {
                Variable t = model.addVariable("t" + i).lower(0.0);
                model.addExpression("up" + i).lower(-current[i]).set(t, 1.0).set(v[i], -1.0);
                model.addExpression("down" + i).lower(current[i]).set(t, 1.0).set(v[i], 1.0);
                total.set(t, 1.0);
            }
        }
        return solve(model, n, 0);
    }

    private static double[] solve(ExpressionsBasedModel model, int n, int minusOffset) {
        Optimisation.Result r = model.minimise();
        if (!r.getState().isOptimal()) {
            throw new IllegalStateException("ojAlgo did not solve the reference problem: " + r.getState());
        }
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = r.doubleValue(i) - (minusOffset > 0 ? r.doubleValue(minusOffset + i) : 0.0);
        }
        return w;
    }
}

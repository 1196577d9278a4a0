package io.hfthot.quant.portfolio;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.SolverStatus;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of one optimisation: weights in the problem's symbol order, a status and diagnostics.
 *
 * @param method            the optimiser's name ({@code cara}, {@code risk_parity}, {@code sparse_l1})
 * @param symbols           the symbols, in the problem's order
 * @param weights           the weights, summing to 1 (copied in and out)
 * @param status            how the solver ended; use the weights only if {@link SolverStatus#isUsable()}
 *                          ({@code CANCELLED} when the computing thread was interrupted: the last iterate)
 * @param objective         the value, at the weights, of the function the method <em>minimises</em> (one sign
 *                          convention for every method: lower is better), as documented by each optimiser
 * @param iterations        active-set iterations or coordinate-descent cycles
 * @param kktResidual       the largest violation of the method's optimality conditions (see each optimiser)
 * @param riskContributions {@code w_i (Sigma w)_i} per asset; they sum to the portfolio variance (copied)
 * @param nonZeroCount      the number of weights with {@code |w_i| > }{@link #ZERO_WEIGHT}
 */
public record PortfolioResult(String method, List<String> symbols, double[] weights, SolverStatus status,
        double objective, int iterations, double kktResidual, double[] riskContributions, int nonZeroCount) {

    /** Weights at most this large in absolute value count as zero in {@link #nonZeroCount()}. */
    public static final double ZERO_WEIGHT = 1e-12;

    /** Validates shapes and takes defensive copies. */
    public PortfolioResult {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(status, "status");
        symbols = Collections.unmodifiableList(new ArrayList<>(symbols));
        if (weights.length != symbols.size() || riskContributions.length != symbols.size()) {
            throw new InvalidParameterException("weights",
                    "weights and riskContributions must have one entry per symbol ("
                    + symbols.size() + "), got " + weights.length + " and " + riskContributions.length);
        }
        weights = weights.clone();
        riskContributions = riskContributions.clone();
    }

    /** Returns a copy of the weights. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** Returns a copy of the risk contributions. */
    @Override
    public double[] riskContributions() {
        return riskContributions.clone();
    }

    /** Returns the weights keyed by symbol, in the problem's symbol order (unmodifiable). */
    public Map<String, Double> weightsBySymbol() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < weights.length; i++) {
            m.put(symbols.get(i), weights[i]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Returns the portfolio variance {@code w' Sigma w} (the sum of the risk contributions). */
    public double portfolioVariance() {
        double s = 0;
        for (double rc : riskContributions) {
            s += rc;
        }
        return s;
    }

    static int countNonZero(double[] w) {
        int c = 0;
        for (double v : w) {
            if (Math.abs(v) > ZERO_WEIGHT) {
                c++;
            }
        }
        return c;
    }
}

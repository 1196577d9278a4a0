package io.hfthot.quant.portfolio;

import io.hfthot.quant.InvalidParameterException;
import java.util.List;
import java.util.Map;

/**
 * The registry of built-in optimisers, looked up by the method names of the API.
 */
public final class PortfolioOptimizers {
    /** Mean-variance (CARA utility) optimiser name. */
    public static final String CARA = "cara";
    /** Risk-parity optimiser name. */
    public static final String RISK_PARITY = "risk_parity";
    /** L1-penalised mean-variance optimiser name. */
    public static final String SPARSE_L1 = "sparse_l1";
    /** Global minimum-variance optimiser name. */
    public static final String MIN_VARIANCE = "min_variance";
    /** Tangency (maximum Sharpe ratio) optimiser name. */
    public static final String MAX_SHARPE = "max_sharpe";
    /** Hierarchical risk parity name. */
    public static final String HRP = "hrp";

    private static final Map<String, PortfolioOptimizer> BY_NAME = Map.of(
            CARA, new CaraOptimizer(),
            RISK_PARITY, new RiskParityOptimizer(),
            SPARSE_L1, new SparseL1Optimizer(),
            MIN_VARIANCE, new MinVarianceOptimizer(),
            MAX_SHARPE, new MaxSharpeOptimizer(),
            HRP, new HrpOptimizer());
    /** The seed's three methods first, in their order, then the later ones. */
    private static final List<String> NAMES = List.of(CARA, RISK_PARITY, SPARSE_L1, MIN_VARIANCE, MAX_SHARPE, HRP);

    private PortfolioOptimizers() {
    }

    /** Returns the accepted method names. */
    public static List<String> names() {
        return NAMES;
    }

    /**
     * Returns the optimiser for a method name.
     *
     * @param method one of {@link #names()}
     * @return the (stateless, shared) optimiser
     * @throws IllegalArgumentException naming the accepted methods when {@code method} is unknown
     */
    public static PortfolioOptimizer byName(String method) {
        PortfolioOptimizer o = method == null ? null : BY_NAME.get(method);
        if (o == null) {
            throw new InvalidParameterException("method", "method must be one of " + NAMES + ", got '" + method + "'");
        }
        return o;
    }
}

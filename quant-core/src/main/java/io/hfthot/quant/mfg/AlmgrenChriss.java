package io.hfthot.quant.mfg;

import io.hfthot.quant.Checks;

/**
 * Almgren-Chriss optimal liquidation with a terminal penalty: the {@code alpha = 0} limit of the
 * mean-field game, where no agent's price depends on the crowd.
 *
 * <p>With {@code gamma = sqrt(phi / kappa)} the optimal inventory is
 * {@code q(t) = q0 [gamma kappa cosh(gamma (T - t)) + A sinh(gamma (T - t))]
 * / [gamma kappa cosh(gamma T) + A sinh(gamma T)]}; as {@code A -> infinity} this becomes the textbook
 * {@code q0 sinh(gamma (T - t)) / sinh(gamma T)}. The hyperbolic functions are evaluated divided by
 * {@code exp(gamma T)} so that long horizons do not overflow. This class is an independent check of
 * {@link MeanInventoryOde} and of the solver.
 */
public final class AlmgrenChriss {
    private AlmgrenChriss() {
    }

    /**
     * The optimal inventory at time t.
     *
     * @param kappa           temporary impact (> 0)
     * @param phi             running penalty (>= 0)
     * @param terminalPenalty terminal penalty A (>= 0)
     * @param horizon         horizon T (> 0)
     * @param initial         the inventory at time 0
     * @param t               time in {@code [0, T]}
     * @return the inventory
     */
    public static double inventory(double kappa, double phi, double terminalPenalty, double horizon,
            double initial, double t) {
        Checks.positive(kappa, "kappa");
        Checks.nonNegative(phi, "phi");
        Checks.nonNegative(terminalPenalty, "terminalPenalty");
        Checks.positive(horizon, "horizon");
        if (phi == 0) {
            return initial * (1 - terminalPenalty * t / (kappa + terminalPenalty * horizon));
        }
        double g = Math.sqrt(phi / kappa);
        double eA = Math.exp(-g * t);
        double eB = Math.exp(-g * (2 * horizon - t));
        double e2 = Math.exp(-2 * g * horizon);
        double num = g * kappa * (eA + eB) + terminalPenalty * (eA - eB);
        double den = g * kappa * (1 + e2) + terminalPenalty * (1 - e2);
        return initial * num / den;
    }
}

package io.hfthot.quant.portfolio;

import io.hfthot.quant.InvalidParameterException;

/**
 * A turnover budget against the current holdings: {@code sum_i |w_i - current_i| <= maxTurnover} (one-way turnover
 * counted on both sides: selling 10% of one asset to buy 10% of another is 0.2). Added to a problem with
 * {@link PortfolioProblem.Builder#turnoverLimit(double[], double)}; solved exactly through epigraph variables
 * {@code t_i >= |w_i - current_i|}.
 *
 * @param currentWeights the current weights, one finite number per asset (they need not sum to 1; copied in and out)
 * @param maxTurnover    the budget, finite and {@code >= 0} (0 keeps the current weights)
 */
public record TurnoverLimit(double[] currentWeights, double maxTurnover) {

    /** Validates and copies. */
    public TurnoverLimit {
        if (currentWeights == null) {
            throw new InvalidParameterException("currentWeights", "currentWeights must not be null");
        }
        for (int i = 0; i < currentWeights.length; i++) {
            if (!Double.isFinite(currentWeights[i])) {
                throw new InvalidParameterException("currentWeights", "currentWeights[" + i
                        + "] must be a finite number, got " + currentWeights[i]);
            }
        }
        if (!(maxTurnover >= 0) || !Double.isFinite(maxTurnover)) {
            throw new InvalidParameterException("maxTurnover", "maxTurnover must be a finite number >= 0, got "
                    + maxTurnover);
        }
        currentWeights = currentWeights.clone();
    }

    /** Returns a copy of the current weights. */
    @Override
    public double[] currentWeights() {
        return currentWeights.clone();
    }

    double[] currentRaw() {
        return currentWeights;
    }
}

package io.hfthot.quant.marketmaking;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * Market parameters the bot's settings do not carry: volatility per regime, risk aversion, fill
 * intensity and the rolling horizon. Time is in seconds, prices in dollars, inventory in lots.
 *
 * @param lowVolSigma    price volatility in LOW_VOL, dollars per sqrt(second) (>= 0)
 * @param highVolSigma   price volatility in HIGH_VOL, dollars per sqrt(second) (>= lowVolSigma)
 * @param riskAversion   CARA risk aversion per dollar of P&amp;L per lot (> 0)
 * @param intensityA     fills per second for a quote at the mid (> 0)
 * @param intensityK     decay of the fill rate per dollar of distance (> 0)
 * @param horizonSeconds the rolling horizon {@code T - t} used for the time left (>= 0)
 */
public record QuotingCalibration(double lowVolSigma, double highVolSigma, double riskAversion, double intensityA,
        double intensityK, double horizonSeconds) {

    /** Validates every field. */
    public QuotingCalibration {
        Checks.nonNegative(lowVolSigma, "lowVolSigma");
        Checks.nonNegative(highVolSigma, "highVolSigma");
        if (highVolSigma < lowVolSigma) {
            throw new InvalidParameterException("highVolSigma",
                    "highVolSigma must be >= lowVolSigma = " + lowVolSigma + ", got "
                    + highVolSigma);
        }
        Checks.positive(riskAversion, "riskAversion");
        Checks.positive(intensityA, "intensityA");
        Checks.positive(intensityK, "intensityK");
        Checks.nonNegative(horizonSeconds, "horizonSeconds");
    }

    /**
     * Defaults for a prediction-market token priced in [0, 1] dollars (seed 003's midpoint): LOW_VOL
     * {@code 3e-4} and HIGH_VOL {@code 1.2e-3} dollars per sqrt(second) (about 0.23 and 0.93 cents
     * per minute), risk aversion 50 per dollar, {@code A = 0.5} fills per second at the mid,
     * {@code k = 100} per dollar (the fill rate falls by e per cent of distance), 600-second
     * horizon.
     *
     * @return the defaults
     */
    public static QuotingCalibration defaults() {
        return new QuotingCalibration(3e-4, 1.2e-3, 50, 0.5, 100, 600);
    }

    /**
     * The volatility of a regime.
     *
     * @param state the regime
     * @return sigma
     */
    public double sigma(VolState state) {
        return state == VolState.HIGH_VOL ? highVolSigma : lowVolSigma;
    }
}

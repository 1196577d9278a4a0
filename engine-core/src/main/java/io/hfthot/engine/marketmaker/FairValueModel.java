package io.hfthot.engine.marketmaker;

/**
 * The fair value of the binary token "the reference (BTC-USDT) trades above {@code strike}": a logistic function
 * of the log-moneyness, {@code p = 1 / (1 + exp(-ln(S / K) / scale))}, clamped to {@code [floor, 1 - floor]}
 * so that it stays quotable. At the strike the token is worth 0.5; a reference move of {@code scale} (relative)
 * moves the log-odds by one.
 *
 * @param strike the strike {@code K} in the reference's currency, {@code > 0}
 * @param scale  the relative move of the reference per unit of log-odds, {@code > 0}
 * @param floor  the smallest fair value (and one minus the largest), in [0, 0.5)
 */
public record FairValueModel(double strike, double scale, double floor) {
    /** Validates the fields, naming the offending one. */
    public FairValueModel {
        if (!(strike > 0) || !Double.isFinite(strike)) {
            throw new IllegalArgumentException("strike must be a finite number > 0, got " + strike);
        }
        if (!(scale > 0) || !Double.isFinite(scale)) {
            throw new IllegalArgumentException("scale must be a finite number > 0, got " + scale);
        }
        if (!(floor >= 0 && floor < 0.5)) {
            throw new IllegalArgumentException("floor must be in [0, 0.5), got " + floor);
        }
    }

    /**
     * A model struck at the given reference price, with a 2% scale and a 0.02 floor.
     *
     * @param strike the strike
     * @return the model
     */
    public static FairValueModel struckAt(double strike) {
        return new FairValueModel(strike, 0.02, 0.02);
    }

    /**
     * The token's fair value at a reference price.
     *
     * @param reference the reference price, {@code > 0}
     * @return the fair value in {@code [floor, 1 - floor]}
     */
    public double fairValue(double reference) {
        if (!(reference > 0) || !Double.isFinite(reference)) {
            throw new IllegalArgumentException("reference price must be a finite number > 0, got " + reference);
        }
        double p = 1 / (1 + Math.exp(-Math.log(reference / strike) / scale));
        return Math.min(1 - floor, Math.max(floor, p));
    }
}

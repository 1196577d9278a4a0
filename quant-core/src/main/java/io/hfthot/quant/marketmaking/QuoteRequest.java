package io.hfthot.quant.marketmaking;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * What a quoting model needs to place one bid and one ask. Inventory is counted in lots (one lot is
 * the size of one quote), prices in quote currency, time in the unit of the volatility and of the
 * intensity (seconds for the bot mapping).
 *
 * @param mid          the reference (mid) price
 * @param inventory    the current inventory in lots (may be fractional for Avellaneda-Stoikov and
 *                     the asymptotic GLFT; GLFT exact needs a whole number in {@code [-Q, Q]})
 * @param volatility   the price volatility {@code sigma} per square root of time (>= 0)
 * @param timeLeft     the time to the end of the trading horizon {@code T - t} (>= 0)
 * @param riskAversion the CARA risk aversion {@code gamma} (> 0) per unit of quote currency
 * @param intensityA   the fill intensity at zero distance, {@code A} (> 0), per unit time
 * @param intensityK   the decay of the fill intensity with the distance, {@code k} (> 0), in
 *                     1 / quote currency: a quote at distance {@code d} fills at rate {@code A e^{-k d}}
 * @param maxInventory the inventory limit {@code Q} in lots (>= 1): no bid is quoted at {@code q >= Q},
 *                     no ask at {@code q <= -Q}
 */
public record QuoteRequest(double mid, double inventory, double volatility, double timeLeft, double riskAversion,
        double intensityA, double intensityK, int maxInventory) {

    /** Validates every field; the message names the field, its value and what is accepted. */
    public QuoteRequest {
        Checks.finite(mid, "mid");
        Checks.finite(inventory, "inventory");
        Checks.nonNegative(volatility, "volatility");
        Checks.nonNegative(timeLeft, "timeLeft");
        Checks.positive(riskAversion, "riskAversion");
        Checks.positive(intensityA, "intensityA");
        Checks.positive(intensityK, "intensityK");
        Checks.inRange(maxInventory, 1, 1_000_000, "maxInventory");
    }

    /**
     * The same request at another inventory.
     *
     * @param newInventory inventory in lots
     * @return a new request
     */
    public QuoteRequest withInventory(double newInventory) {
        return new QuoteRequest(mid, newInventory, volatility, timeLeft, riskAversion, intensityA, intensityK,
                maxInventory);
    }

    /**
     * The same request with another time left.
     *
     * @param newTimeLeft time to the horizon
     * @return a new request
     */
    public QuoteRequest withTimeLeft(double newTimeLeft) {
        return new QuoteRequest(mid, inventory, volatility, newTimeLeft, riskAversion, intensityA, intensityK,
                maxInventory);
    }

    /**
     * The same request with another inventory limit.
     *
     * @param newMaxInventory the limit Q in lots
     * @return a new request
     */
    public QuoteRequest withMaxInventory(int newMaxInventory) {
        return new QuoteRequest(mid, inventory, volatility, timeLeft, riskAversion, intensityA, intensityK,
                newMaxInventory);
    }

    /** Whether a bid may be quoted: buying one more lot keeps the inventory within the limit. */
    public boolean bidAllowed() {
        return inventory + 1 <= maxInventory + 1e-9;
    }

    /** Whether an ask may be quoted: selling one more lot keeps the inventory within the limit. */
    public boolean askAllowed() {
        return inventory - 1 >= -maxInventory - 1e-9;
    }

    /**
     * A builder with named parameters; every parameter must be set.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for a {@link QuoteRequest}; {@link #build()} names any parameter left unset. */
    public static final class Builder extends QuoteStateBuilder<Builder> {
        private double intensityA = Double.NaN;

        private Builder() {
            super(-1);
        }

        @Override
        Builder self() {
            return this;
        }

        /** @param value fill intensity at zero distance A @return this builder */
        public Builder intensityA(double value) {
            intensityA = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the request
         * @throws IllegalArgumentException naming the first parameter that is unset or invalid
         */
        public QuoteRequest build() {
            requireStateSet();
            Quoting.requireSet(intensityA, "intensityA");
            Quoting.requireSet(intensityK, "intensityK");
            if (maxInventory == -1) {
                throw new InvalidParameterException("maxInventory",
                        "maxInventory must be set (the inventory limit Q in lots, >= 1)");
            }
            return new QuoteRequest(mid, inventory, volatility, timeLeft, riskAversion, intensityA, intensityK,
                    maxInventory);
        }
    }
}

package io.hfthot.quant.marketmaking;

import io.hfthot.quant.Checks;

/**
 * What {@link AvellanedaStoikov} needs, and nothing more: the model does not use the intensity level {@code A},
 * and the inventory limit is optional (the paper has none; a bot usually sets one).
 *
 * @param mid          the reference (mid) price
 * @param inventory    the current inventory in lots (may be fractional)
 * @param volatility   the price volatility {@code sigma} per square root of time (>= 0)
 * @param timeLeft     the time to the end of the horizon {@code T - t} (>= 0)
 * @param riskAversion the CARA risk aversion {@code gamma} (> 0)
 * @param intensityK   the decay {@code k} (> 0) of the fill intensity with the distance, in 1 / quote currency
 * @param maxInventory the inventory limit {@code Q} in lots (>= 1), or {@link #NO_LIMIT}
 */
public record AvellanedaStoikovRequest(double mid, double inventory, double volatility, double timeLeft,
        double riskAversion, double intensityK, int maxInventory) {
    /** {@link #maxInventory()} when no inventory limit applies. */
    public static final int NO_LIMIT = Integer.MAX_VALUE;

    /** Validates every field; the message names the field, its value and what is accepted. */
    public AvellanedaStoikovRequest {
        Checks.finite(mid, "mid");
        Checks.finite(inventory, "inventory");
        Checks.nonNegative(volatility, "volatility");
        Checks.nonNegative(timeLeft, "timeLeft");
        Checks.positive(riskAversion, "riskAversion");
        Checks.positive(intensityK, "intensityK");
        Checks.inRange(maxInventory, 1, NO_LIMIT, "maxInventory");
    }

    /**
     * The Avellaneda-Stoikov part of a general request (its {@code intensityA} is dropped).
     *
     * @param request the request
     * @return the same market state and parameters
     */
    public static AvellanedaStoikovRequest of(QuoteRequest request) {
        return new AvellanedaStoikovRequest(request.mid(), request.inventory(), request.volatility(),
                request.timeLeft(), request.riskAversion(), request.intensityK(), request.maxInventory());
    }

    /**
     * A builder with named parameters; every parameter but the inventory limit must be set.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for an {@link AvellanedaStoikovRequest}; {@link #build()} names any parameter left unset. */
    public static final class Builder extends QuoteStateBuilder<Builder> {
        private Builder() {
            super(NO_LIMIT);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the request
         * @throws IllegalArgumentException naming the first parameter that is unset or invalid
         */
        public AvellanedaStoikovRequest build() {
            requireStateSet();
            Quoting.requireSet(intensityK, "intensityK");
            return new AvellanedaStoikovRequest(mid, inventory, volatility, timeLeft, riskAversion, intensityK,
                    maxInventory);
        }
    }
}

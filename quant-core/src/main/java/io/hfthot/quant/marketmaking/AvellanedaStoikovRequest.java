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
    public static final class Builder {
        private double mid = Double.NaN;
        private double inventory = Double.NaN;
        private double volatility = Double.NaN;
        private double timeLeft = Double.NaN;
        private double riskAversion = Double.NaN;
        private double intensityK = Double.NaN;
        private int maxInventory = NO_LIMIT;

        private Builder() {
        }

        /** @param value the mid price @return this builder */
        public Builder mid(double value) {
            mid = value;
            return this;
        }

        /** @param value inventory in lots @return this builder */
        public Builder inventory(double value) {
            inventory = value;
            return this;
        }

        /** @param value sigma per square root of time @return this builder */
        public Builder volatility(double value) {
            volatility = value;
            return this;
        }

        /** @param value time to the horizon @return this builder */
        public Builder timeLeft(double value) {
            timeLeft = value;
            return this;
        }

        /** @param value risk aversion gamma @return this builder */
        public Builder riskAversion(double value) {
            riskAversion = value;
            return this;
        }

        /** @param value intensity decay k @return this builder */
        public Builder intensityK(double value) {
            intensityK = value;
            return this;
        }

        /** @param value inventory limit Q in lots (default: no limit) @return this builder */
        public Builder maxInventory(int value) {
            maxInventory = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the request
         * @throws IllegalArgumentException naming the first parameter that is unset or invalid
         */
        public AvellanedaStoikovRequest build() {
            Quoting.requireSet(mid, "mid");
            Quoting.requireSet(inventory, "inventory");
            Quoting.requireSet(volatility, "volatility");
            Quoting.requireSet(timeLeft, "timeLeft");
            Quoting.requireSet(riskAversion, "riskAversion");
            Quoting.requireSet(intensityK, "intensityK");
            return new AvellanedaStoikovRequest(mid, inventory, volatility, timeLeft, riskAversion, intensityK,
                    maxInventory);
        }
    }
}

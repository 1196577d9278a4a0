package io.hfthot.quant.mfg;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * A crowded-execution mean-field game (Cardaliaguet and Lehalle, 2018) and the grid it is solved on.
 *
 * <p>Each agent holds inventory {@code q}, trades at speed {@code nu} ({@code dq = nu dt}), pays the
 * temporary impact {@code kappa nu^2} per unit time and sees the mid price move with the crowd's mean
 * trading speed {@code mu}: {@code dS = alpha mu dt + sigma dW}. It maximises
 * {@code E[X_T + q_T S_T - A q_T^2 - phi int q_t^2 dt]}. Time and inventory are in the caller's
 * units (the price-signal mapping uses minutes and lots); prices are in quote currency.
 *
 * @param horizon             the horizon {@code T} (> 0)
 * @param kappa               temporary impact {@code kappa} (> 0), price x time per unit inventory^2
 * @param alpha               permanent impact {@code alpha} of the mean trading speed (>= 0)
 * @param phi                 running inventory penalty {@code phi} (>= 0)
 * @param terminalPenalty     terminal inventory penalty {@code A} (>= 0)
 * @param initialPrice        the mid price {@code S0} at time 0
 * @param volatility          the price volatility {@code sigma} (>= 0); it does not move the mean
 *                            inventory (the value function is affine in S) and is reported only
 * @param initialMean         the centre {@code E0} of the initial inventory distribution
 * @param initialStd          the standard deviation of the initial (Gaussian, truncated to the grid)
 *                            inventory distribution (> 0)
 * @param inventoryMin        the lowest inventory on the grid
 * @param inventoryMax        the highest inventory on the grid (> inventoryMin)
 * @param timeSteps           the number of time steps (>= 1)
 * @param inventoryNodes      the number of inventory grid nodes (>= 3)
 * @param scheme              the HJB difference scheme
 */
public record MfgProblem(double horizon, double kappa, double alpha, double phi, double terminalPenalty,
        double initialPrice, double volatility, double initialMean, double initialStd,
        double inventoryMin, double inventoryMax, int timeSteps, int inventoryNodes, DifferenceScheme scheme) {

    /** Largest accepted number of time steps or grid nodes (keeps the workspace below ~2 GB). */
    public static final int MAX_GRID = 10_000_000;

    /** Validates every field; the message names the parameter, its value and what is accepted. */
    public MfgProblem {
        Checks.positive(horizon, "horizon");
        Checks.positive(kappa, "kappa");
        Checks.nonNegative(alpha, "alpha");
        Checks.nonNegative(phi, "phi");
        Checks.nonNegative(terminalPenalty, "terminalPenalty");
        Checks.finite(initialPrice, "initialPrice");
        Checks.nonNegative(volatility, "volatility");
        Checks.finite(initialMean, "initialMean");
        Checks.positive(initialStd, "initialStd");
        Checks.finite(inventoryMin, "inventoryMin");
        Checks.finite(inventoryMax, "inventoryMax");
        if (!(inventoryMax > inventoryMin)) {
            throw new InvalidParameterException("inventoryMax", "inventoryMax must be > inventoryMin = " + inventoryMin
                    + ", got " + inventoryMax);
        }
        if (initialMean < inventoryMin || initialMean > inventoryMax) {
            throw new InvalidParameterException("initialMean",
                    "initialMean must lie in [inventoryMin, inventoryMax] = ["
                    + inventoryMin + ", " + inventoryMax + "], got " + initialMean);
        }
        Checks.inRange(timeSteps, 1, MAX_GRID, "timeSteps");
        Checks.inRange(inventoryNodes, 3, MAX_GRID, "inventoryNodes");
        if ((long) timeSteps * inventoryNodes > 50_000_000L) {
            throw new InvalidParameterException("timeSteps", "timeSteps * inventoryNodes must be <= 50000000, got "
                    + timeSteps + " * " + inventoryNodes);
        }
        if (scheme == null) {
            throw new InvalidParameterException("scheme", "scheme must be one of UPWIND, LAX_FRIEDRICHS, got null");
        }
    }

    /**
     * A problem on a grid wide enough for the crowd: inventories from
     * {@code min(0, E0) - 6 s0} to {@code max(0, E0) + 6 s0}, so the initial distribution and the
     * liquidation target both lie well inside.
     *
     * @param horizon         the horizon T
     * @param kappa           temporary impact
     * @param alpha           permanent impact
     * @param phi             running penalty
     * @param terminalPenalty terminal penalty A
     * @param initialPrice    S0
     * @param volatility      sigma
     * @param initialMean     E0
     * @param initialStd      s0
     * @param timeSteps       number of time steps
     * @param inventoryNodes  number of inventory nodes
     * @param scheme          the difference scheme
     * @return the problem
     */
    public static MfgProblem withDefaultBounds(double horizon, double kappa, double alpha, double phi,
            double terminalPenalty, double initialPrice, double volatility, double initialMean, double initialStd,
            int timeSteps, int inventoryNodes, DifferenceScheme scheme) {
        Checks.finite(initialMean, "initialMean");
        Checks.positive(initialStd, "initialStd");
        double lo = Math.min(0, initialMean) - 6 * initialStd;
        double hi = Math.max(0, initialMean) + 6 * initialStd;
        return new MfgProblem(horizon, kappa, alpha, phi, terminalPenalty, initialPrice, volatility, initialMean,
                initialStd, lo, hi, timeSteps, inventoryNodes, scheme);
    }

    /**
     * The same model on another grid.
     *
     * @param newTimeSteps      number of time steps
     * @param newInventoryNodes number of inventory nodes
     * @return a new problem
     */
    public MfgProblem withGrid(int newTimeSteps, int newInventoryNodes) {
        return new MfgProblem(horizon, kappa, alpha, phi, terminalPenalty, initialPrice, volatility, initialMean,
                initialStd, inventoryMin, inventoryMax, newTimeSteps, newInventoryNodes, scheme);
    }

    /**
     * The same problem with another permanent impact.
     *
     * @param newAlpha permanent impact (>= 0)
     * @return a new problem
     */
    public MfgProblem withAlpha(double newAlpha) {
        return new MfgProblem(horizon, kappa, newAlpha, phi, terminalPenalty, initialPrice, volatility, initialMean,
                initialStd, inventoryMin, inventoryMax, timeSteps, inventoryNodes, scheme);
    }

    /**
     * The same problem with another difference scheme.
     *
     * @param newScheme the scheme
     * @return a new problem
     */
    public MfgProblem withScheme(DifferenceScheme newScheme) {
        return new MfgProblem(horizon, kappa, alpha, phi, terminalPenalty, initialPrice, volatility, initialMean,
                initialStd, inventoryMin, inventoryMax, timeSteps, inventoryNodes, newScheme);
    }

    /**
     * A builder with named parameters. Every model parameter and the grid size must be set; the inventory
     * bounds default to {@link #withDefaultBounds}'s, the scheme to {@link DifferenceScheme#UPWIND}.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named setters for an {@link MfgProblem}; {@link #build()} names any parameter left unset. */
    public static final class Builder {
        private double horizon = Double.NaN;
        private double kappa = Double.NaN;
        private double alpha = Double.NaN;
        private double phi = Double.NaN;
        private double terminalPenalty = Double.NaN;
        private double initialPrice = Double.NaN;
        private double volatility = Double.NaN;
        private double initialMean = Double.NaN;
        private double initialStd = Double.NaN;
        private double inventoryMin = Double.NaN;
        private double inventoryMax = Double.NaN;
        private int timeSteps = -1;
        private int inventoryNodes = -1;
        private DifferenceScheme scheme = DifferenceScheme.UPWIND;

        private Builder() {
        }

        /** @param value the horizon T (> 0) @return this builder */
        public Builder horizon(double value) {
            horizon = value;
            return this;
        }

        /** @param value temporary impact kappa (> 0) @return this builder */
        public Builder kappa(double value) {
            kappa = value;
            return this;
        }

        /** @param value permanent impact alpha (>= 0) @return this builder */
        public Builder alpha(double value) {
            alpha = value;
            return this;
        }

        /** @param value running inventory penalty phi (>= 0) @return this builder */
        public Builder phi(double value) {
            phi = value;
            return this;
        }

        /** @param value terminal penalty A (>= 0) @return this builder */
        public Builder terminalPenalty(double value) {
            terminalPenalty = value;
            return this;
        }

        /** @param value initial price S0 @return this builder */
        public Builder initialPrice(double value) {
            initialPrice = value;
            return this;
        }

        /** @param value price volatility sigma (>= 0) @return this builder */
        public Builder volatility(double value) {
            volatility = value;
            return this;
        }

        /** @param value mean initial inventory E0 @return this builder */
        public Builder initialMean(double value) {
            initialMean = value;
            return this;
        }

        /** @param value standard deviation of the initial inventory s0 (> 0) @return this builder */
        public Builder initialStd(double value) {
            initialStd = value;
            return this;
        }

        /**
         * Sets the inventory grid's bounds (default: {@code min(0, E0) - 6 s0} to {@code max(0, E0) + 6 s0}).
         *
         * @param min the lowest inventory
         * @param max the highest inventory
         * @return this builder
         */
        public Builder inventoryBounds(double min, double max) {
            inventoryMin = min;
            inventoryMax = max;
            return this;
        }

        /**
         * Sets the grid size.
         *
         * @param steps number of time steps
         * @param nodes number of inventory nodes
         * @return this builder
         */
        public Builder grid(int steps, int nodes) {
            timeSteps = steps;
            inventoryNodes = nodes;
            return this;
        }

        /** @param value the difference scheme (default UPWIND) @return this builder */
        public Builder scheme(DifferenceScheme value) {
            scheme = value;
            return this;
        }

        /**
         * Validates and builds.
         *
         * @return the problem
         * @throws IllegalArgumentException naming the first parameter that is unset or invalid
         */
        public MfgProblem build() {
            String[] names = {"horizon", "kappa", "alpha", "phi", "terminalPenalty", "initialPrice", "volatility",
                "initialMean", "initialStd"};
            double[] values = {horizon, kappa, alpha, phi, terminalPenalty, initialPrice, volatility, initialMean,
                initialStd};
            for (int i = 0; i < names.length; i++) {
                if (Double.isNaN(values[i])) {
                    throw new InvalidParameterException(names[i],
                            names[i] + " must be set to a finite number, got NaN");
                }
            }
            if (timeSteps == -1) {
                throw new InvalidParameterException("timeSteps",
                        "timeSteps and inventoryNodes must be set with grid(steps, nodes)");
            }
            if (Double.isNaN(inventoryMin) && Double.isNaN(inventoryMax)) {
                return withDefaultBounds(horizon, kappa, alpha, phi, terminalPenalty, initialPrice, volatility,
                        initialMean, initialStd, timeSteps, inventoryNodes, scheme);
            }
            return new MfgProblem(horizon, kappa, alpha, phi, terminalPenalty, initialPrice, volatility, initialMean,
                    initialStd, inventoryMin, inventoryMax, timeSteps, inventoryNodes, scheme);
        }
    }

    /** The time step {@code T / timeSteps}. */
    public double dt() {
        return horizon / timeSteps;
    }

    /** The inventory step {@code (inventoryMax - inventoryMin) / (inventoryNodes - 1)}. */
    public double dq() {
        return (inventoryMax - inventoryMin) / (inventoryNodes - 1);
    }

    /**
     * The inventory at grid node {@code i}.
     *
     * @param i the node index in {@code [0, inventoryNodes)}
     * @return {@code inventoryMin + i dq}
     */
    public double inventoryAt(int i) {
        return inventoryMin + i * dq();
    }
}

package io.hfthot.quant.mfg;

import io.hfthot.quant.Checks;

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
            throw new IllegalArgumentException("inventoryMax must be > inventoryMin = " + inventoryMin
                    + ", got " + inventoryMax);
        }
        if (initialMean < inventoryMin || initialMean > inventoryMax) {
            throw new IllegalArgumentException("initialMean must lie in [inventoryMin, inventoryMax] = ["
                    + inventoryMin + ", " + inventoryMax + "], got " + initialMean);
        }
        Checks.inRange(timeSteps, 1, MAX_GRID, "timeSteps");
        Checks.inRange(inventoryNodes, 3, MAX_GRID, "inventoryNodes");
        if ((long) timeSteps * inventoryNodes > 50_000_000L) {
            throw new IllegalArgumentException("timeSteps * inventoryNodes must be <= 50000000, got "
                    + timeSteps + " * " + inventoryNodes);
        }
        if (scheme == null) {
            throw new IllegalArgumentException("scheme must be one of UPWIND, LAX_FRIEDRICHS, got null");
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

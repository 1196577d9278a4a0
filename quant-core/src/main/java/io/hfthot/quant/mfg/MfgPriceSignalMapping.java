package io.hfthot.quant.mfg;

import io.hfthot.quant.InvalidParameterException;

/**
 * Maps an HFThot MFG price-signal request onto a crowded-execution mean-field game.
 *
 * <p>Units: time in minutes, inventory in "crowd lots" (the crowd's average initial position is one
 * lot long), prices in the symbol's quote currency. With {@code S} the price and {@code v} the
 * one-minute log-return volatility:
 *
 * <table>
 * <caption>Default parameters</caption>
 * <tr><th>model parameter</th><th>value</th><th>meaning</th></tr>
 * <tr><td>T</td><td>{@code horizon_min}</td><td>the horizon</td></tr>
 * <tr><td>kappa</td><td>{@value #TEMPORARY_IMPACT_BPS} bp x S</td><td>trading one lot per minute costs
 * 2 bp of the price per lot</td></tr>
 * <tr><td>alpha</td><td>{@value #PERMANENT_IMPACT_BPS} bp x S</td><td>the crowd selling one lot per
 * minute moves the price 0.2 bp per minute</td></tr>
 * <tr><td>sigma</td><td>v x S</td><td>price volatility per sqrt(minute)</td></tr>
 * <tr><td>phi</td><td>{@value #RISK_AVERSION} / S x sigma^2</td><td>mean-variance risk penalty</td></tr>
 * <tr><td>A</td><td>{@value #TERMINAL_PENALTY_FACTOR} x kappa / T</td><td>inventory left at T is
 * penalised ten times more than trading it over the horizon</td></tr>
 * <tr><td>E0, s0</td><td>1 lot, 0.5 lot</td><td>a net-long crowd unwinding, heterogeneous
 * positions</td></tr>
 * <tr><td>grid</td><td>{@code max(1200, 500 T max(sqrt(phi/kappa), alpha/(2 kappa)))} time steps,
 * 64 inventory nodes, {@link DifferenceScheme#LAX_FRIEDRICHS}</td><td>below 1e-3 relative error
 * against the ODE (measured for horizons of 1 to 1440 minutes and volatilities of 2e-4 to 3e-3 per
 * minute)</td></tr>
 * </table>
 *
 * <p>All constants are public so that callers can document or override them by building their own
 * {@link MfgProblem}.
 */
public final class MfgPriceSignalMapping {
    /** Temporary impact in basis points of the price, per lot per (lot per minute). */
    public static final double TEMPORARY_IMPACT_BPS = 2.0;
    /** Permanent impact in basis points of the price per lot of mean crowd trading. */
    public static final double PERMANENT_IMPACT_BPS = 0.2;
    /** Risk aversion, per unit of price. */
    public static final double RISK_AVERSION = 10.0;
    /** Terminal penalty as a multiple of {@code kappa / T}. */
    public static final double TERMINAL_PENALTY_FACTOR = 10.0;
    /** The crowd's mean initial inventory in lots (positive: long, so the crowd sells). */
    public static final double INITIAL_MEAN_LOTS = 1.0;
    /** The dispersion of initial inventories in lots. */
    public static final double INITIAL_STD_LOTS = 0.5;
    /**
     * Time steps per unit of {@code T max(sqrt(phi / kappa), alpha / (2 kappa))}, the number of
     * e-foldings of the slowest-resolved mode over the horizon.
     */
    public static final int STEPS_PER_RATE = 500;
    /**
     * The fewest time steps used; it resolves the terminal-penalty mode, whose rate {@code A / kappa}
     * is always {@code 10 / T}.
     */
    public static final int MIN_STEPS = 1200;
    /** The most time steps used. */
    public static final int MAX_STEPS = 400_000;
    /** Inventory grid nodes. */
    public static final int INVENTORY_NODES = 64;

    private MfgPriceSignalMapping() {
    }

    /**
     * The mean-field game for a request.
     *
     * @param request the request
     * @return the problem
     */
    public static MfgProblem toProblem(MfgPriceSignalRequest request) {
        if (request == null) {
            throw new InvalidParameterException("request", "request must not be null");
        }
        double s = request.price();
        double horizon = request.horizonMinutes();
        double kappa = TEMPORARY_IMPACT_BPS * 1e-4 * s;
        double alpha = PERMANENT_IMPACT_BPS * 1e-4 * s;
        double sigma = request.volatilityPerMinute() * s;
        double phi = RISK_AVERSION / s * sigma * sigma;
        double terminal = TERMINAL_PENALTY_FACTOR * kappa / horizon;
        double fastestRate = Math.max(Math.sqrt(phi / kappa), alpha / (2 * kappa));
        int steps = (int) Math.min(MAX_STEPS, Math.max(MIN_STEPS, Math.ceil(STEPS_PER_RATE * horizon * fastestRate)));
        return MfgProblem.withDefaultBounds(horizon, kappa, alpha, phi, terminal, s, sigma, INITIAL_MEAN_LOTS,
                INITIAL_STD_LOTS, steps, INVENTORY_NODES, DifferenceScheme.LAX_FRIEDRICHS);
    }
}

package io.hfthot.quant.mfg;

import io.hfthot.quant.Checks;

/**
 * An HFThot "MFG price signal" request (seed 000: {@code horizon_min}, {@code n_agents}) together
 * with the symbol's market state the server looks up.
 *
 * @param horizonMinutes      the prediction horizon in minutes (seed default 5; 1 to 1440)
 * @param nAgents             the number of simulated agents (seed default 1000; 2 to 1,000,000)
 * @param price               the symbol's current mid price (> 0)
 * @param volatilityPerMinute the standard deviation of one-minute log returns (>= 0), e.g. from the
 *                            last bars
 */
public record MfgPriceSignalRequest(int horizonMinutes, int nAgents, double price, double volatilityPerMinute) {

    /** The seed's default horizon in minutes. */
    public static final int DEFAULT_HORIZON_MINUTES = 5;
    /** The seed's default number of agents. */
    public static final int DEFAULT_AGENTS = 1000;

    /** Validates every field; messages use the seed's parameter names. */
    public MfgPriceSignalRequest {
        Checks.inRange(horizonMinutes, 1, 1440, "horizon_min");
        Checks.inRange(nAgents, 2, 1_000_000, "n_agents");
        Checks.positive(price, "price");
        Checks.nonNegative(volatilityPerMinute, "volatilityPerMinute");
    }

    /**
     * A request with the seed's defaults for a symbol's state.
     *
     * @param price               current mid price
     * @param volatilityPerMinute one-minute log-return volatility
     * @return the request
     */
    public static MfgPriceSignalRequest withDefaults(double price, double volatilityPerMinute) {
        return new MfgPriceSignalRequest(DEFAULT_HORIZON_MINUTES, DEFAULT_AGENTS, price, volatilityPerMinute);
    }
}

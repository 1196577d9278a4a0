package io.hfthot.client.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/signals/mfg}: the mean-field-game equilibrium price over a horizon.
 *
 * @param symbol       the symbol
 * @param horizonMin   the horizon in minutes
 * @param nAgents      agents simulated
 * @param currentPrice the price the trajectory starts from
 * @param targetPrice  the equilibrium price at the horizon
 * @param trajectory   points from now to the horizon
 * @param diagnostics  solver diagnostics
 * @param latencyUs    the server's time, in microseconds
 */
public record MfgPrice(String symbol, int horizonMin, int nAgents, double currentPrice, double targetPrice,
                       List<MfgPoint> trajectory, MfgDiagnostics diagnostics, long latencyUs) {
    /** Checks and copies. */
    public MfgPrice {
        Objects.requireNonNull(symbol, "symbol");
        trajectory = List.copyOf(Objects.requireNonNull(trajectory, "trajectory"));
    }
}

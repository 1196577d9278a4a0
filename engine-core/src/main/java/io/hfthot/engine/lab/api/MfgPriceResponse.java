package io.hfthot.engine.lab.api;

import java.util.List;

/**
 * The MFG price signal of a symbol.
 *
 * @param symbol       the symbol
 * @param horizonMin   the horizon in minutes
 * @param nAgents      the number of agents simulated
 * @param currentPrice the symbol's price the trajectory starts from
 * @param targetPrice  the equilibrium price at the horizon
 * @param trajectory   equilibrium points from now to the horizon
 * @param diagnostics  solver diagnostics
 * @param latencyUs    measured engine time of this call in microseconds
 */
public record MfgPriceResponse(String symbol, int horizonMin, int nAgents, double currentPrice, double targetPrice,
                               List<MfgPoint> trajectory, MfgDiagnosticsView diagnostics, long latencyUs) {
    /** Copies the trajectory. */
    public MfgPriceResponse {
        trajectory = List.copyOf(trajectory);
    }
}

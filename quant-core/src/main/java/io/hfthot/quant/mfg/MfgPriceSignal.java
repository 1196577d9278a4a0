package io.hfthot.quant.mfg;

import io.hfthot.quant.InvalidParameterException;

/**
 * One call for an HFThot MFG price-signal request: maps the request onto the model
 * ({@link MfgPriceSignalMapping}), solves the equilibrium ({@link MeanFieldGameSolver}) and simulates
 * {@code n_agents} agents ({@link NAgentSimulation}).
 *
 * @param solution the mean-field equilibrium: times (minutes), mean inventory, mean trading speed,
 *                 expected price path and diagnostics
 * @param agents   the finite crowd's trajectory with its 95% band
 */
public record MfgPriceSignal(MfgSolution solution, NAgentResult agents) {

    /** Requires both parts. */
    public MfgPriceSignal {
        if (solution == null || agents == null) {
            throw new InvalidParameterException("solution", "solution and agents must not be null");
        }
    }

    /**
     * Computes the signal with the default solver options and a fresh workspace.
     *
     * @param request the request
     * @param seed    the seed of the agents' initial inventories
     * @return the equilibrium and the simulated crowd
     */
    public static MfgPriceSignal compute(MfgPriceSignalRequest request, long seed) {
        MfgProblem problem = MfgPriceSignalMapping.toProblem(request);
        MfgSolution solution = new MeanFieldGameSolver().solve(problem);
        return new MfgPriceSignal(solution, NAgentSimulation.simulate(solution, request.nAgents(), seed));
    }
}

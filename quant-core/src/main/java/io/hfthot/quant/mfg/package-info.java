/**
 * Mean-field game of optimal execution with trade crowding (Cardaliaguet and Lehalle, 2018): a
 * finite-difference HJB / Fokker-Planck solver, the closed-form mean-inventory ODE it is verified
 * against, the Almgren-Chriss limit, an N-agent simulation and the mapping from an HFThot MFG price
 * request onto model parameters.
 *
 * <p>Entry points: {@link io.hfthot.quant.mfg.MeanFieldGameSolver#solve(MfgProblem)} for the
 * equilibrium, {@link io.hfthot.quant.mfg.MeanInventoryOde} for the closed form,
 * {@link io.hfthot.quant.mfg.NAgentSimulation} for the finite population and
 * {@link io.hfthot.quant.mfg.MfgPriceSignalMapping} for the request mapping. The model and the
 * scheme are documented in {@code docs/mfg.md}.
 */
package io.hfthot.quant.mfg;

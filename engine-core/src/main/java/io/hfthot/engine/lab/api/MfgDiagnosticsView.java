package io.hfthot.engine.lab.api;

/**
 * Solver diagnostics of an MFG price signal.
 *
 * @param status               solver status ({@code CONVERGED}, {@code MAX_ITERATIONS}, ...)
 * @param outerIterations      fixed-point iterations
 * @param residual             final fixed-point residual
 * @param massError            worst deviation of the density's mass from 1
 * @param odeRelativeError     relative error of the mean inventory against the closed-form mean ODE
 * @param nAgentsMeanInventory the terminal mean inventory of the finite {@code n_agents} simulation
 * @param meanFieldDistance    largest distance between the finite crowd's mean inventory and the mean field's
 * @param priceVolatilityPerMinute the per-minute volatility the problem was calibrated with
 */
public record MfgDiagnosticsView(String status, int outerIterations, double residual, double massError,
                                 double odeRelativeError, double nAgentsMeanInventory, double meanFieldDistance,
                                 double priceVolatilityPerMinute) {
}

package io.hfthot.client.model;

/**
 * The HJB-Fokker-Planck solver's diagnostics.
 *
 * @param status                   solver status ({@code CONVERGED}, ...)
 * @param outerIterations          fixed-point iterations
 * @param residual                 final fixed-point residual
 * @param massError                worst deviation of the density's mass from 1
 * @param odeRelativeError         relative error of the mean inventory against its closed-form ODE
 * @param nAgentsMeanInventory     terminal mean inventory of the finite-agent simulation
 * @param meanFieldDistance        largest distance between the finite crowd and the mean field
 * @param priceVolatilityPerMinute the per-minute volatility used
 */
public record MfgDiagnostics(String status, int outerIterations, double residual, double massError,
                             double odeRelativeError, double nAgentsMeanInventory, double meanFieldDistance,
                             double priceVolatilityPerMinute) {
}

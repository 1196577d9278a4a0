package io.hfthot.quant.mfg;

/**
 * How the inventory derivative in the HJB equation is discretised. Both schemes are monotone (each
 * implicit step solves an M-matrix system) and the Fokker-Planck step is the exact discrete adjoint
 * of the HJB step in both, so the density keeps its mass and stays non-negative either way.
 */
public enum DifferenceScheme {
    /**
     * Godunov upwinding: the selling part of the control uses the backward difference, the buying
     * part the forward difference. First order in the inventory step for every quantity, including
     * the mean inventory.
     */
    UPWIND,
    /**
     * Central difference for the control plus the smallest artificial diffusion that keeps the
     * scheme monotone ({@code D = max|nu| dq / 2}, constant in q at each time step). Also first order
     * for the density, but the diffusion term leaves linear functions of q untouched and the central
     * difference is exact on quadratic value functions, so in this linear-quadratic model the mean
     * inventory carries no inventory-step error away from the grid edges: only the time step matters.
     */
    LAX_FRIEDRICHS
}

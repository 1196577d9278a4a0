package io.hfthot.client.model;

/**
 * One point of the mean-field equilibrium trajectory.
 *
 * @param tMin             minutes from now
 * @param price            the equilibrium price
 * @param meanInventory    the population's mean inventory
 * @param meanTradingSpeed the population's mean trading speed per minute
 */
public record MfgPoint(double tMin, double price, double meanInventory, double meanTradingSpeed) {
}

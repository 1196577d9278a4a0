package io.hfthot.engine.lab.api;

/**
 * One point of the mean-field-game equilibrium trajectory.
 *
 * @param tMin             minutes from now
 * @param price            the equilibrium price
 * @param meanInventory    the population's mean inventory in lots
 * @param meanTradingSpeed the population's mean trading speed in lots per minute
 */
public record MfgPoint(double tMin, double price, double meanInventory, double meanTradingSpeed) {
}

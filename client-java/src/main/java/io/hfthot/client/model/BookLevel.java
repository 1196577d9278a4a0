package io.hfthot.client.model;

/**
 * One price level of an order book.
 *
 * @param price the price
 * @param size  the quantity resting at it
 */
public record BookLevel(double price, double size) {
}

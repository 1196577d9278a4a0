package io.hfthot.engine.market;

/**
 * One price level of an order book.
 *
 * @param price the level's price, {@code > 0}
 * @param size  the resting base-asset quantity at that price, {@code > 0}
 */
public record BookLevel(double price, double size) {
    /** Validates the level. */
    public BookLevel {
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be a finite number > 0, got " + price);
        }
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException("size must be a finite number > 0, got " + size);
        }
    }
}

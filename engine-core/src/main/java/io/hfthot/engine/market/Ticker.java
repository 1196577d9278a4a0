package io.hfthot.engine.market;

import java.util.Objects;

/**
 * The top of the book and the last trade of one symbol, spelled as the ticker API spells it.
 *
 * @param symbol the trading pair
 * @param bid    the best bid, equal to the first bid level of the order book at the same instant
 * @param ask    the best ask, {@code > bid}, equal to the first ask level
 * @param last   the price of the last trade
 * @param tsMs   the time of the quote in Unix milliseconds
 */
public record Ticker(String symbol, double bid, double ask, double last, long tsMs) {
    /** Validates the quote. */
    public Ticker {
        Objects.requireNonNull(symbol, "symbol");
        if (!(bid > 0) || !(ask > bid) || !(last > 0) || !Double.isFinite(ask) || !Double.isFinite(last)) {
            throw new IllegalArgumentException("ticker of " + symbol + " must satisfy 0 < bid < ask and last > 0,"
                    + " got bid=" + bid + " ask=" + ask + " last=" + last);
        }
    }

    /**
     * Returns the mid price.
     *
     * @return {@code (bid + ask) / 2}
     */
    public double mid() {
        return 0.5 * (bid + ask);
    }
}

package io.hfthot.client.model;

import java.util.Objects;

/**
 * The answer of {@code GET /v1/market/ticker}.
 *
 * @param symbol the symbol
 * @param bid    best bid
 * @param ask    best ask
 * @param last   last trade price
 * @param tsMs   quote time, Unix ms
 */
public record Ticker(String symbol, double bid, double ask, double last, long tsMs) {
    /** Checks the symbol. */
    public Ticker {
        Objects.requireNonNull(symbol, "symbol");
    }
}

package io.hfthot.engine.lab.api;

/**
 * The ticker of a symbol, as in seed 000's {@code TickerResponse}.
 *
 * @param symbol the symbol
 * @param bid    best bid
 * @param ask    best ask
 * @param last   last trade price
 * @param tsMs   quote time in Unix ms
 */
public record TickerResponse(String symbol, double bid, double ask, double last, long tsMs) {
}

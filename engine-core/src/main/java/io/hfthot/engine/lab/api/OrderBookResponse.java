package io.hfthot.engine.lab.api;

import io.hfthot.engine.market.BookLevel;
import java.util.List;

/**
 * The order book of a symbol: best levels first, each {@code {price, size}}.
 *
 * @param symbol the symbol
 * @param depth  the number of levels asked for per side
 * @param bids   bids in strictly decreasing price
 * @param asks   asks in strictly increasing price
 * @param tsMs   the book's time in Unix ms
 */
public record OrderBookResponse(String symbol, int depth, List<BookLevel> bids, List<BookLevel> asks, long tsMs) {
    /** Copies the levels. */
    public OrderBookResponse {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }
}

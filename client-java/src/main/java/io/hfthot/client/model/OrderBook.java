package io.hfthot.client.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/market/orderbook}.
 *
 * @param symbol the symbol
 * @param depth  levels asked for per side
 * @param bids   bids in decreasing price
 * @param asks   asks in increasing price
 * @param tsMs   the book's time, Unix ms
 */
public record OrderBook(String symbol, int depth, List<BookLevel> bids, List<BookLevel> asks, long tsMs) {
    /** Checks and copies. */
    public OrderBook {
        Objects.requireNonNull(symbol, "symbol");
        bids = List.copyOf(Objects.requireNonNull(bids, "bids"));
        asks = List.copyOf(Objects.requireNonNull(asks, "asks"));
    }
}

package io.hfthot.engine.market;

import java.util.List;
import java.util.Objects;

/**
 * A snapshot of a limit order book: bids sorted by strictly decreasing price, asks by strictly
 * increasing price, best bid strictly below best ask.
 *
 * @param symbol the trading pair
 * @param tsMs   the snapshot time in Unix milliseconds
 * @param bids   the bid levels, best first (copied, unmodifiable)
 * @param asks   the ask levels, best first (copied, unmodifiable)
 */
public record OrderBook(String symbol, long tsMs, List<BookLevel> bids, List<BookLevel> asks) {
    /** Validates ordering and copies the level lists. */
    public OrderBook {
        Objects.requireNonNull(symbol, "symbol");
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
        for (int i = 1; i < bids.size(); i++) {
            if (!(bids.get(i).price() < bids.get(i - 1).price())) {
                throw new IllegalArgumentException("bids must have strictly decreasing prices, level " + i
                        + " has " + bids.get(i).price() + " after " + bids.get(i - 1).price());
            }
        }
        for (int i = 1; i < asks.size(); i++) {
            if (!(asks.get(i).price() > asks.get(i - 1).price())) {
                throw new IllegalArgumentException("asks must have strictly increasing prices, level " + i
                        + " has " + asks.get(i).price() + " after " + asks.get(i - 1).price());
            }
        }
        if (!bids.isEmpty() && !asks.isEmpty() && !(bids.get(0).price() < asks.get(0).price())) {
            throw new IllegalArgumentException("best bid " + bids.get(0).price() + " must be below best ask "
                    + asks.get(0).price());
        }
    }
}

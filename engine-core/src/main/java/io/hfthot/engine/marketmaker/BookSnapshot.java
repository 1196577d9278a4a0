package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.BookLevel;
import java.util.List;

/**
 * The top of the token's order book, every participant's orders (the bot's included) aggregated by price.
 *
 * @param bids best first (highest price)
 * @param asks best first (lowest price)
 */
public record BookSnapshot(List<BookLevel> bids, List<BookLevel> asks) {
    /** Copies the lists. */
    public BookSnapshot {
        bids = List.copyOf(bids);
        asks = List.copyOf(asks);
    }

    /** @return the midpoint of the best bid and ask; NaN when a side is empty */
    public double mid() {
        return bids.isEmpty() || asks.isEmpty() ? Double.NaN : (bids.get(0).price() + asks.get(0).price()) / 2;
    }

    /** @return best ask minus best bid; NaN when a side is empty */
    public double spread() {
        return bids.isEmpty() || asks.isEmpty() ? Double.NaN : asks.get(0).price() - bids.get(0).price();
    }
}

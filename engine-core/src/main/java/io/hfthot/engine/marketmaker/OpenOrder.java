package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.Side;
import java.util.Objects;

/**
 * One of the bot's orders resting at the venue.
 *
 * @param orderId   the venue's order id
 * @param side      buy or sell
 * @param price     the limit price
 * @param remaining shares not yet executed, {@code > 0}
 */
public record OpenOrder(long orderId, Side side, double price, double remaining) {
    /** Checks the side is present. */
    public OpenOrder {
        Objects.requireNonNull(side, "side");
    }
}

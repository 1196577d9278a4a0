package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.Side;
import java.util.Objects;

/**
 * One execution of one of the bot's orders, as the venue reports it.
 *
 * @param fillId    the venue's id of the execution, increasing
 * @param orderId   the order that traded
 * @param side      the order's side ({@code BUY}: inventory grows)
 * @param price     the execution price in dollars, in (0, 1)
 * @param size      shares executed, {@code > 0}
 * @param liquidity maker (rested) or taker (crossed)
 * @param feeUsd    the fee the venue charged for this execution, in dollars, {@code >= 0}
 * @param tsMs      the execution time, Unix milliseconds
 */
public record Fill(long fillId, long orderId, Side side, double price, double size, Liquidity liquidity, double feeUsd,
                   long tsMs) {
    /** Validates the fields, naming the offending one. */
    public Fill {
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(liquidity, "liquidity");
        if (!(price > 0 && price < 1)) {
            throw new IllegalArgumentException("price must be in (0, 1), got " + price);
        }
        if (!(size > 0) || !Double.isFinite(size)) {
            throw new IllegalArgumentException("size must be a finite number > 0, got " + size);
        }
        if (!(feeUsd >= 0) || !Double.isFinite(feeUsd)) {
            throw new IllegalArgumentException("feeUsd must be a finite number >= 0, got " + feeUsd);
        }
    }

    /** @return the traded notional {@code price * size} in dollars */
    public double notional() {
        return price * size;
    }

    /** @return {@code +size} for a buy, {@code -size} for a sell */
    public double signedSize() {
        return side == Side.BUY ? size : -size;
    }
}

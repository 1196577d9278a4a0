package io.hfthot.engine.marketmaker;

import io.hfthot.quant.marketmaking.VolState;

/**
 * The orders the bot wants resting after a reference-price update. A side not wanted has size 0 and price NaN.
 *
 * @param fairValue the token's fair value
 * @param volState  the volatility regime used
 * @param bidPrice  the bid's price, on the tick
 * @param bidSize   the bid's size in shares (0: no bid)
 * @param askPrice  the ask's price, on the tick
 * @param askSize   the ask's size in shares (0: no ask)
 */
public record QuoteDecision(double fairValue, VolState volState, double bidPrice, double bidSize, double askPrice,
                            double askSize) {
    /** @return whether a bid is wanted */
    public boolean hasBid() {
        return bidSize > 0;
    }

    /** @return whether an ask is wanted */
    public boolean hasAsk() {
        return askSize > 0;
    }
}

package io.hfthot.engine.market;

import java.util.Objects;

/**
 * One trade of the price feed, spelled as the feed spells it ({@code symbol, price, qty, side, ts_ms}),
 * plus the per-symbol sequence number that lets a consumer detect gaps.
 *
 * @param symbol   the trading pair, e.g. {@code BTC-USDT}
 * @param sequence the per-symbol sequence number: 1 for the symbol's first tick, then +1 per tick
 * @param tsMs     the trade time in Unix milliseconds; non-decreasing along the sequence
 * @param price    the trade price, {@code > 0}
 * @param qty      the traded base-asset quantity, {@code > 0}
 * @param side     the aggressor side
 */
public record Tick(String symbol, long sequence, long tsMs, double price, double qty, Side side) {
    /** Validates the tick. */
    public Tick {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(side, "side");
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence must be >= 1, got " + sequence);
        }
        if (!(price > 0) || !Double.isFinite(price)) {
            throw new IllegalArgumentException("price must be a finite number > 0, got " + price);
        }
        if (!(qty > 0) || !Double.isFinite(qty)) {
            throw new IllegalArgumentException("qty must be a finite number > 0, got " + qty);
        }
    }
}

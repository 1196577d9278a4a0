package io.hfthot.quant.marketmaking;

import io.hfthot.quant.Checks;
import io.hfthot.quant.InvalidParameterException;

/**
 * The market-maker bot's quoting parameters (seed 003's {@code BotParams} plus the current
 * {@code vol_state}).
 *
 * @param spreadOffset the minimum distance of each quote from the mid in dollars ({@code spread_offset},
 *                     default 0.005, >= 0)
 * @param orderSize    shares per quote ({@code order_size}, default 10, >= 1)
 * @param maxPosition  the absolute position limit in shares ({@code max_position}, default 50, >=
 *                     order_size)
 * @param volState     the volatility regime
 */
public record MarketMakerSettings(double spreadOffset, int orderSize, int maxPosition, VolState volState) {

    /** Validates the fields with the seed's names in the messages. */
    public MarketMakerSettings {
        Checks.nonNegative(spreadOffset, "spread_offset");
        Checks.inRange(orderSize, 1, 100_000_000, "order_size");
        Checks.inRange(maxPosition, orderSize, 1_000_000_000, "max_position");
        if (volState == null) {
            throw new InvalidParameterException("vol_state", "vol_state must be LOW_VOL or HIGH_VOL, got null");
        }
    }

    /** The seed's defaults: spread_offset 0.005, order_size 10, max_position 50, LOW_VOL. */
    public static MarketMakerSettings defaults() {
        return new MarketMakerSettings(0.005, 10, 50, VolState.LOW_VOL);
    }

    /** The inventory limit in lots, {@code Q = floor(max_position / order_size)}. */
    public int maxLots() {
        return maxPosition / orderSize;
    }
}

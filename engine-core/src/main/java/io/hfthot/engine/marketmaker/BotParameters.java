package io.hfthot.engine.marketmaker;

/**
 * The bot's controls, seed 003's {@code BotParams}; messages name the wire field, its value and what is accepted.
 *
 * @param spreadOffset the smallest distance of each quote from the fair value, in dollars, in [0, 0.5]
 *                     ({@code spread_offset}, default 0.005)
 * @param orderSize    shares per quote, in [1, 1000000] ({@code order_size}, default 10)
 * @param maxPosition  the absolute inventory limit in shares, in [order_size, 10000000] ({@code max_position},
 *                     default 50)
 * @param minLiquidity the market liquidity in dollars under which the bot does not quote, in [0, 1e12]
 *                     ({@code min_liquidity}, default 10000.0)
 * @param running      the master switch ({@code is_running}, default true)
 */
public record BotParameters(double spreadOffset, int orderSize, int maxPosition, double minLiquidity,
                            boolean running) {
    /** The largest {@code order_size}. */
    public static final int MAX_ORDER_SIZE = 1_000_000;
    /** The largest {@code max_position}. */
    public static final int MAX_POSITION = 10_000_000;

    /** Validates every field. */
    public BotParameters {
        if (!(spreadOffset >= 0 && spreadOffset <= 0.5)) {
            throw new IllegalArgumentException("spread_offset must be a number in [0, 0.5] dollars, got " + spreadOffset);
        }
        if (orderSize < 1 || orderSize > MAX_ORDER_SIZE) {
            throw new IllegalArgumentException("order_size must be a whole number of shares in [1, " + MAX_ORDER_SIZE
                    + "], got " + orderSize);
        }
        if (maxPosition < orderSize || maxPosition > MAX_POSITION) {
            throw new IllegalArgumentException("max_position must be a whole number of shares in [order_size ("
                    + orderSize + "), " + MAX_POSITION + "], got " + maxPosition);
        }
        if (!(minLiquidity >= 0 && minLiquidity <= 1e12)) {
            throw new IllegalArgumentException("min_liquidity must be a number of dollars in [0, 1e12], got "
                    + minLiquidity);
        }
    }

    /** @return seed 003's defaults: 0.005, 10, 50, 10000.0, running */
    public static BotParameters defaults() {
        return new BotParameters(0.005, 10, 50, 10_000.0, true);
    }
}

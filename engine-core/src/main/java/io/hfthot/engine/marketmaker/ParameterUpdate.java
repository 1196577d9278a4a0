package io.hfthot.engine.marketmaker;

/**
 * A partial update of the {@link BotParameters}: a null field keeps its current value.
 *
 * @param spreadOffset new {@code spread_offset}, or null
 * @param orderSize    new {@code order_size}, or null
 * @param maxPosition  new {@code max_position}, or null
 * @param minLiquidity new {@code min_liquidity}, or null
 * @param isRunning    new {@code is_running}, or null
 */
public record ParameterUpdate(Double spreadOffset, Integer orderSize, Integer maxPosition, Double minLiquidity,
                              Boolean isRunning) {
    /**
     * The parameters after this update; all or nothing.
     *
     * @param current the current parameters
     * @return the new parameters
     * @throws IllegalArgumentException naming the first invalid field (the current parameters are untouched)
     */
    public BotParameters applyTo(BotParameters current) {
        return new BotParameters(spreadOffset == null ? current.spreadOffset() : spreadOffset,
                orderSize == null ? current.orderSize() : orderSize,
                maxPosition == null ? current.maxPosition() : maxPosition,
                minLiquidity == null ? current.minLiquidity() : minLiquidity,
                isRunning == null ? current.running() : isRunning);
    }
}

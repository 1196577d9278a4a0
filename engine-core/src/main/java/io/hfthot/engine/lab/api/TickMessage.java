package io.hfthot.engine.lab.api;

/**
 * Payload of the {@code lab.ticks.<SYMBOL>} topic (seed 000's {@code price_feed} message).
 *
 * @param type      always {@code tick}
 * @param symbol    the symbol
 * @param price     trade price
 * @param qty       trade quantity
 * @param side      {@code buy} or {@code sell}
 * @param tsMs      trade time in Unix ms
 * @param latencyUs microseconds from the trade's time to its publication on the bus
 * @param seq       the trade's per-symbol sequence number (1, 2, 3, ... without gaps)
 */
public record TickMessage(String type, String symbol, double price, double qty, String side, long tsMs,
                          long latencyUs, long seq) {
    /** The value of {@code type}. */
    public static final String TYPE = "tick";
}

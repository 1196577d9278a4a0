package io.hfthot.engine.marketmaker;

/**
 * What one tick of the bot did, seed 003's {@code action}. When several apply, the first in this list wins.
 */
public enum TickAction {
    /** At least one of the bot's orders executed since the previous tick. */
    FILLED,
    /** The bot is stopped (by {@code is_running: false} or the emergency stop): no orders rest. */
    STOPPED,
    /** The market's liquidity is under {@code min_liquidity}: every order was cancelled, none placed. */
    SKIPPED_FILTER,
    /** At least one new order was placed. */
    TRADE_PLACED,
    /** At least one resting order was moved to a new price or size (a repost). */
    ORDER_UPDATED,
    /** An order was due but the MATIC/POL balance no longer pays its gas. */
    SKIPPED_NO_GAS,
    /** The resting quotes are still the ones the model wants. */
    QUOTES_HELD,
    /** Not a tick: the message sent every 5 seconds with the current metrics. */
    HEARTBEAT
}

package io.hfthot.engine.marketmaker;

import io.hfthot.engine.market.Side;
import java.util.List;

/**
 * Where the market-maker bot's orders go: one binary prediction-market token (price in (0, 1)), limit orders,
 * executions reported by polling. The embedded default is {@link SimulatedVenue}; a real exchange connector
 * implements the same contract.
 *
 * <p>Contract:
 * <ul>
 *   <li>Prices are multiples of {@link #tickSize()} strictly inside (0, 1); sizes are whole shares {@code >= 1}.
 *       Anything else is refused with an {@link IllegalArgumentException} naming the value, and nothing changes.</li>
 *   <li>{@link #place} and {@link #replace} return once the venue has the order; a part that crosses resting
 *       orders executes as taker at once and is reported, like every other execution, by the next
 *       {@link #poll}. A replace is a cancel-replace: the order loses its queue position.</li>
 *   <li>An order executes only when another participant trades at its price after every order ahead of it in the
 *       queue at that price has been executed (or cancelled): no execution at a price the market did not trade
 *       through.</li>
 *   <li>{@link #poll} returns each execution exactly once, in execution order.</li>
 *   <li>After {@link #cancel} or {@link #cancelAll} returns, the cancelled orders never execute.</li>
 * </ul>
 *
 * <p>Thread safety: implementations need not be thread-safe; {@link MarketMakerService} calls a venue from one
 * thread at a time (under its lock).
 */
public interface ExecutionVenue extends AutoCloseable {

    /** @return the token's id on the venue (seed 003's {@code token_id}) */
    String tokenId();

    /** @return the price increment; every order price is a multiple of it */
    double tickSize();

    /** @return the venue's fees and the chain's gas per order placement or update */
    FeeSchedule fees();

    /**
     * Places a limit order.
     *
     * @param side  buy or sell
     * @param price the limit price
     * @param size  shares
     * @return the order id
     */
    long place(Side side, double price, double size);

    /**
     * Replaces a resting order's price and size (cancel-replace: the queue position is lost).
     *
     * @param orderId a resting order of this account
     * @param price   the new limit price
     * @param size    the new size in shares
     * @return the id of the new order
     * @throws IllegalArgumentException when the order is not resting (executed or cancelled): nothing is placed
     */
    long replace(long orderId, double price, double size);

    /**
     * Cancels one order.
     *
     * @param orderId the order
     * @return whether it was resting (false when already executed or cancelled)
     */
    boolean cancel(long orderId);

    /**
     * Cancels every resting order of this account.
     *
     * @return how many orders were cancelled
     */
    int cancelAll();

    /**
     * Brings the venue's state up to a time and returns this account's executions since the previous poll.
     *
     * @param nowMs the current time, Unix milliseconds (never earlier than a previous call's)
     * @return the executions, oldest first
     */
    List<Fill> poll(long nowMs);

    /** @return this account's resting orders */
    List<OpenOrder> openOrders();

    /**
     * The aggregated top of the book.
     *
     * @param depth levels per side, {@code >= 1}
     * @return the book
     */
    BookSnapshot book(int depth);

    /**
     * The market's liquidity as the bot's {@code min_liquidity} filter reads it: dollars resting at the ten best
     * price levels of each side, other participants' orders only.
     *
     * @return the liquidity in dollars
     */
    double liquidity();

    /** Releases the venue's resources; the default does nothing. */
    @Override
    default void close() {
    }
}

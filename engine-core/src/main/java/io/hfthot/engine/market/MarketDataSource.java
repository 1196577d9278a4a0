package io.hfthot.engine.market;

import io.hfthot.engine.EngineException;

import java.util.List;

/**
 * A source of market data: tickers, order books, OHLCV bars and a sequenced trade-tick feed, for a
 * fixed set of symbols.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Thread safety</b>: every method may be called concurrently from any thread.</li>
 *   <li><b>Validation</b>: bad arguments throw {@link EngineException} ({@code INVALID_PARAMS}) naming the wire parameter
 *       ({@code symbol}, {@code depth}, {@code limit}, {@code end_time}, {@code max_ticks}) with the
 *       value and what is accepted, as {@link MarketRequests} words it; nothing else is thrown for bad
 *       input, and a rejected call changes nothing.</li>
 *   <li><b>Consistency</b>: {@link #ticker} and {@link #orderBook} at the same instant agree: the
 *       ticker's bid and ask are the book's first levels, {@code bid < ask}, and the last trade lies in
 *       {@code [bid, ask]} when it is the trade that set the current quote.</li>
 *   <li><b>Bars</b> are closed bars only (a bar appears once its interval has ended), UTC-aligned to
 *       their interval, ordered by strictly increasing time, and a bar of a coarser interval is the
 *       aggregate of the finer bars in its bucket wherever both exist.</li>
 *   <li><b>Ticks</b> of one symbol carry sequence numbers 1, 2, 3, ... without gaps and non-decreasing
 *       timestamps. A source keeps a bounded window of recent ticks; a consumer that falls behind the
 *       window sees the jump in sequence numbers in the first tick returned, which is how it detects
 *       the gap.</li>
 * </ul>
 * A source owns its resources; {@link #close()} releases them and is idempotent.
 */
public interface MarketDataSource extends AutoCloseable {
    /**
     * Returns the symbols this source serves.
     *
     * @return the symbols, in a stable order, unmodifiable, never empty
     */
    List<String> symbols();

    /**
     * Returns the current quote of a symbol.
     *
     * @param symbol the trading pair
     * @return the best bid and ask and the last trade
     * @throws EngineException for an unknown symbol
     */
    Ticker ticker(String symbol);

    /**
     * Returns the current order book of a symbol.
     *
     * @param symbol the trading pair
     * @param depth  levels per side, in {@code [1, 100]}
     * @return up to {@code depth} levels per side, best first
     * @throws EngineException for an unknown symbol or a depth out of range
     */
    OrderBook orderBook(String symbol, int depth);

    /**
     * Returns closed bars whose open time lies in {@code [startMs, endMs]}; when more than {@code limit}
     * bars match, the most recent {@code limit} are returned.
     *
     * @param symbol   the trading pair
     * @param interval the bar interval
     * @param startMs  the earliest open time, Unix milliseconds, inclusive
     * @param endMs    the latest open time, Unix milliseconds, inclusive, {@code >= startMs}
     * @param limit    the largest number of bars returned, in {@code [1, 5000]}
     * @return the bars in strictly increasing time order (possibly empty)
     * @throws EngineException for an unknown symbol, a limit out of range or an end before the start
     */
    List<Bar> bars(String symbol, Interval interval, long startMs, long endMs, int limit);

    /**
     * Returns the sequence number of the latest tick of a symbol.
     *
     * @param symbol the trading pair
     * @return the latest sequence number, or 0 before the first tick
     * @throws EngineException for an unknown symbol
     */
    long lastSequence(String symbol);

    /**
     * Returns the ticks after a sequence number, oldest first. The first tick returned has sequence
     * {@code afterSequence + 1} unless that tick has left the retention window (then the first retained
     * tick, so the consumer sees the gap).
     *
     * @param symbol        the trading pair
     * @param afterSequence the last sequence number the consumer has, 0 for "from the oldest retained"
     * @param maxTicks      the largest number of ticks returned, in {@code [1, 100000]}
     * @return consecutive ticks (possibly empty when nothing newer exists)
     * @throws EngineException for an unknown symbol or a batch size out of range
     */
    List<Tick> ticksSince(String symbol, long afterSequence, int maxTicks);

    /**
     * Returns every closed bar of a range as columns, for bulk writes into {@code market.ohlcv}. The default
     * pages backwards through {@link #bars} ({@link MarketRequests#MAX_LIMIT} bars a page, since it returns the
     * most recent bars of a range) and is correct for any source; a source that keeps columns already
     * overrides it to skip the per-bar objects.
     *
     * @param symbol   the trading pair
     * @param interval the interval
     * @param startMs  the earliest open time, inclusive
     * @param endMs    the latest open time, inclusive
     * @return the bars of the range, oldest first
     * @throws EngineException for an unknown symbol or an end before the start
     */
    default BarColumns barColumns(String symbol, Interval interval, long startMs, long endMs) {
        java.util.ArrayDeque<List<Bar>> pages = new java.util.ArrayDeque<>();
        long to = endMs;
        int total = 0;
        while (true) {
            List<Bar> page = bars(symbol, interval, startMs, to, MarketRequests.MAX_LIMIT);
            pages.push(page);
            total += page.size();
            if (page.size() < MarketRequests.MAX_LIMIT || page.get(0).time() <= startMs) {
                break;
            }
            to = page.get(0).time() - 1;
        }
        List<Bar> all = new java.util.ArrayList<>(total);
        pages.forEach(all::addAll);
        return BarColumns.of(symbol, interval, all);
    }

    /**
     * Returns retained ticks after a sequence number as columns, for bulk writes into {@code market.ticks};
     * same semantics as {@link #ticksSince}. The default converts {@link #ticksSince}'s answer.
     *
     * @param symbol        the trading pair
     * @param afterSequence the last sequence already written
     * @param maxTicks      the largest batch, in {@code [1, 100000]}
     * @return consecutive ticks as columns
     * @throws EngineException for an unknown symbol or a bad batch size
     */
    default TickColumns tickColumns(String symbol, long afterSequence, int maxTicks) {
        return TickColumns.of(symbol, ticksSince(symbol, afterSequence, maxTicks));
    }

    /** Releases the source's resources; the default does nothing. */
    @Override
    default void close() {
    }
}

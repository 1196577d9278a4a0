package io.hfthot.engine.hub.candles;

import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import java.util.List;

/**
 * Where candles come from when the cache needs them (an upstream data vendor for seed 004's hub; the engine's
 * market history by default, {@link MarketHistoryCandles}). Every call counts against the cache's provider
 * budget, so implementations should not retry internally. Thread-safe.
 */
public interface CandleProvider {
    /**
     * Returns the symbols the provider serves, in the engine's spelling ({@code BTC-USDT}).
     *
     * @return the symbols
     */
    List<String> symbols();

    /**
     * Returns the most recent closed candles.
     *
     * @param symbol   one of {@link #symbols()}
     * @param interval the timeframe
     * @param limit    at most this many, in [1, 5000]
     * @return candles in increasing time
     * @throws RuntimeException when the provider fails; the cache then serves stale data if it has some
     */
    List<Bar> candles(String symbol, Interval interval, int limit);
}

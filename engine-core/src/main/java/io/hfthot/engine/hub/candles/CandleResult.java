package io.hfthot.engine.hub.candles;

import io.hfthot.engine.market.Bar;
import java.time.Duration;
import java.util.List;

/**
 * Candles as the cache serves them.
 *
 * @param candles the candles, increasing time
 * @param age     how long ago they were fetched from the provider
 * @param stale   true when older than the staleness tolerance (served because the budget or the provider
 *                refused a refresh)
 */
public record CandleResult(List<Bar> candles, Duration age, boolean stale) {
    /** Copies the list. */
    public CandleResult {
        candles = List.copyOf(candles);
    }
}

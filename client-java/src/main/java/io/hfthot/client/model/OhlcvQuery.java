package io.hfthot.client.model;

import java.util.Set;

/**
 * The parameters of {@code GET /v1/market/ohlcv}.
 *
 * @param symbol    trading pair, e.g. {@code BTC-USDT} (required)
 * @param interval  {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} or {@code 1d} (required)
 * @param startTime Unix ms of the first bar, or null for the server's default (1000 bars before the end)
 * @param endTime   Unix ms of the last bar, or null for now
 * @param limit     at most this many bars, 1 to 5000, or null for 500
 */
public record OhlcvQuery(String symbol, String interval, Long startTime, Long endTime, Integer limit) {
    /** The intervals seed 000 accepts. */
    public static final Set<String> INTERVALS = Set.of("1m", "5m", "15m", "1h", "1d");

    /** Validates the fields. */
    public OhlcvQuery {
        Checks.nonBlank("symbol", symbol);
        Checks.oneOf("interval", interval, INTERVALS);
        Checks.range("limit", limit, 1, 5000);
        Checks.range("start_time", startTime, 0, Long.MAX_VALUE);
        Checks.range("end_time", endTime, 0, Long.MAX_VALUE);
        Checks.ordered(startTime, endTime);
    }

    /**
     * The most recent bars with the server's defaults.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @return the query
     */
    public static OhlcvQuery of(String symbol, String interval) {
        return new OhlcvQuery(symbol, interval, null, null, null);
    }

    /**
     * Returns this query with a bar limit.
     *
     * @param bars at most this many bars, 1 to 5000
     * @return the query
     */
    public OhlcvQuery withLimit(int bars) {
        return new OhlcvQuery(symbol, interval, startTime, endTime, bars);
    }
}

package io.hfthot.engine.lab.api;

/**
 * Parameters of {@code GET /v1/market/ohlcv}.
 *
 * @param symbol    trading pair, e.g. {@code BTC-USDT} (required)
 * @param interval  {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} or {@code 1d} (required)
 * @param startTime Unix ms of the first bar's open, or null for 1000 bars before {@code endTime}
 * @param endTime   Unix ms of the last bar's open, or null for now
 * @param limit     at most this many bars (the most recent ones), 1..5000, or null for 500
 */
public record OhlcvRequest(String symbol, String interval, Long startTime, Long endTime, Integer limit) {
}

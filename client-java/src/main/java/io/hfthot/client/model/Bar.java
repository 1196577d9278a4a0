package io.hfthot.client.model;

/**
 * One closed OHLCV bar.
 *
 * @param time   Unix ms of the bar's open
 * @param open   first price
 * @param high   highest price
 * @param low    lowest price
 * @param close  last price
 * @param volume traded quantity
 */
public record Bar(long time, double open, double high, double low, double close, double volume) {
}

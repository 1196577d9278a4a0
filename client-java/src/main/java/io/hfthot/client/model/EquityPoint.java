package io.hfthot.client.model;

/**
 * One day of a backtest's equity curve.
 *
 * @param time   Unix ms of the daily bar
 * @param equity portfolio value, starting at 1
 */
public record EquityPoint(long time, double equity) {
}

package io.hfthot.engine.lab.api;

/**
 * One point of a backtest's equity curve.
 *
 * @param time   Unix ms of the daily bar
 * @param equity portfolio value, starting at 1
 */
public record EquityPoint(long time, double equity) {
}

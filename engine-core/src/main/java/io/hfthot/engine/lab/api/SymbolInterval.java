package io.hfthot.engine.lab.api;

/**
 * One stored bar series of a symbol.
 *
 * @param interval  the interval label ({@code 1m}, {@code 5m}, {@code 15m}, {@code 1h}, {@code 1d})
 * @param firstTime open time of the first stored bar, Unix ms
 * @param lastTime  open time of the last stored bar, Unix ms
 * @param bars      number of stored bars
 */
public record SymbolInterval(String interval, long firstTime, long lastTime, long bars) {
}

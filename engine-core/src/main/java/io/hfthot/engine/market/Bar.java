package io.hfthot.engine.market;

/**
 * One OHLCV bar, spelled as the OHLCV API spells it.
 *
 * @param time   the open time of the bar in Unix milliseconds (aligned to its interval, UTC)
 * @param open   the first trade price in the bar
 * @param high   the highest trade price, {@code >= max(open, close)}
 * @param low    the lowest trade price, {@code <= min(open, close)}, {@code > 0}
 * @param close  the last trade price in the bar
 * @param volume the traded base-asset quantity, {@code >= 0}
 */
public record Bar(long time, double open, double high, double low, double close, double volume) {
    /** Validates the OHLCV invariants. */
    public Bar {
        if (!(low > 0) || !(low <= open) || !(low <= close) || !(open <= high) || !(close <= high)
                || !Double.isFinite(high)) {
            throw new IllegalArgumentException("bar at " + time + " must satisfy 0 < low <= open, close <= high,"
                    + " got open=" + open + " high=" + high + " low=" + low + " close=" + close);
        }
        if (!(volume >= 0) || !Double.isFinite(volume)) {
            throw new IllegalArgumentException("bar at " + time + " volume must be a finite number >= 0, got " + volume);
        }
    }
}

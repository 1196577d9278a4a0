package io.hfthot.client.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/market/ohlcv}.
 *
 * @param symbol    the symbol
 * @param interval  the interval
 * @param bars      closed bars in increasing time
 * @param source    where the bars came from
 * @param latencyMs the server's time for the request, in ms
 */
public record OhlcvResponse(String symbol, String interval, List<Bar> bars, String source, double latencyMs) {
    /** Checks and copies. */
    public OhlcvResponse {
        Objects.requireNonNull(symbol, "symbol");
        bars = List.copyOf(Objects.requireNonNull(bars, "bars"));
    }
}

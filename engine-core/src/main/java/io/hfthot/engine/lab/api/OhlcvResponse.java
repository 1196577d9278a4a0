package io.hfthot.engine.lab.api;

import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.BarSlice;
import java.util.List;

/**
 * The body of {@code GET /v1/market/ohlcv}.
 *
 * @param symbol    the symbol
 * @param interval  the interval's wire spelling
 * @param bars      closed bars in increasing time, each {@code {time, open, high, low, close, volume}}
 * @param source    where the bars came from ({@code hfthot-lakehouse})
 * @param latencyMs measured engine time of this call in milliseconds (fractional)
 */
public record OhlcvResponse(String symbol, String interval, List<Bar> bars, String source, double latencyMs) {
    /** Keeps an immutable copy of the bar list (a {@link BarSlice} is immutable already and kept as it is). */
    public OhlcvResponse {
        bars = BarSlice.immutable(bars);
    }
}

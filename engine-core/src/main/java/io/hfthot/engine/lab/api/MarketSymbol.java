package io.hfthot.engine.lab.api;

import java.util.List;
import java.util.Objects;

/**
 * One symbol served by the market-data routes, with the bars {@code market.ohlcv} holds for it.
 *
 * @param symbol    the symbol
 * @param source    {@code simulated} (live market, bars appended every minute) or {@code imported} (stored bars only)
 * @param intervals the stored series, finest interval first (empty for a simulated symbol with nothing stored yet)
 */
public record MarketSymbol(String symbol, String source, List<SymbolInterval> intervals) {
    /** Copies the list. */
    public MarketSymbol {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(source, "source");
        intervals = List.copyOf(intervals);
    }
}

package io.hfthot.client.model;

import java.util.List;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/market/symbols}: every symbol the market-data routes serve.
 *
 * @param symbols the simulated symbols first, then the imported ones
 */
public record MarketSymbols(List<Symbol> symbols) {
    /** Checks and copies. */
    public MarketSymbols {
        symbols = List.copyOf(Objects.requireNonNull(symbols, "symbols"));
    }

    /**
     * One symbol and the bar series the server stores for it.
     *
     * @param symbol    the symbol, e.g. {@code BTC-USDT}
     * @param source    {@code simulated} (live market: every route) or {@code imported} (stored bars only: order
     *                  book and ticker refuse it)
     * @param intervals the stored series, finest interval first (may be empty for a simulated symbol)
     */
    public record Symbol(String symbol, String source, List<Series> intervals) {
        /** Checks and copies. */
        public Symbol {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(source, "source");
            intervals = intervals == null ? List.of() : List.copyOf(intervals);
        }

        /**
         * Returns whether the live market serves this symbol (order book and ticker included).
         *
         * @return true for {@code simulated}
         */
        public boolean live() {
            return "simulated".equals(source);
        }
    }

    /**
     * One stored bar series.
     *
     * @param interval  {@code 1m}, {@code 5m}, {@code 15m}, {@code 1h} or {@code 1d}
     * @param firstTime open time of the first stored bar, Unix ms
     * @param lastTime  open time of the last stored bar, Unix ms
     * @param bars      number of stored bars
     */
    public record Series(String interval, long firstTime, long lastTime, long bars) {
        /** Checks the interval is named. */
        public Series {
            Objects.requireNonNull(interval, "interval");
        }
    }
}

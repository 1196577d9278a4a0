package io.hfthot.engine.hub.candles;

import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.lakehouse.LakehouseMarketData;
import java.time.InstantSource;
import java.util.List;

/**
 * The default {@link CandleProvider}: the engine's recorded market history (lakehouse bars, then the live
 * simulator's), for the live market's symbols.
 */
public final class MarketHistoryCandles implements CandleProvider {
    private final LakehouseMarketData history;
    private final InstantSource clock;

    /**
     * Creates the provider.
     *
     * @param history the engine's market history
     * @param clock   the time "now" is read from
     */
    public MarketHistoryCandles(LakehouseMarketData history, InstantSource clock) {
        this.history = history;
        this.clock = clock;
    }

    @Override
    public List<String> symbols() {
        return history.market().symbols();
    }

    @Override
    public List<Bar> candles(String symbol, Interval interval, int limit) {
        return history.bars(symbol, interval, 0, clock.millis(), limit);
    }
}

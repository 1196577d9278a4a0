package io.hfthot.engine.lab;

import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.lakehouse.LakehouseMarketData;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which symbols the lab serves and the validation of a {@code symbol} or {@code symbols} parameter: the live
 * market's symbols, and those imported into {@code market.ohlcv} (bars only). Shared by the lab's operations so
 * every one names the same symbols in its errors.
 */
final class LabSymbols {
    private final Engine engine;
    private final MarketDataSource market;
    private final LakehouseMarketData marketData;

    LabSymbols(Engine engine) {
        this.engine = engine;
        this.market = engine.market();
        this.marketData = engine.marketHistory();
    }

    String require(String symbol) {
        if (!isKnown(symbol)) {
            throw EngineException.invalid("symbol", "symbol must be one of " + known() + ", got "
                    + (symbol == null ? "nothing" : "'" + symbol + "'"));
        }
        return symbol;
    }

    /** Simulated symbols and those imported into {@code market.ohlcv} (re-read at most once a second). */
    boolean isKnown(String symbol) {
        return symbol != null && (engine.isLive(symbol) || marketData.imported().contains(symbol));
    }

    List<String> known() {
        List<String> all = new ArrayList<>(market.symbols());
        all.addAll(marketData.imported().symbols());
        return all;
    }

    /** Quotes and books need the live market: imported symbols have bars only. */
    String live(String symbol, String what) {
        String s = require(symbol);
        if (!engine.isLive(s)) {
            throw EngineException.invalid("symbol", "symbol '" + s + "' has imported bars only, and " + what
                    + " needs the live market, which serves " + market.symbols());
        }
        return s;
    }

    List<String> distinct(List<String> symbols, boolean mustBeKnown) {
        if (symbols == null || symbols.isEmpty()) {
            throw EngineException.invalid("symbols", "symbols must be a non-empty list, e.g. [\"BTC-USDT\", \"ETH-USDT\"]");
        }
        if (symbols.size() > LabPortfolio.MAX_SYMBOLS) {
            throw EngineException.invalid("symbols", "symbols must hold at most " + LabPortfolio.MAX_SYMBOLS + " entries, got "
                    + symbols.size());
        }
        Set<String> seen = new HashSet<>();
        for (String s : symbols) {
            if (s == null || s.isBlank()) {
                throw EngineException.invalid("symbols", "symbols must not contain blank entries");
            }
            if (mustBeKnown && !isKnown(s)) {
                throw EngineException.invalid("symbols", "symbols must be among " + known() + ", got '" + s + "'");
            }
            if (!seen.add(s)) {
                throw EngineException.invalid("symbols", "symbols must be distinct, '" + s + "' appears twice");
            }
        }
        return List.copyOf(symbols);
    }
}

package io.hfthot.engine.lab.api;

import java.util.List;

/**
 * {@code GET /v1/market/symbols}: every symbol the market-data routes serve.
 *
 * @param symbols simulated symbols first, then imported ones, each sorted by name
 */
public record MarketSymbolsResponse(List<MarketSymbol> symbols) {
    /** Copies the list. */
    public MarketSymbolsResponse {
        symbols = List.copyOf(symbols);
    }
}

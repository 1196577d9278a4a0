package io.hfthot.engine.market.lakehouse;

import io.hfthot.engine.lab.api.MarketSymbol;
import io.hfthot.engine.lab.api.MarketSymbolsResponse;
import io.hfthot.engine.lab.api.SymbolInterval;
import java.util.ArrayList;
import java.util.List;

/** Builds the {@code GET /v1/market/symbols} answer from the simulator's symbols and the stored series. */
public final class MarketSymbols {
    private MarketSymbols() {
    }

    /**
     * Lists the simulated symbols (in the simulator's order), then the imported ones (sorted).
     *
     * @param simulated the simulator's symbols
     * @param imported  the imported symbols and the stored series
     * @return the answer
     */
    public static MarketSymbolsResponse list(List<String> simulated, ImportedSymbols imported) {
        List<MarketSymbol> out = new ArrayList<>();
        for (String s : simulated) {
            out.add(new MarketSymbol(s, "simulated", intervals(imported.stored().of(s))));
        }
        for (String s : imported.symbols()) {
            out.add(new MarketSymbol(s, "imported", intervals(imported.stored().of(s))));
        }
        return new MarketSymbolsResponse(out);
    }

    private static List<SymbolInterval> intervals(List<StoredSymbols.Coverage> series) {
        List<SymbolInterval> out = new ArrayList<>(series.size());
        for (StoredSymbols.Coverage c : series) {
            out.add(new SymbolInterval(c.interval().label(), c.firstMs(), c.lastMs(), c.bars()));
        }
        return out;
    }
}

package io.hfthot.engine.market.lakehouse;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.regime.RegimeService;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import java.util.List;
import java.util.Objects;

/**
 * Regime models for imported symbols: fitted on a symbol's stored bars at its first regime request, and fed the
 * bars imported since at each later request (the simulated symbols are fed by the lab's live schedule instead).
 * The model uses the finest stored interval, so a symbol imported as daily bars gets a daily regime.
 */
public final class ImportedRegimes {
    /** Bars read for a first fit: enough for the regime service's window at every lookback. */
    private static final int HISTORY_BARS = 20_000;
    /** The fewest bars a model is fitted on (the regime service's own minimum). */
    private static final int MIN_BARS = 300;

    private final ImportedSymbols imported;
    private final RegimeService regimes;

    /**
     * Creates the bridge.
     *
     * @param imported the imported symbols
     * @param regimes  the lab's regime service
     */
    public ImportedRegimes(ImportedSymbols imported, RegimeService regimes) {
        this.imported = Objects.requireNonNull(imported, "imported");
        this.regimes = Objects.requireNonNull(regimes, "regimes");
    }

    /**
     * Makes the regime service track an imported symbol with every stored bar up to now.
     *
     * @param symbol a symbol for which {@link ImportedSymbols#contains} holds
     * @throws EngineException INVALID_PARAMS (symbol) when fewer than 300 bars are stored
     */
    public synchronized void sync(String symbol) {
        List<StoredSymbols.Coverage> series = imported.stored().of(symbol);
        if (series.isEmpty()) {
            throw EngineException.invalid("symbol", "symbol '" + symbol + "' has no stored bars");
        }
        StoredSymbols.Coverage finest = series.get(0);
        Interval interval = finest.interval();
        if (!regimes.tracks(symbol)) {
            List<Bar> history = imported.bars(symbol, interval, 0, finest.lastMs(), HISTORY_BARS);
            if (history.size() < MIN_BARS) {
                throw EngineException.invalid("symbol", "symbol '" + symbol + "' has " + history.size() + " stored "
                        + interval.label() + " bars; the regime model needs at least " + MIN_BARS);
            }
            regimes.track(symbol, history);
            return;
        }
        long last = regimes.lastBarTime(symbol);
        if (finest.lastMs() > last) {
            List<Bar> fresh = imported.bars(symbol, interval, last + 1, finest.lastMs(), HISTORY_BARS);
            if (!fresh.isEmpty()) {
                regimes.onNewBars(symbol, fresh);
            }
        }
    }
}

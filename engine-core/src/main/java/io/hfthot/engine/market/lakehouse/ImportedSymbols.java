package io.hfthot.engine.market.lakehouse;

import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.OhlcvAggregator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Bars of symbols that only {@code market.ohlcv} knows (imported history, no simulator behind them), served like
 * the simulated ones: an interval that is stored is read as is; a coarser one is aggregated from the finest stored
 * interval that divides it (only complete buckets), so daily closes exist for portfolio and backtest even when
 * only minute bars were imported.
 */
public final class ImportedSymbols {
    private final MarketTables tables;
    private final StoredSymbols stored;
    private final Set<String> simulated;

    ImportedSymbols(MarketTables tables, StoredSymbols stored, Set<String> simulated) {
        this.tables = tables;
        this.stored = stored;
        this.simulated = Set.copyOf(simulated);
    }

    /**
     * Tells whether a symbol is served from stored bars only.
     *
     * @param symbol the symbol
     * @return true for a stored symbol the simulator does not know
     */
    public boolean contains(String symbol) {
        return symbol != null && !simulated.contains(symbol) && !stored.of(symbol).isEmpty();
    }

    /**
     * Returns the stored-only symbols, sorted.
     *
     * @return the symbols
     */
    public List<String> symbols() {
        List<String> out = new ArrayList<>();
        for (String s : stored.bySymbol().keySet()) {
            if (!simulated.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    /**
     * Returns the catalogue of stored series (simulated and imported symbols alike).
     *
     * @return the stored series
     */
    public StoredSymbols stored() {
        return stored;
    }

    /**
     * Returns the bars of a stored-only symbol with open time in {@code [fromMs, toMs]}, the most recent
     * {@code limit}; empty when neither the interval nor a finer one dividing it is stored.
     *
     * @param symbol   a symbol for which {@link #contains} holds
     * @param interval the interval
     * @param fromMs   first open time (inclusive)
     * @param toMs     last open time (inclusive)
     * @param limit    maximum bars
     * @return bars in strictly increasing time
     */
    public List<Bar> bars(String symbol, Interval interval, long fromMs, long toMs, int limit) {
        Optional<StoredSymbols.Coverage> source = source(symbol, interval);
        if (source.isEmpty() || toMs < fromMs) {
            return List.of();
        }
        Interval finer = source.get().interval();
        List<Bar> bars;
        if (finer == interval) {
            bars = tables.readBars(symbol, interval, fromMs, toMs).bars();
        } else {
            long from = interval.bucketStart(fromMs);
            long to = Math.min(toMs, Long.MAX_VALUE - interval.millis()) + interval.millis() - 1;
            List<Bar> fine = tables.readBars(symbol, finer, from, to).bars();
            long lastFine = source.get().lastMs();
            bars = new ArrayList<>();
            for (Bar b : OhlcvAggregator.aggregate(fine, interval)) {
                // Only complete buckets: the stored finer bars must reach the bucket's last finer bar.
                boolean complete = b.time() + interval.millis() - finer.millis() <= lastFine;
                if (complete && b.time() >= fromMs && b.time() <= toMs) {
                    bars.add(b);
                }
            }
        }
        return bars.size() <= limit ? bars : List.copyOf(bars.subList(bars.size() - limit, bars.size()));
    }

    /**
     * Returns the finest stored interval of a symbol and its last bar, empty when none is stored.
     *
     * @param symbol the symbol
     * @return the last bar of the finest stored series
     */
    public Optional<Bar> lastBar(String symbol) {
        List<StoredSymbols.Coverage> series = stored.of(symbol);
        if (series.isEmpty()) {
            return Optional.empty();
        }
        StoredSymbols.Coverage finest = series.get(0);
        List<Bar> last = tables.readBars(symbol, finest.interval(), finest.lastMs(), finest.lastMs()).bars();
        return last.isEmpty() ? Optional.empty() : Optional.of(last.get(last.size() - 1));
    }

    /**
     * Returns the finest stored interval of a symbol, empty when none is stored.
     *
     * @param symbol the symbol
     * @return the interval
     */
    public Optional<Interval> finestInterval(String symbol) {
        List<StoredSymbols.Coverage> series = stored.of(symbol);
        return series.isEmpty() ? Optional.empty() : Optional.of(series.get(0).interval());
    }

    private Optional<StoredSymbols.Coverage> source(String symbol, Interval interval) {
        StoredSymbols.Coverage best = null;
        for (StoredSymbols.Coverage c : stored.of(symbol)) {
            if (c.interval() == interval) {
                return Optional.of(c);
            }
            if (c.interval().millis() < interval.millis() && interval.millis() % c.interval().millis() == 0
                    && (best == null || c.interval().millis() > best.interval().millis())) {
                best = c;
            }
        }
        return Optional.ofNullable(best);
    }
}

package io.hfthot.engine.hti;

import io.hfthot.engine.Engine;
import io.hfthot.engine.hti.ideas.IdeaGenerator;
import io.hfthot.engine.hti.ideas.Observation;
import io.hfthot.engine.hti.ideas.Timeframe;
import io.hfthot.engine.hti.ideas.TimeframeRegimes;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.lakehouse.ImportedSymbols;
import io.hfthot.engine.market.lakehouse.StoredSymbols;
import io.hfthot.engine.regime.RegimeService;
import io.hfthot.quant.regime.RegimeSignal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the idea generator sees of the engine's markets at a pass: for every live (simulated) and every imported
 * symbol and every {@link Timeframe}, the timeframe's own last closed bars, the last price and the timeframe's own
 * regime posterior.
 *
 * <p>Regimes: the one-minute ideas of a live symbol read the engine's regime service (the model the regime
 * endpoint and the regime-change events use); every other slot reads its own HMM fitted on that timeframe's
 * closes ({@link TimeframeRegimes}). A slot with fewer than {@value TimeframeRegimes#MIN_FIT_BARS} closes of its
 * timeframe gets no observation, hence no idea, until it has them.
 *
 * <p>Imported symbols (the server's {@code import} command: bars in {@code market.ohlcv} that no simulator produces)
 * are read from their stored bars: a timeframe is observed when it is stored or a finer stored interval divides it
 * ({@link ImportedSymbols#bars}, complete buckets only), and the last price is the last close of the finest stored
 * interval. Their bars change only with an import, so a symbol's observations are re-read only when its stored series
 * (intervals, last bar, bar count) change; between imports its ideas can only expire or be updated by time, never hit
 * their levels.
 *
 * <p>Not thread-safe: the generator pass serializes calls.
 */
final class MarketObserver {
    /** Bars read per slot with its own model: enough for a fit and for the generator. */
    private static final int BARS = TimeframeRegimes.FIT_BARS;
    /** Bars read for a live M1 slot, whose regime is the engine's: enough for the generator. */
    private static final int GENERATOR_BARS = IdeaGenerator.MIN_CLOSES + 10;

    private final Engine engine;
    private final TimeframeRegimes regimes = new TimeframeRegimes();
    private final Map<String, ImportedView> importedViews = new HashMap<>();

    /** An imported symbol's observations, valid while its stored series are the same. */
    private record ImportedView(List<StoredSymbols.Coverage> stamp, List<Observation> observations) {
    }

    MarketObserver(Engine engine) {
        this.engine = engine;
    }

    /**
     * Observes every symbol and timeframe.
     *
     * @param nowMs the pass time, Unix ms
     * @return at most one observation per instrument and timeframe
     */
    List<Observation> observe(long nowMs) {
        List<Observation> out = new ArrayList<>();
        for (String symbol : engine.market().symbols()) {
            if (engine.regimes().tracks(symbol)) {
                observeLive(symbol, nowMs, out);
            }
        }
        ImportedSymbols imported = engine.marketHistory().imported();
        List<String> symbols = imported.symbols();
        importedViews.keySet().retainAll(symbols);
        for (String symbol : symbols) {
            List<StoredSymbols.Coverage> stamp = imported.stored().of(symbol);
            ImportedView view = importedViews.get(symbol);
            if (view == null || !view.stamp().equals(stamp)) {
                view = new ImportedView(stamp, observeImported(imported, symbol, stamp));
                importedViews.put(symbol, view);
            }
            out.addAll(view.observations());
        }
        return out;
    }

    private void observeLive(String symbol, long nowMs, List<Observation> out) {
        double last = engine.market().ticker(symbol).last();
        for (Timeframe tf : Timeframe.values()) {
            boolean engineRegime = tf == Timeframe.M1;
            int count = engineRegime ? GENERATOR_BARS : BARS;
            List<Bar> bars = engine.marketHistory().bars(symbol, tf.interval(), nowMs - (count + 2) * tf.millis(),
                    nowMs, count);
            Optional<RegimeSignal> signal = engineRegime
                    ? Optional.of(engine.regimes().signal(symbol, RegimeService.DEFAULT_LOOKBACK))
                    : Optional.empty();
            observation(symbol, tf, bars, last, signal).ifPresent(out::add);
        }
    }

    private List<Observation> observeImported(ImportedSymbols imported, String symbol,
                                              List<StoredSymbols.Coverage> stamp) {
        Optional<Bar> lastBar = imported.lastBar(symbol);
        if (stamp.isEmpty() || lastBar.isEmpty()) {
            return List.of();
        }
        long end = stamp.get(0).lastMs();
        List<Observation> out = new ArrayList<>();
        for (Timeframe tf : Timeframe.values()) {
            // Imported series may have gaps (nights, weekends): a window of ten times BARS bar lengths holds BARS
            // bars for a market open a fifth of the time; a sparser or shorter series is read from the epoch.
            List<Bar> bars = imported.bars(symbol, tf.interval(), Math.max(0, end - 10L * BARS * tf.millis()), end,
                    BARS);
            if (bars.size() < BARS) {
                bars = imported.bars(symbol, tf.interval(), 0, end, BARS);
            }
            observation(symbol, tf, bars, lastBar.get().close(), Optional.empty()).ifPresent(out::add);
        }
        return out;
    }

    /** An observation from a slot's bars, with the given regime or else the slot's own timeframe model. */
    private Optional<Observation> observation(String symbol, Timeframe tf, List<Bar> bars, double last,
                                              Optional<RegimeSignal> given) {
        if (bars.size() < IdeaGenerator.MIN_CLOSES) {
            return Optional.empty();
        }
        double[] closes = new double[bars.size()];
        for (int i = 0; i < closes.length; i++) {
            closes[i] = bars.get(i).close();
        }
        long lastBarTime = bars.get(bars.size() - 1).time();
        Optional<RegimeSignal> signal = given.isPresent() ? given
                : regimes.signal(Observation.key(symbol, tf), closes, lastBarTime, tf.millis());
        return signal.map(s -> new Observation(symbol, tf, closes, lastBarTime, last, s.regime().wireName(),
                s.confidence()));
    }
}

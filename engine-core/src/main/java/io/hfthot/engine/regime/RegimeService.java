package io.hfthot.engine.regime;

import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import io.hfthot.engine.market.Bar;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.regime.RegimeChangeDetector;
import io.hfthot.quant.regime.RegimeChangeEvent;
import io.hfthot.quant.regime.RegimeFeatures;
import io.hfthot.quant.regime.RegimeFit;
import io.hfthot.quant.regime.RegimeModel;
import io.hfthot.quant.regime.RegimeSignal;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Per-symbol regime detection over closed 1m bars: a 3-state Gaussian HMM (quant-core's
 * {@link RegimeModel}) fitted per symbol, cached, refitted on a schedule, and updated per new bar.
 *
 * <p>Refresh policy: {@link #refit(String)} fits the model on the last {@code fitBars} closes (Baum-Welch
 * with restarts; slow, run in the background). {@link #onNewBars(String, List)} takes each newly closed bar:
 * it extends the close window, feeds the symbol's {@link RegimeChangeDetector} (Viterbi over the last 200
 * feature rows) and publishes a {@link RegimeChangeMessage} on {@link LabTopics#regime(String)} when the
 * Viterbi state changes with confidence above 0.75, and it precomputes the signal for the default lookback.
 * {@link #signal(String, int)} then answers from that cache (other lookbacks are computed once per bar and
 * cached too), so the regime endpoint does no inference on its request path.
 *
 * <p>Thread safety: readers see an immutable per-symbol state published through a volatile field; the
 * updates ({@link #refit}, {@link #onNewBars}) serialize per symbol.
 */
public final class RegimeService {
    /** The lookback the regime endpoint uses when none is given (seed 000: 200 bars). */
    public static final int DEFAULT_LOOKBACK = RegimeChangeDetector.DEFAULT_LOOKBACK;
    /** The smallest accepted lookback. */
    public static final int MIN_LOOKBACK = 10;
    /** The largest accepted lookback. */
    public static final int MAX_LOOKBACK = 5000;

    private static final Logger LOG = LoggerFactory.getLogger(RegimeService.class);

    private final RegimeFeatures features = RegimeFeatures.defaults();
    private final FitOptions fitOptions;
    private final int fitBars;
    private final EventBus bus;
    private final int window;
    private final Map<String, SymbolRegime> symbols = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param fitBars    closes used per fit (at least 300)
     * @param fitOptions Baum-Welch options (3 states)
     * @param bus        where regime changes are published
     */
    public RegimeService(int fitBars, FitOptions fitOptions, EventBus bus) {
        if (fitBars < 300) {
            throw new IllegalArgumentException("fitBars must be >= 300, got " + fitBars);
        }
        this.fitBars = fitBars;
        this.fitOptions = Objects.requireNonNull(fitOptions, "fitOptions");
        this.bus = Objects.requireNonNull(bus, "bus");
        this.window = Math.max(fitBars, MAX_LOOKBACK + features.warmup() + 1);
    }

    /**
     * Starts tracking a symbol: fits its model on the given history and primes its detector and cache
     * without publishing events.
     *
     * @param symbol  the symbol
     * @param history closed 1m bars, oldest first (at least 300)
     */
    public void track(String symbol, List<Bar> history) {
        SymbolRegime state = new SymbolRegime(symbol);
        synchronized (state) {
            state.closes = tail(closes(history), window);
            state.lastTime = history.isEmpty() ? Long.MIN_VALUE : history.get(history.size() - 1).time();
            state.model = fit(symbol, state.closes);
            state.detector = primedDetector(state.model, state.closes);
            state.publish();
        }
        symbols.put(symbol, state);
    }

    /**
     * Refits a symbol's model on its latest closes and rebuilds its detector (no events during the
     * rebuild; the detector keeps reporting changes from the next bar on).
     *
     * @param symbol a tracked symbol
     */
    public void refit(String symbol) {
        SymbolRegime state = require(symbol);
        double[] closes;
        synchronized (state) {
            closes = state.closes;
        }
        RegimeModel model = fit(symbol, closes);
        synchronized (state) {
            state.model = model;
            state.detector = primedDetector(model, state.closes);
            state.publish();
        }
    }

    /**
     * Takes newly closed bars of a symbol (bars not after the last seen one are ignored): updates the close
     * window and the cached signal, and publishes regime changes.
     *
     * @param symbol a tracked symbol
     * @param bars   closed 1m bars, oldest first
     * @return the number of regime-change events published
     */
    public int onNewBars(String symbol, List<Bar> bars) {
        SymbolRegime state = require(symbol);
        int events = 0;
        synchronized (state) {
            double[] added = new double[bars.size()];
            int n = 0;
            for (Bar bar : bars) {
                if (bar.time() <= state.lastTime) {
                    continue;
                }
                state.lastTime = bar.time();
                added[n++] = bar.close();
                Optional<RegimeChangeEvent> change = state.detector.onBar(Instant.ofEpochMilli(bar.time()),
                        bar.close());
                if (change.isPresent()) {
                    RegimeChangeEvent e = change.get();
                    bus.publish(LabTopics.regime(symbol), new RegimeChangeMessage(RegimeChangeMessage.TYPE, symbol,
                            e.from().wireName(), e.to().wireName(), e.confidence(), e.recommendedStrategy(),
                            e.timeMillis()));
                    events++;
                }
            }
            if (n > 0) {
                double[] merged = Arrays.copyOf(state.closes, state.closes.length + n);
                System.arraycopy(added, 0, merged, state.closes.length, n);
                state.closes = tail(merged, window);
                state.publish();
            }
        }
        return events;
    }

    /**
     * Returns the regime of a symbol at its last closed bar, over the last {@code lookback} feature rows.
     * The default lookback is answered from the cache filled at each bar; another lookback is computed once
     * per bar and then cached.
     *
     * @param symbol   a tracked symbol
     * @param lookback bars of inference, in [{@value #MIN_LOOKBACK}, {@value #MAX_LOOKBACK}]
     * @return the signal
     */
    public RegimeSignal signal(String symbol, int lookback) {
        Cached cached = require(symbol).cached;
        if (lookback == DEFAULT_LOOKBACK) {
            return cached.defaultSignal;
        }
        return cached.byLookback.computeIfAbsent(lookback, lb -> cached.model.signal(
                tail(cached.closes, lb + features.warmup() + 1)));
    }

    /**
     * Tells whether a symbol is tracked.
     *
     * @param symbol the symbol
     * @return true when tracked
     */
    public boolean tracks(String symbol) {
        return symbols.containsKey(symbol);
    }

    /**
     * Returns the open time of the last bar a symbol's state has seen.
     *
     * @param symbol a tracked symbol
     * @return Unix ms
     */
    public long lastBarTime(String symbol) {
        return require(symbol).cached.lastTime;
    }

    /**
     * Returns the current model of a symbol.
     *
     * @param symbol a tracked symbol
     * @return the model
     */
    public RegimeModel model(String symbol) {
        return require(symbol).cached.model;
    }

    /**
     * Returns the standard deviation of the last {@code count} one-bar log returns of a symbol.
     *
     * @param symbol a tracked symbol
     * @param count  returns to use, at least 2
     * @return the volatility per bar
     */
    public double volatility(String symbol, int count) {
        double[] c = tail(require(symbol).cached.closes, count + 1);
        int n = c.length - 1;
        if (n < 2) {
            return 0;
        }
        double mean = 0;
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            r[i] = Math.log(c[i + 1] / c[i]);
            mean += r[i];
        }
        mean /= n;
        double ss = 0;
        for (double x : r) {
            ss += (x - mean) * (x - mean);
        }
        return Math.sqrt(ss / (n - 1));
    }

    private SymbolRegime require(String symbol) {
        SymbolRegime state = symbols.get(symbol);
        if (state == null) {
            throw new IllegalArgumentException("symbol '" + symbol + "' is not tracked; tracked: " + symbols.keySet());
        }
        return state;
    }

    private RegimeModel fit(String symbol, double[] closes) {
        double[] sample = tail(closes, fitBars);
        RegimeFit fit = RegimeModel.fit(sample, features, fitOptions);
        LOG.debug("regime model of {} fitted on {} closes: {}", symbol, sample.length, fit.fit().status());
        return fit.model();
    }

    private RegimeChangeDetector primedDetector(RegimeModel model, double[] closes) {
        RegimeChangeDetector detector = new RegimeChangeDetector(model);
        double[] prime = tail(closes, DEFAULT_LOOKBACK + features.warmup() + 1);
        // Priming replays recent bars so the detector knows the current regime; changes found while
        // priming are history, not news, so they are not published. Times only need to increase.
        for (int i = 0; i < prime.length; i++) {
            detector.onBar(Instant.ofEpochMilli(i), prime[i]);
        }
        return detector;
    }

    private static double[] closes(List<Bar> bars) {
        double[] out = new double[bars.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bars.get(i).close();
        }
        return out;
    }

    private static double[] tail(double[] values, int count) {
        return values.length <= count ? values : Arrays.copyOfRange(values, values.length - count, values.length);
    }

    /** Mutable per-symbol state (guarded by itself) and its published immutable view. */
    private final class SymbolRegime {
        private final String symbol;
        private double[] closes = new double[0];
        private long lastTime = Long.MIN_VALUE;
        private RegimeModel model;
        private RegimeChangeDetector detector;
        private volatile Cached cached;

        SymbolRegime(String symbol) {
            this.symbol = symbol;
        }

        void publish() {
            RegimeSignal signal = model.signal(tail(closes, DEFAULT_LOOKBACK + features.warmup() + 1));
            cached = new Cached(model, closes, lastTime, signal, new ConcurrentHashMap<>());
        }

        @Override
        public String toString() {
            return "SymbolRegime[" + symbol + "]";
        }
    }

    /** What readers see: never mutated after publication (closes are replaced, not written). */
    private record Cached(RegimeModel model, double[] closes, long lastTime, RegimeSignal defaultSignal,
                          Map<Integer, RegimeSignal> byLookback) {
    }

    /**
     * Returns the regime probabilities keyed by wire name in the order trending, mean_reverting, volatile.
     *
     * @param signal a signal
     * @return the ordered map
     */
    public static Map<String, Double> orderedProbabilities(RegimeSignal signal) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (io.hfthot.quant.regime.Regime r : io.hfthot.quant.regime.Regime.values()) {
            out.put(r.wireName(), signal.probability(r));
        }
        return out;
    }
}

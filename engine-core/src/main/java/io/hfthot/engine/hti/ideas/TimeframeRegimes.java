package io.hfthot.engine.hti.ideas;

import io.hfthot.quant.SolverStatus;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.regime.RegimeChangeDetector;
import io.hfthot.quant.regime.RegimeFeatures;
import io.hfthot.quant.regime.RegimeFit;
import io.hfthot.quant.regime.RegimeModel;
import io.hfthot.quant.regime.RegimeSignal;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One regime HMM per instrument and timeframe, fitted on that timeframe's own closes, so that an H1 idea reads
 * an hourly posterior rather than the one-minute one.
 *
 * <p>The model of a slot is the engine's regime model (quant-core {@link RegimeModel}: 3-state Gaussian HMM over
 * log return and efficiency ratio, {@link FitOptions#defaults()}) fitted by Baum-Welch on the last
 * {@value #FIT_BARS} closes of the timeframe (at least {@value #MIN_FIT_BARS}; a slot with fewer closes has no
 * regime, hence no idea, until it has enough). It is refitted once {@value #REFIT_BARS} new bars of the timeframe
 * have closed since its fit. The signal is the filtered posterior at the last close over the last
 * {@link #SIGNAL_CLOSES} closes (the default regime lookback of 200 feature rows plus the feature warm-up), the
 * same reading the engine's regime endpoint makes on one-minute bars; it is computed once per new bar and cached.
 *
 * <p>Thread safety: callers serialize (the HTI generator pass holds its lock).
 */
public final class TimeframeRegimes {
    /** Closes a fit uses at most. */
    public static final int FIT_BARS = 500;
    /** The fewest closes a model is fitted on (the engine's regime service's own minimum). */
    public static final int MIN_FIT_BARS = 300;
    /** New bars of the timeframe after which a slot's model is refitted. */
    public static final int REFIT_BARS = 100;
    /** Closes the posterior is read over: 200 feature rows, the features' warm-up and one. */
    public static final int SIGNAL_CLOSES = RegimeChangeDetector.DEFAULT_LOOKBACK
            + RegimeFeatures.defaults().warmup() + 1;

    private final RegimeFeatures features = RegimeFeatures.defaults();
    private final FitOptions options = FitOptions.defaults();
    private final Map<String, Slot> slots = new HashMap<>();

    /** A slot's model, the bar it was fitted at, and the last signal with its bar. */
    private static final class Slot {
        private RegimeModel model;
        private long fittedAtBar;
        private long signalBar = Long.MIN_VALUE;
        private RegimeSignal signal;
    }

    /**
     * Returns the regime of a slot at its last closed bar.
     *
     * @param key         the slot (instrument and timeframe)
     * @param closes      the timeframe's closes, oldest first, ending at the last closed bar (not modified)
     * @param lastBarTime open time of the last closed bar, Unix ms
     * @param barMillis   the timeframe's bar length
     * @return the signal, or empty while fewer than {@value #MIN_FIT_BARS} closes exist or the fit fails
     */
    public Optional<RegimeSignal> signal(String key, double[] closes, long lastBarTime, long barMillis) {
        Slot slot = slots.computeIfAbsent(key, k -> new Slot());
        if (slot.signal != null && slot.signalBar == lastBarTime) {
            return Optional.of(slot.signal);
        }
        if (closes.length < MIN_FIT_BARS) {
            return Optional.empty();
        }
        if (slot.model == null || (lastBarTime - slot.fittedAtBar) / barMillis >= REFIT_BARS) {
            RegimeModel fitted = fit(closes);
            if (fitted == null) {
                return Optional.empty();
            }
            slot.model = fitted;
            slot.fittedAtBar = lastBarTime;
        }
        slot.signal = slot.model.signal(tail(closes, SIGNAL_CLOSES));
        slot.signalBar = lastBarTime;
        return Optional.of(slot.signal);
    }

    /**
     * Returns the open time of the last bar a slot's model was fitted at, for tests and diagnostics.
     *
     * @param key the slot
     * @return Unix ms, or empty when the slot has no model
     */
    public Optional<Long> fittedAt(String key) {
        Slot slot = slots.get(key);
        return slot == null || slot.model == null ? Optional.empty() : Optional.of(slot.fittedAtBar);
    }

    /**
     * Fits a model the way this class does, on the last {@value #FIT_BARS} of the given closes.
     *
     * @param closes closes, oldest first (not modified)
     * @return the model, or null for a degenerate or cancelled fit
     */
    RegimeModel fit(double[] closes) {
        RegimeFit fit = RegimeModel.fit(tail(closes, FIT_BARS), features, options);
        SolverStatus status = fit.fit().status();
        // As the engine's regime service, the last iterate of a fit that hit the iteration limit is used; a
        // degenerate fit (a state collapsed onto a spike) or a cancelled one says nothing about the regime.
        return status == SolverStatus.CONVERGED || status == SolverStatus.MAX_ITERATIONS ? fit.model() : null;
    }

    static double[] tail(double[] values, int count) {
        return values.length <= count ? values : Arrays.copyOfRange(values, values.length - count, values.length);
    }
}

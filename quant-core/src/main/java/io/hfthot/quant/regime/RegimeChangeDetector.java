package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.hmm.HmmWorkspace;
import io.hfthot.quant.hmm.Observations;
import java.time.Instant;
import java.util.Optional;

/**
 * Watches a bar stream and emits a {@link RegimeChangeEvent} when the regime of the last state of the Viterbi
 * path over the recent window changes and the posterior probability of the new regime exceeds a threshold
 * (0.75 by default, as the regime stream specifies).
 *
 * <p>On each bar the detector runs Viterbi and the forward pass over the last {@code lookback} feature rows
 * (the window slides, so the cost per bar is bounded). The first regime seen becomes the current regime
 * without an event; a change below the threshold is not reported and the previous regime stays current until
 * a later bar confirms the change. Times are those of the bars, given by the caller. Not thread-safe.
 */
public final class RegimeChangeDetector {
    /** The regime stream's confidence threshold. */
    public static final double DEFAULT_THRESHOLD = 0.75;
    /** The regime endpoint's default lookback: 200 bars. */
    public static final int DEFAULT_LOOKBACK = 200;

    private final RegimeModel model;
    private final int lookback;
    private final double threshold;
    private final double[] ring;
    private final double[] window;
    private final double[] statePosterior;
    private final double[] regimePosterior = new double[3];
    private final HmmWorkspace ws = new HmmWorkspace();
    private int count;
    private Regime current;
    private Instant lastTime;

    /**
     * Creates a detector with the default lookback (200) and threshold (0.75).
     *
     * @param model the regime model
     */
    public RegimeChangeDetector(RegimeModel model) {
        this(model, DEFAULT_LOOKBACK, DEFAULT_THRESHOLD);
    }

    /**
     * Creates a detector.
     *
     * @param model     the regime model
     * @param lookback  feature rows in the Viterbi window, at least 2
     * @param threshold the confidence a change must exceed, in {@code [0, 1)}
     */
    public RegimeChangeDetector(RegimeModel model, int lookback, double threshold) {
        if (model == null) {
            throw new InvalidParameterException("model", "model must not be null");
        }
        if (lookback < 2) {
            throw new InvalidParameterException("lookback", "lookback must be >= 2, got " + lookback);
        }
        if (!(threshold >= 0 && threshold < 1)) {
            throw new InvalidParameterException("threshold", "threshold must be in [0, 1), got " + threshold);
        }
        this.model = model;
        this.lookback = lookback;
        this.threshold = threshold;
        this.ring = new double[lookback + model.features().warmup()];
        this.window = new double[ring.length];
        this.statePosterior = new double[model.hmm().states()];
    }

    /**
     * Absorbs one bar.
     *
     * @param time  the bar's time, not before the previous bar's
     * @param close the bar's close, finite and {@code > 0}
     * @return the regime change detected at this bar, if any
     */
    public Optional<RegimeChangeEvent> onBar(Instant time, double close) {
        if (time == null) {
            throw new InvalidParameterException("time", "time must not be null");
        }
        if (lastTime != null && time.isBefore(lastTime)) {
            throw new InvalidParameterException("time",
                    "time must not go backwards: " + time + " is before " + lastTime);
        }
        if (!(close > 0) || !Double.isFinite(close)) {
            throw new InvalidParameterException("close", "close must be a finite price > 0, got " + close);
        }
        lastTime = time;
        ring[count % ring.length] = close;
        count++;
        int available = Math.min(count, ring.length);
        if (available <= model.features().warmup() + 1) {
            return Optional.empty();
        }
        int start = count - available;
        for (int i = 0; i < available; i++) {
            window[i] = ring[(start + i) % ring.length];
        }
        Observations x = model.features().fromCloses(window, 0, available);
        model.hmm().infer(x, ws);
        int last = x.length() - 1;
        Regime viterbi = model.mapping().regime(ws.viterbiState(last));
        ws.filteredInto(last, statePosterior);
        model.mapping().aggregate(statePosterior, regimePosterior);
        double confidence = regimePosterior[viterbi.ordinal()];
        if (current == null) {
            current = viterbi;
            return Optional.empty();
        }
        if (viterbi == current || !(confidence > threshold)) {
            return Optional.empty();
        }
        RegimeChangeEvent event = new RegimeChangeEvent(current, viterbi, confidence, viterbi.recommendedStrategy(), time);
        current = viterbi;
        return Optional.of(event);
    }

    /** The current regime, empty until enough bars have been seen. */
    public Optional<Regime> current() {
        return Optional.ofNullable(current);
    }

    /** The number of bars absorbed. */
    public int bars() {
        return count;
    }
}

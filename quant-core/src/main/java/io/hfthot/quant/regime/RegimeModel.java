package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.hmm.BaumWelch;
import io.hfthot.quant.hmm.FitOptions;
import io.hfthot.quant.hmm.FitResult;
import io.hfthot.quant.hmm.GaussianHmm;
import io.hfthot.quant.hmm.HmmWorkspace;
import io.hfthot.quant.hmm.Observations;

/**
 * A fitted regime model: a Gaussian HMM over {@link RegimeFeatures}, the features it expects and the mapping
 * of its states to regimes. Immutable and thread-safe; the workspace-taking methods are allocation-light and
 * the workspace is the caller's.
 */
public final class RegimeModel {
    private final GaussianHmm hmm;
    private final RegimeFeatures features;
    private final RegimeMapping mapping;

    private RegimeModel(GaussianHmm hmm, RegimeFeatures features, RegimeMapping mapping) {
        this.hmm = hmm;
        this.features = features;
        this.mapping = mapping;
    }

    /**
     * Wraps an already fitted HMM, deriving the regime mapping from its emissions.
     *
     * @param hmm      a model over ({@code log return}, {@code efficiency ratio}) with at least 3 states
     * @param features the features the model was fitted on
     * @return the regime model
     */
    public static RegimeModel of(GaussianHmm hmm, RegimeFeatures features) {
        if (hmm == null || features == null) {
            throw new InvalidParameterException("hmm", "hmm and features must not be null");
        }
        if (hmm.features() != 2) {
            throw new InvalidParameterException("hmm",
                    "a regime HMM must have 2 features (log return, efficiency ratio), got "
                    + hmm.features());
        }
        return new RegimeModel(hmm, features, RegimeMapping.of(hmm));
    }

    /**
     * Fits a regime model to a close-price history.
     *
     * @param closes   close prices in time order, each finite and {@code > 0} (not modified)
     * @param features the features to build
     * @param options  the fit options; {@link FitOptions#states()} must be at least 3
     * @return the model and the fit report (check {@link FitResult#status()} before trusting it)
     * @throws IllegalArgumentException on bad prices, too short a history or fewer than 3 states
     */
    public static RegimeFit fit(double[] closes, RegimeFeatures features, FitOptions options) {
        if (features == null || options == null) {
            throw new InvalidParameterException(features == null ? "features" : "options",
                    "features and options must not be null");
        }
        if (options.states() < 3) {
            throw new InvalidParameterException("states",
                    "a regime model needs at least 3 states (one per regime), got "
                    + options.states());
        }
        Observations x = features.fromCloses(closes);
        FitResult fit = BaumWelch.fit(x, options);
        return new RegimeFit(of(fit.model(), features), fit);
    }

    /**
     * The regime at the last bar of a close series, from the filtered (equal, at the last bar, to the smoothed)
     * posterior over the whole series.
     *
     * @param closes the recent closes, e.g. the last {@code lookback + warmup} bars (not modified)
     * @return the signal
     */
    public RegimeSignal signal(double[] closes) {
        return signal(closes, new HmmWorkspace());
    }

    /**
     * The regime at the last bar, reusing a workspace.
     *
     * @param closes the recent closes (not modified)
     * @param ws     the workspace (modified)
     * @return the signal
     */
    public RegimeSignal signal(double[] closes, HmmWorkspace ws) {
        Observations x = features.fromCloses(closes);
        hmm.logLikelihood(x, ws);
        return signalAt(ws, x.length() - 1);
    }

    /**
     * The regime of every feature row along the Viterbi path; row {@code t} is close index
     * {@code t + features().warmup()}.
     *
     * @param closes the closes (not modified)
     * @return one regime per feature row
     */
    public Regime[] viterbiRegimes(double[] closes) {
        int[] path = hmm.viterbi(features.fromCloses(closes)).states();
        Regime[] out = new Regime[path.length];
        for (int t = 0; t < path.length; t++) {
            out[t] = mapping.regime(path[t]);
        }
        return out;
    }

    /** The signal from the filtered posterior left in {@code ws} at row {@code t}. */
    RegimeSignal signalAt(HmmWorkspace ws, int t) {
        double[] state = new double[hmm.states()];
        double[] regimes = new double[3];
        ws.filteredInto(t, state);
        mapping.aggregate(state, regimes);
        return RegimeSignal.fromProbabilities(regimes);
    }

    /** The underlying HMM. */
    public GaussianHmm hmm() {
        return hmm;
    }

    /** The features the model expects. */
    public RegimeFeatures features() {
        return features;
    }

    /** The mapping of states to regimes. */
    public RegimeMapping mapping() {
        return mapping;
    }
}

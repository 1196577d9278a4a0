package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
import io.hfthot.quant.hmm.GaussianHmm;
import java.util.Arrays;

/**
 * A deterministic assignment of HMM states to regimes, read off the fitted emissions over
 * {@link RegimeFeatures} (feature 0 the log return, feature 1 the efficiency ratio):
 * <ol>
 *   <li>{@code volatile}: the state with the highest return variance (ties: the lowest state index);</li>
 *   <li>{@code trending}: among the other states, the one with the highest mean efficiency ratio;</li>
 *   <li>{@code mean_reverting}: among the other states, the one with the lowest mean efficiency ratio;</li>
 *   <li>with more than three states, each remaining state joins whichever of the trending and mean-reverting
 *       states has the closer mean efficiency ratio (ties: mean_reverting).</li>
 * </ol>
 * Ties in the efficiency ratio go to the lower state index, so the mapping depends only on the model.
 *
 * @param regimeOfState the regime of each state
 */
public record RegimeMapping(Regime[] regimeOfState) {
    /** Validates and copies the assignment. */
    public RegimeMapping {
        if (regimeOfState == null || regimeOfState.length < 3) {
            throw new InvalidParameterException("regimeOfState", "regimeOfState must cover at least 3 states, got "
                    + (regimeOfState == null ? "null" : regimeOfState.length));
        }
        regimeOfState = regimeOfState.clone();
        for (Regime r : Regime.values()) {
            if (!Arrays.asList(regimeOfState).contains(r)) {
                throw new InvalidParameterException("regimeOfState",
                        "every regime needs at least one state; " + r.wireName()
                        + " has none in " + Arrays.toString(regimeOfState));
            }
        }
    }

    /**
     * Derives the mapping of a model fitted to {@link RegimeFeatures}.
     *
     * @param model a model with at least 3 states and at least 2 features (return, efficiency ratio)
     * @return the mapping
     * @throws IllegalArgumentException if the model has fewer than 3 states or 2 features
     */
    public static RegimeMapping of(GaussianHmm model) {
        int k = model.states();
        if (k < 3) {
            throw new InvalidParameterException("model",
                    "a regime model needs at least 3 states (one per regime), got " + k);
        }
        if (model.features() < 2) {
            throw new InvalidParameterException("model",
                    "a regime model needs 2 features (log return, efficiency ratio), got "
                    + model.features());
        }
        int volatileState = 0;
        for (int s = 1; s < k; s++) {
            if (model.variance(s, RegimeFeatures.RETURN) > model.variance(volatileState, RegimeFeatures.RETURN)) {
                volatileState = s;
            }
        }
        int trending = -1;
        int reverting = -1;
        for (int s = 0; s < k; s++) {
            if (s == volatileState) {
                continue;
            }
            double er = model.mean(s, RegimeFeatures.EFFICIENCY);
            if (trending < 0 || er > model.mean(trending, RegimeFeatures.EFFICIENCY)) {
                trending = s;
            }
            if (reverting < 0 || er < model.mean(reverting, RegimeFeatures.EFFICIENCY)) {
                reverting = s;
            }
        }
        if (trending == reverting) {
            // Every non-volatile state has the same mean efficiency ratio: split them by index.
            for (int s = k - 1; s >= 0; s--) {
                if (s != volatileState && s != reverting) {
                    trending = s;
                    break;
                }
            }
        }
        Regime[] regimes = new Regime[k];
        double trendEr = model.mean(trending, RegimeFeatures.EFFICIENCY);
        double revertEr = model.mean(reverting, RegimeFeatures.EFFICIENCY);
        for (int s = 0; s < k; s++) {
            if (s == volatileState) {
                regimes[s] = Regime.VOLATILE;
            } else if (s == trending) {
                regimes[s] = Regime.TRENDING;
            } else if (s == reverting) {
                regimes[s] = Regime.MEAN_REVERTING;
            } else {
                double er = model.mean(s, RegimeFeatures.EFFICIENCY);
                regimes[s] = Math.abs(er - trendEr) < Math.abs(er - revertEr) ? Regime.TRENDING : Regime.MEAN_REVERTING;
            }
        }
        return new RegimeMapping(regimes);
    }

    /** A copy of the regime of each state. */
    @Override
    public Regime[] regimeOfState() {
        return regimeOfState.clone();
    }

    /**
     * The regime of one state.
     *
     * @param state the state
     * @return its regime
     */
    public Regime regime(int state) {
        return regimeOfState[state];
    }

    /** The number of states mapped. */
    public int states() {
        return regimeOfState.length;
    }

    /**
     * Sums state probabilities into regime probabilities.
     *
     * @param stateProbabilities one probability per state (not modified)
     * @param out                three entries indexed by {@link Regime#ordinal()} (modified)
     */
    public void aggregate(double[] stateProbabilities, double[] out) {
        if (stateProbabilities.length != regimeOfState.length) {
            throw new InvalidParameterException("stateProbabilities",
                    "stateProbabilities must have " + regimeOfState.length
                    + " entries, got " + stateProbabilities.length);
        }
        Arrays.fill(out, 0, 3, 0.0);
        for (int s = 0; s < regimeOfState.length; s++) {
            out[regimeOfState[s].ordinal()] += stateProbabilities[s];
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RegimeMapping m && Arrays.equals(m.regimeOfState, regimeOfState);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(regimeOfState);
    }

    @Override
    public String toString() {
        return "RegimeMapping" + Arrays.toString(regimeOfState);
    }
}

package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The regime at the latest bar: the regime with the highest posterior probability, that probability as the
 * confidence (with one state per regime, the posterior of the current state), the recommended strategy and
 * the probability of all three regimes.
 *
 * @param regime     the most probable regime
 * @param confidence its posterior probability, in {@code [0, 1]}
 * @param strategy   {@link Regime#recommendedStrategy()} of {@code regime}
 * @param stateProbs the posterior probability of every regime, summing to 1
 */
public record RegimeSignal(Regime regime, double confidence, String strategy, Map<Regime, Double> stateProbs) {
    /** Validates that every regime has a probability, that they sum to 1 and that the confidence matches. */
    public RegimeSignal {
        if (regime == null || strategy == null || stateProbs == null) {
            throw new InvalidParameterException("regime", "regime, strategy and stateProbs must not be null");
        }
        if (!strategy.equals(regime.recommendedStrategy())) {
            throw new InvalidParameterException("strategy", "strategy of " + regime.wireName() + " must be "
                    + regime.recommendedStrategy() + ", got " + strategy);
        }
        EnumMap<Regime, Double> copy = new EnumMap<>(Regime.class);
        double sum = 0;
        for (Regime r : Regime.values()) {
            Double p = stateProbs.get(r);
            if (p == null || !(p >= 0) || p > 1 + 1e-12) {
                throw new InvalidParameterException("stateProbs", "stateProbs must give " + r.wireName()
                        + " a probability in [0, 1], got " + p);
            }
            copy.put(r, p);
            sum += p;
        }
        if (Math.abs(sum - 1) > 1e-9) {
            throw new InvalidParameterException("stateProbs", "stateProbs must sum to 1, got " + sum);
        }
        if (Math.abs(confidence - copy.get(regime)) > 1e-12) {
            throw new InvalidParameterException("confidence",
                    "confidence must equal the probability of " + regime.wireName() + " ("
                    + copy.get(regime) + "), got " + confidence);
        }
        stateProbs = Collections.unmodifiableMap(copy);
    }

    /**
     * Builds the signal from regime probabilities.
     *
     * @param probabilities three probabilities indexed by {@link Regime#ordinal()} (not modified)
     * @return the signal for the most probable regime (ties: trending, then mean_reverting, then volatile)
     */
    public static RegimeSignal fromProbabilities(double[] probabilities) {
        if (probabilities == null || probabilities.length != 3) {
            throw new InvalidParameterException("probabilities", "probabilities must have 3 entries (one per regime)");
        }
        Regime best = Regime.TRENDING;
        EnumMap<Regime, Double> map = new EnumMap<>(Regime.class);
        for (Regime r : Regime.values()) {
            map.put(r, probabilities[r.ordinal()]);
            if (probabilities[r.ordinal()] > probabilities[best.ordinal()]) {
                best = r;
            }
        }
        return new RegimeSignal(best, probabilities[best.ordinal()], best.recommendedStrategy(), map);
    }

    /**
     * The probability of one regime.
     *
     * @param r the regime
     * @return its posterior probability
     */
    public double probability(Regime r) {
        return stateProbs.get(r);
    }

    /**
     * The probabilities keyed by API name in the order {@code trending}, {@code mean_reverting}, {@code volatile},
     * as in the {@code state_probs} object of the regime endpoint.
     *
     * @return an unmodifiable ordered map
     */
    public Map<String, Double> stateProbsByName() {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Regime r : Regime.values()) {
            out.put(r.wireName(), stateProbs.get(r));
        }
        return Collections.unmodifiableMap(out);
    }
}

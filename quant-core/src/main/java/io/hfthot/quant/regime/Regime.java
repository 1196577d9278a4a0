package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
/**
 * A market regime and the strategy recommended for it.
 *
 * <p>The recommendations follow the usual reading of each regime: persistent drift rewards following it
 * ({@code momentum}); prices that revert to a local mean reward fading deviations and trading spreads
 * ({@code stat_arb}, as in the API's own example); and when the dominant feature is high variance without a
 * reliable direction, the sound response is to cut position size ({@code reduce_exposure}).
 *
 * <p>The one regime type of the project: the HMM's labels, the API's wire names and the hidden regime path of
 * engine-core's market simulator all use it.
 */
public enum Regime {
    /** Prices move persistently in one direction: a high efficiency ratio. */
    TRENDING("trending", "momentum"),
    /** Prices oscillate around a local level: a low efficiency ratio. */
    MEAN_REVERTING("mean_reverting", "stat_arb"),
    /** The highest return variance. */
    VOLATILE("volatile", "reduce_exposure");

    private final String wireName;
    private final String recommendedStrategy;

    Regime(String wireName, String recommendedStrategy) {
        this.wireName = wireName;
        this.recommendedStrategy = recommendedStrategy;
    }

    /** The name used in the API ({@code trending}, {@code mean_reverting}, {@code volatile}). */
    public String wireName() {
        return wireName;
    }

    /** The recommended strategy ({@code momentum}, {@code stat_arb}, {@code reduce_exposure}). */
    public String recommendedStrategy() {
        return recommendedStrategy;
    }

    /**
     * The regime with a given API name.
     *
     * @param name {@code trending}, {@code mean_reverting} or {@code volatile}
     * @return the regime
     * @throws IllegalArgumentException for any other name
     */
    public static Regime fromWireName(String name) {
        for (Regime r : values()) {
            if (r.wireName.equals(name)) {
                return r;
            }
        }
        throw new InvalidParameterException("regime",
                "regime must be one of trending, mean_reverting, volatile; got " + name);
    }
}

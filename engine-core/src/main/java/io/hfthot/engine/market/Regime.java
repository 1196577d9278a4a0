package io.hfthot.engine.market;

/**
 * The hidden market regime of the simulator, spelled as the regime API spells it. The simulator exposes
 * the true regime path so that a detector (e.g. a Gaussian HMM) can be scored against ground truth.
 */
public enum Regime {
    /** Drift with positively autocorrelated returns (momentum). */
    TRENDING("trending"),
    /** Ornstein-Uhlenbeck deviations around a slowly moving anchor: negatively autocorrelated returns. */
    MEAN_REVERTING("mean_reverting"),
    /** High variance, no autocorrelation, wide spreads and heavy volume. */
    VOLATILE("volatile");

    private final String wire;

    Regime(String wire) {
        this.wire = wire;
    }

    /**
     * Returns the wire spelling.
     *
     * @return {@code trending}, {@code mean_reverting} or {@code volatile}
     */
    public String wire() {
        return wire;
    }
}

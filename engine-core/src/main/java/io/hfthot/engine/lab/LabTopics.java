package io.hfthot.engine.lab;

import java.util.Objects;

/**
 * The {@link io.hfthot.engine.events.EventBus} topics the lab publishes on.
 *
 * <ul>
 *   <li>{@code lab.ticks.<SYMBOL>}: one {@link io.hfthot.engine.lab.api.TickMessage} per trade, in
 *       sequence order (seed 000's {@code price_feed} stream).</li>
 *   <li>{@code lab.regime.<SYMBOL>}: one {@link io.hfthot.engine.lab.api.RegimeChangeMessage} whenever the
 *       Viterbi state of the symbol's HMM changes with confidence above 0.75 (seed 000's {@code regime}
 *       stream).</li>
 * </ul>
 * The symbol is spelled exactly as the API spells it, e.g. {@code lab.ticks.BTC-USDT}.
 */
public final class LabTopics {
    /** Prefix of the tick topics. */
    public static final String TICKS_PREFIX = "lab.ticks.";
    /** Prefix of the regime-change topics. */
    public static final String REGIME_PREFIX = "lab.regime.";

    private LabTopics() {
    }

    /**
     * Returns the tick topic of a symbol.
     *
     * @param symbol the symbol, e.g. {@code BTC-USDT}
     * @return {@code lab.ticks.<symbol>}
     */
    public static String ticks(String symbol) {
        return TICKS_PREFIX + Objects.requireNonNull(symbol, "symbol");
    }

    /**
     * Returns the regime-change topic of a symbol.
     *
     * @param symbol the symbol
     * @return {@code lab.regime.<symbol>}
     */
    public static String regime(String symbol) {
        return REGIME_PREFIX + Objects.requireNonNull(symbol, "symbol");
    }
}

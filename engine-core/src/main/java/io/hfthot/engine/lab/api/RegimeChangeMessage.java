package io.hfthot.engine.lab.api;

/**
 * Payload of the {@code lab.regime.<SYMBOL>} topic (seed 000's {@code regime_change} message).
 *
 * @param type                always {@code regime_change}
 * @param symbol              the symbol
 * @param from                the previous regime
 * @param to                  the new regime
 * @param confidence          the filtered probability of {@code to} (above 0.75)
 * @param recommendedStrategy the strategy for {@code to}
 * @param tsMs                the time of the bar that changed the regime, Unix ms
 */
public record RegimeChangeMessage(String type, String symbol, String from, String to, double confidence,
                                  String recommendedStrategy, long tsMs) {
    /** The value of {@code type}. */
    public static final String TYPE = "regime_change";
}

package io.hfthot.quant.regime;

import io.hfthot.quant.InvalidParameterException;
import java.time.Instant;

/**
 * The Viterbi regime changed with enough confidence: the payload of a {@code regime_change} stream message.
 *
 * @param from                the previous regime
 * @param to                  the new regime
 * @param confidence          the posterior probability of {@code to} at the bar of the change, above the
 *                            detector's threshold
 * @param recommendedStrategy {@link Regime#recommendedStrategy()} of {@code to}
 * @param time                the time of the bar at which the change was detected
 */
public record RegimeChangeEvent(Regime from, Regime to, double confidence, String recommendedStrategy, Instant time) {
    /** Validates the event. */
    public RegimeChangeEvent {
        if (from == null || to == null || recommendedStrategy == null || time == null) {
            throw new InvalidParameterException("from", "from, to, recommendedStrategy and time must not be null");
        }
        if (from == to) {
            throw new InvalidParameterException("to",
                    "a regime change needs two different regimes, got " + from.wireName()
                    + " twice");
        }
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new InvalidParameterException("confidence", "confidence must be in [0, 1], got " + confidence);
        }
        if (!recommendedStrategy.equals(to.recommendedStrategy())) {
            throw new InvalidParameterException("recommendedStrategy",
                    "recommendedStrategy of " + to.wireName() + " must be "
                    + to.recommendedStrategy() + ", got " + recommendedStrategy);
        }
    }

    /** The bar time in Unix milliseconds ({@code ts_ms}). */
    public long timeMillis() {
        return time.toEpochMilli();
    }
}

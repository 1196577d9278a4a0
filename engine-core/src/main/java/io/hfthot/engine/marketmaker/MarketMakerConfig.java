package io.hfthot.engine.marketmaker;

import io.hfthot.quant.marketmaking.QuotingCalibration;
import java.time.Duration;
import java.util.Objects;

/**
 * The market-maker service's configuration.
 *
 * @param referenceSymbol   the engine market symbol the token's fair value follows (seed 003's {@code binance_price})
 * @param model             the quoting model
 * @param calibration       the model's volatility per regime, risk aversion, intensities and horizon
 * @param venue             the simulated venue's market (used when no other venue is given)
 * @param initialParameters the parameters of a new session (a restored session keeps its own)
 * @param startingCash      a new session's cash in dollars, {@code > 0}
 * @param startingMatic     a new session's MATIC/POL balance for gas, {@code >= 0}
 * @param tickInterval      time between ticks, in [10 ms, 5 s]
 * @param heartbeatInterval time between heartbeats, in [100 ms, 60 s]
 * @param flushInterval     time between journal commits, in [100 ms, 60 s]
 * @param background        whether the service runs its own ticks, heartbeats and flushes (false: the caller
 *                          drives {@link MarketMakerService#tickOnce()}, for tests)
 */
public record MarketMakerConfig(String referenceSymbol, QuotingModelChoice model, QuotingCalibration calibration,
                                SimulatedVenueConfig venue, BotParameters initialParameters, double startingCash,
                                double startingMatic, Duration tickInterval, Duration heartbeatInterval,
                                Duration flushInterval, boolean background) {
    /** Validates the fields, naming the offending one. */
    public MarketMakerConfig {
        Objects.requireNonNull(referenceSymbol, "referenceSymbol");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(initialParameters, "initialParameters");
        if (!(startingCash > 0) || !Double.isFinite(startingCash)) {
            throw new IllegalArgumentException("startingCash must be a finite number > 0, got " + startingCash);
        }
        if (!(startingMatic >= 0) || !Double.isFinite(startingMatic)) {
            throw new IllegalArgumentException("startingMatic must be a finite number >= 0, got " + startingMatic);
        }
        within(tickInterval, Duration.ofMillis(10), Duration.ofSeconds(5), "tickInterval");
        within(heartbeatInterval, Duration.ofMillis(100), Duration.ofSeconds(60), "heartbeatInterval");
        within(flushInterval, Duration.ofMillis(100), Duration.ofSeconds(60), "flushInterval");
    }

    /**
     * The defaults: BTC-USDT, GLFT with quant-core's default calibration, the default simulated venue, seed 003's
     * default parameters, $1000 and 50 POL, a tick every 100 ms, a heartbeat every 5 s, a commit every second.
     *
     * @param seed the simulated venue's seed
     * @return the configuration
     */
    public static MarketMakerConfig defaults(long seed) {
        return new MarketMakerConfig("BTC-USDT", QuotingModelChoice.GLFT, QuotingCalibration.defaults(),
                SimulatedVenueConfig.defaults(seed), BotParameters.defaults(), 1000, 50, Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(1), true);
    }

    /**
     * A copy without background work.
     *
     * @return the copy
     */
    public MarketMakerConfig manual() {
        return new MarketMakerConfig(referenceSymbol, model, calibration, venue, initialParameters, startingCash,
                startingMatic, tickInterval, heartbeatInterval, flushInterval, false);
    }

    /**
     * A copy with other intervals.
     *
     * @param tick      time between ticks
     * @param heartbeat time between heartbeats
     * @return the copy
     */
    public MarketMakerConfig withIntervals(Duration tick, Duration heartbeat) {
        return new MarketMakerConfig(referenceSymbol, model, calibration, venue, initialParameters, startingCash,
                startingMatic, tick, heartbeat, flushInterval, background);
    }

    private static void within(Duration d, Duration lo, Duration hi, String name) {
        Objects.requireNonNull(d, name);
        if (d.compareTo(lo) < 0 || d.compareTo(hi) > 0) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + d);
        }
    }
}

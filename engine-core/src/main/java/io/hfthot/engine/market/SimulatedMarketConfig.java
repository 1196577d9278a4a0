package io.hfthot.engine.market;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Configuration of {@link SimulatedMarket}.
 *
 * @param seed           the seed of every random draw; same seed and same clock give the same market
 * @param symbols        the simulated symbols, in a stable order, names unique
 * @param ticksPerSecond mean trade arrivals per second per symbol (Poisson), in [1, 10000]
 * @param history        the history generated at start-up
 * @param tickRetention  ticks kept per symbol for {@link MarketDataSource#ticksSince}, a power of two
 *                       in [1024, 2^24]
 */
public record SimulatedMarketConfig(long seed, List<SymbolSpec> symbols, double ticksPerSecond,
                                    HistoryPlan history, int tickRetention) {
    /** Validates the configuration and copies the symbol list. */
    public SimulatedMarketConfig {
        symbols = List.copyOf(symbols);
        Objects.requireNonNull(history, "history");
        if (symbols.isEmpty()) {
            throw new IllegalArgumentException("symbols must not be empty");
        }
        Set<String> names = new HashSet<>();
        for (SymbolSpec spec : symbols) {
            if (!names.add(spec.symbol())) {
                throw new IllegalArgumentException("symbols must be unique, got " + spec.symbol() + " twice");
            }
        }
        if (!(ticksPerSecond >= 1 && ticksPerSecond <= 10_000)) {
            throw new IllegalArgumentException("ticksPerSecond must be in [1, 10000], got " + ticksPerSecond);
        }
        if (tickRetention < 1024 || tickRetention > (1 << 24) || Integer.bitCount(tickRetention) != 1) {
            throw new IllegalArgumentException("tickRetention must be a power of two in [1024, 16777216], got "
                    + tickRetention);
        }
    }

    /**
     * Returns the default configuration for a seed: the default symbols, 20 ticks per second per symbol,
     * the default history plan and 2^18 retained ticks per symbol (about 3.6 hours at 20 ticks/s).
     *
     * @param seed the seed
     * @return the configuration
     */
    public static SimulatedMarketConfig defaults(long seed) {
        return new SimulatedMarketConfig(seed, SymbolSpec.defaults(), 20, HistoryPlan.defaults(), 1 << 18);
    }

    /**
     * Returns a copy with another history plan.
     *
     * @param plan the plan
     * @return the new configuration
     */
    public SimulatedMarketConfig withHistory(HistoryPlan plan) {
        return new SimulatedMarketConfig(seed, symbols, ticksPerSecond, plan, tickRetention);
    }

    /**
     * Returns a copy with another tick rate.
     *
     * @param rate mean ticks per second per symbol
     * @return the new configuration
     */
    public SimulatedMarketConfig withTicksPerSecond(double rate) {
        return new SimulatedMarketConfig(seed, symbols, rate, history, tickRetention);
    }
}

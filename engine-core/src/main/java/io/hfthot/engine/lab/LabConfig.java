package io.hfthot.engine.lab;

import io.hfthot.engine.storage.StorageOptions;
import io.hfthot.engine.market.HistoryPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of an {@link io.hfthot.engine.Engine} and the {@link LabService} over it.
 *
 * @param dataDir             directory holding the lakehouse ({@code <dataDir>/lakehouse}) and
 *                            {@code demo-keys.txt}; created when missing
 * @param seed                seed of the market simulator
 * @param history             how much history the simulator generates and the first start writes
 * @param ticksPerSecond      simulated trades per second per symbol
 * @param background          whether to run the background jobs (tick feed, lakehouse appender, regime
 *                            refits); tests turn them off and drive {@link LabService#runMaintenance()}
 * @param tickPollInterval    how often the live feed pulls ticks from the simulator
 * @param appendInterval      how often closed bars and ticks are appended to the lakehouse
 * @param regimeRefitInterval how often each symbol's HMM is refitted on recent bars
 * @param regimeFitBars       how many 1m bars a refit uses
 * @param createDemoKeys      whether the first start issues one demo key per tier
 * @param busThreads          threads of the event bus that deliver to listener subscribers (1..256)
 * @param storage             where the master key comes from and the disk reserve under which writes stop
 */
public record LabConfig(Path dataDir, long seed, HistoryPlan history, double ticksPerSecond, boolean background,
                        Duration tickPollInterval, Duration appendInterval, Duration regimeRefitInterval,
                        int regimeFitBars, boolean createDemoKeys, int busThreads, StorageOptions storage) {
    /** Validates every field, naming the offending one. */
    public LabConfig {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(history, "history");
        if (!(ticksPerSecond >= 1 && ticksPerSecond <= 10_000)) {
            throw new IllegalArgumentException("ticksPerSecond must be in [1, 10000], got " + ticksPerSecond);
        }
        requirePositive(tickPollInterval, "tickPollInterval");
        requirePositive(appendInterval, "appendInterval");
        requirePositive(regimeRefitInterval, "regimeRefitInterval");
        if (regimeFitBars < 300 || regimeFitBars > 5000) {
            throw new IllegalArgumentException("regimeFitBars must be in [300, 5000], got " + regimeFitBars);
        }
        if (busThreads < 1 || busThreads > 256) {
            throw new IllegalArgumentException("busThreads must be in [1, 256], got " + busThreads);
        }
    }

    /**
     * Creates a configuration with {@link StorageOptions#defaults()}.
     *
     * @param dataDir             see the record
     * @param seed                see the record
     * @param history             see the record
     * @param ticksPerSecond      see the record
     * @param background          see the record
     * @param tickPollInterval    see the record
     * @param appendInterval      see the record
     * @param regimeRefitInterval see the record
     * @param regimeFitBars       see the record
     * @param createDemoKeys      see the record
     * @param busThreads          see the record
     */
    public LabConfig(Path dataDir, long seed, HistoryPlan history, double ticksPerSecond, boolean background,
                     Duration tickPollInterval, Duration appendInterval, Duration regimeRefitInterval,
                     int regimeFitBars, boolean createDemoKeys, int busThreads) {
        this(dataDir, seed, history, ticksPerSecond, background, tickPollInterval, appendInterval, regimeRefitInterval,
                regimeFitBars, createDemoKeys, busThreads, StorageOptions.defaults());
    }

    /**
     * Returns the production defaults: the simulator's default history (10 years), 20 ticks/s, background
     * jobs on (ticks every 50 ms, lakehouse appends every 60 s, HMM refits every 15 minutes on 3000 bars),
     * demo keys on.
     *
     * @param dataDir the data directory
     * @param seed    the simulator seed
     * @return the configuration
     */
    public static LabConfig defaults(Path dataDir, long seed) {
        return new LabConfig(dataDir, seed, HistoryPlan.defaults(), 20.0, true, Duration.ofMillis(10),
                Duration.ofSeconds(60), Duration.ofMinutes(15), 3000, true, 2);
    }

    /**
     * Returns a configuration for tests and demos: {@link HistoryPlan#small()}, no background jobs, no
     * demo keys.
     *
     * @param dataDir the data directory
     * @param seed    the simulator seed
     * @return the configuration
     */
    public static LabConfig forTests(Path dataDir, long seed) {
        return new LabConfig(dataDir, seed, HistoryPlan.small(), 20.0, false, Duration.ofMillis(10),
                Duration.ofSeconds(60), Duration.ofMinutes(15), 1000, false, 1);
    }

    /**
     * Returns a copy with background jobs switched on or off.
     *
     * @param on whether background jobs run
     * @return the copy
     */
    public LabConfig withBackground(boolean on) {
        return new LabConfig(dataDir, seed, history, ticksPerSecond, on, tickPollInterval, appendInterval,
                regimeRefitInterval, regimeFitBars, createDemoKeys, busThreads, storage);
    }

    /**
     * Returns a copy with demo keys switched on or off.
     *
     * @param on whether the first start issues demo keys
     * @return the copy
     */
    public LabConfig withDemoKeys(boolean on) {
        return new LabConfig(dataDir, seed, history, ticksPerSecond, background, tickPollInterval, appendInterval,
                regimeRefitInterval, regimeFitBars, on, busThreads, storage);
    }

    /**
     * Returns a copy with other storage options.
     *
     * @param options the master key source and disk reserve
     * @return the copy
     */
    public LabConfig withStorage(StorageOptions options) {
        return new LabConfig(dataDir, seed, history, ticksPerSecond, background, tickPollInterval, appendInterval,
                regimeRefitInterval, regimeFitBars, createDemoKeys, busThreads, options);
    }

    private static void requirePositive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + d);
        }
    }
}

package io.hfthot.server.wiring;

import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.sql.SqlLimits;
import io.hfthot.lakehouse.duckdb.DuckDbSettings;
import io.hfthot.lakehouse.duckdb.MemoryBudget;
import io.hfthot.engine.sql.QueryEngine;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.duckdb.DuckDbQueryEngine;
import java.nio.file.Path;
import java.util.function.Function;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The SQL engine's resources and the lab's SQL limits, as the server's flags set them.
 *
 * @param memoryLimit DuckDB's {@code memory_limit} (e.g. {@code 512MB}), or null for {@link MemoryBudget#defaultLimit()}
 * @param threads     DuckDB's threads, or 0 for {@link MemoryBudget#defaultThreads()}
 * @param maxSpill    what a query may spill to {@code <data-dir>/}{@value #SPILL_DIRECTORY} (e.g. {@code 1GB}), or
 *                    null for no spilling
 * @param limits      concurrency caps and per-tier time limits (its {@code concurrent} is also the connection count)
 */
public record SqlConfig(String memoryLimit, int threads, String maxSpill, SqlLimits limits) {

    /** The spill directory's name inside the data directory. */
    public static final String SPILL_DIRECTORY = "sql-spill";

    /** Validates the sizes and the thread count. */
    public SqlConfig {
        Objects.requireNonNull(limits, "limits");
        DuckDbSettings.checkSize("--sql-memory-limit", memoryLimit);
        DuckDbSettings.checkSize("--sql-spill-max", maxSpill);
        if (threads < 0 || threads > 1024) {
            throw new IllegalArgumentException("--sql-threads = " + threads + ": expected auto (0) or 1 to 1024");
        }
    }

    /**
     * Automatic memory and threads, 1 GB of spill, {@link SqlLimits#defaults()}.
     *
     * @return the defaults
     */
    public static SqlConfig defaults() {
        return new SqlConfig(null, 0, DuckDbSettings.DEFAULT_MAX_SPILL, SqlLimits.defaults());
    }

    /**
     * The DuckDB settings for a lakehouse root and a data directory (spill files go under the latter).
     *
     * @param lakehouseRoot the lakehouse root
     * @param dataDir       the server's data directory
     * @return the settings
     */
    public DuckDbSettings engineSettings(Path lakehouseRoot, Path dataDir) {
        DuckDbSettings settings = new DuckDbSettings(lakehouseRoot, limits.concurrent(),
                threads == 0 ? MemoryBudget.defaultThreads() : threads,
                memoryLimit == null ? MemoryBudget.defaultLimit() : memoryLimit);
        return maxSpill == null ? settings : settings.withSpill(dataDir.resolve(SPILL_DIRECTORY), maxSpill);
    }

    /**
     * The SQL factory the server gives {@code LabService.start}: DuckDB over the engine's lakehouse with these
     * resources (spill files under {@code dataDir}) and these limits.
     *
     * @param dataDir the server's data directory
     * @return the factory
     */
    public Function<Lakehouse, QueryEngine> queryEngines(Path dataDir) {
        Objects.requireNonNull(dataDir, "dataDir");
        return lakehouse -> DuckDbQueryEngine.over(lakehouse, engineSettings(lakehouse.basePath(), dataDir), limits);
    }

    /**
     * Parses the flags' values (validated by the records they build, with the flag named on error).
     *
     * @param memory      {@code auto} or a size such as {@code 512MB} ({@code --sql-memory-limit})
     * @param threadCount {@code auto} or 1 to 1024 ({@code --sql-threads})
     * @param spill       {@code 0} for no spilling, or a size ({@code --sql-spill-max})
     * @param connections queries at once, 1 to 64 ({@code --sql-connections})
     * @param perKey      queries per key and owner at once ({@code --sql-per-key})
     * @param queueWaitMs wait for a busy slot in ms, 0 to 60000 ({@code --sql-queue-wait-ms})
     * @param timeouts    per-tier time limits, e.g. {@code free_beta=5s,hobbyist=10s,professional=20s,enterprise=30s}
     *                    ({@code --sql-timeouts}); tiers left out keep their default
     * @return the configuration
     * @throws IllegalArgumentException naming the flag and the value
     */
    public static SqlConfig parse(String memory, String threadCount, String spill, String connections, String perKey,
                                  String queueWaitMs, String timeouts) {
        String memoryLimit = "auto".equalsIgnoreCase(memory) ? null : memory;
        int threads = "auto".equalsIgnoreCase(threadCount) ? 0 : integer("--sql-threads", threadCount);
        String maxSpill = "0".equals(spill) ? null : spill;
        try {
            SqlLimits limits = new SqlLimits(integer("--sql-per-key", perKey), integer("--sql-connections", connections),
                    Duration.ofMillis(integer("--sql-queue-wait-ms", queueWaitMs)), tierTimeouts(timeouts));
            return new SqlConfig(memoryLimit, threads, maxSpill, limits);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("SQL options (--sql-*): " + e.getMessage(), e);
        }
    }

    private static int integer(String flag, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " = '" + value + "' is not a whole number");
        }
    }

    private static Map<Tier, Duration> tierTimeouts(String spec) {
        Map<Tier, Duration> timeouts = new EnumMap<>(SqlLimits.defaultTimeouts());
        for (String part : spec.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            Tier tier = null;
            for (Tier t : Tier.values()) {
                if (t.id().equals(kv[0].trim().toLowerCase(Locale.ROOT))) {
                    tier = t;
                }
            }
            if (tier == null || kv.length != 2 || !kv[1].trim().matches("\\d+(ms|s)")) {
                throw new IllegalArgumentException("--sql-timeouts entry '" + part.trim() + "': expected tier=<n>s or tier=<n>ms"
                        + " with a tier of free_beta, hobbyist, professional, enterprise");
            }
            String v = kv[1].trim();
            timeouts.put(tier, v.endsWith("ms") ? Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)))
                    : Duration.ofSeconds(Long.parseLong(v.substring(0, v.length() - 1))));
        }
        return timeouts;
    }
}

package io.hfthot.lakehouse.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configuration of {@link DuckDbSqlRunner}.
 *
 * @param lakehouseRoot the only directory DuckDB may read (every resolved data file lies under it); must exist
 * @param poolSize      connections kept open, i.e. queries that run at the same time (1 to 64)
 * @param threads       DuckDB worker threads per database, 0 for DuckDB's default (one per core)
 * @param memoryLimit   DuckDB's {@code memory_limit}, e.g. {@code "2GB"}; {@code null} for DuckDB's default
 *                      (80% of RAM, on top of the JVM's heap: {@link #forRoot} uses {@link MemoryBudget} instead)
 * @param spillDirectory DuckDB's {@code temp_directory}, where a query over the memory limit spills; created when
 *                      missing; {@code null} for no spilling (such a query fails)
 * @param maxSpillSize  DuckDB's {@code max_temp_directory_size}, e.g. {@code "1GB"}; used only with a spill
 *                      directory ({@code null} there means {@value #DEFAULT_MAX_SPILL})
 */
public record DuckDbSettings(Path lakehouseRoot, int poolSize, int threads, String memoryLimit, Path spillDirectory,
                             String maxSpillSize) {

    /** Spill cap when a spill directory is given without one. */
    public static final String DEFAULT_MAX_SPILL = "1GB";

    private static final Pattern MEMORY = Pattern.compile("\\d+(\\.\\d+)?\\s*(B|KB|MB|GB|TB|KiB|MiB|GiB|TiB)", Pattern.CASE_INSENSITIVE);

    /** Validates the settings and normalizes the root. */
    public DuckDbSettings {
        Objects.requireNonNull(lakehouseRoot, "lakehouseRoot");
        lakehouseRoot = lakehouseRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(lakehouseRoot)) {
            throw new IllegalArgumentException("lakehouseRoot must be an existing directory, got " + lakehouseRoot);
        }
        if (poolSize < 1 || poolSize > 64) {
            throw new IllegalArgumentException("poolSize must be in [1, 64], got " + poolSize);
        }
        if (threads < 0 || threads > 1024) {
            throw new IllegalArgumentException("threads must be in [0, 1024] (0 = DuckDB's default), got " + threads);
        }
        checkSize("memoryLimit", memoryLimit);
        checkSize("maxSpillSize", maxSpillSize);
        if (spillDirectory != null) {
            spillDirectory = spillDirectory.toAbsolutePath().normalize();
            if (maxSpillSize == null) {
                maxSpillSize = DEFAULT_MAX_SPILL;
            }
        }
    }

    /**
     * Settings without a spill directory.
     *
     * @param lakehouseRoot the root
     * @param poolSize      connections
     * @param threads       DuckDB threads, 0 for DuckDB's default
     * @param memoryLimit   DuckDB's memory limit, or null for DuckDB's default
     */
    public DuckDbSettings(Path lakehouseRoot, int poolSize, int threads, String memoryLimit) {
        this(lakehouseRoot, poolSize, threads, memoryLimit, null, null);
    }

    /**
     * Checks a size in DuckDB's syntax (a number and a unit: B, KB, MB, GB, TB, KiB, MiB, GiB, TiB).
     *
     * @param field the setting's name, for the message
     * @param value the size, or null (accepted: the default applies)
     * @throws IllegalArgumentException naming the field and the value
     */
    public static void checkSize(String field, String value) {
        if (value != null && !MEMORY.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException(field + " must look like \"512MB\" or \"2GB\", got \"" + value + "\"");
        }
    }

    /**
     * Four connections, {@link MemoryBudget#defaultThreads()} threads and {@link MemoryBudget#defaultLimit()}
     * memory (never DuckDB's 80% of RAM), no spilling.
     */
    public static DuckDbSettings forRoot(Path lakehouseRoot) {
        return new DuckDbSettings(lakehouseRoot, 4, MemoryBudget.defaultThreads(), MemoryBudget.defaultLimit());
    }

    /**
     * A copy that spills to {@code directory} (DuckDB's {@code temp_directory}) up to {@code maxSize}.
     *
     * @param directory the spill directory, or null for none
     * @param maxSize   the most it may hold, e.g. {@code "1GB"}, or null for {@value #DEFAULT_MAX_SPILL}
     * @return the copy
     */
    public DuckDbSettings withSpill(Path directory, String maxSize) {
        return new DuckDbSettings(lakehouseRoot, poolSize, threads, memoryLimit, directory, maxSize);
    }

    /** A copy with another pool size. */
    public DuckDbSettings withPoolSize(int size) {
        return new DuckDbSettings(lakehouseRoot, size, threads, memoryLimit, spillDirectory, maxSpillSize);
    }

    /** A copy with another thread count. */
    public DuckDbSettings withThreads(int count) {
        return new DuckDbSettings(lakehouseRoot, poolSize, count, memoryLimit, spillDirectory, maxSpillSize);
    }

    /** A copy with another memory limit. */
    public DuckDbSettings withMemoryLimit(String limit) {
        return new DuckDbSettings(lakehouseRoot, poolSize, threads, limit, spillDirectory, maxSpillSize);
    }
}

package io.hfthot.lakehouse.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Configuration of {@link DuckDbQueryEngine}.
 *
 * @param lakehouseRoot the only directory DuckDB may read (every resolved data file lies under it); must exist
 * @param poolSize      connections kept open, i.e. queries that run at the same time (1 to 64)
 * @param threads       DuckDB worker threads per database, 0 for DuckDB's default (one per core)
 * @param memoryLimit   DuckDB's {@code memory_limit}, e.g. {@code "2GB"}; {@code null} for DuckDB's default
 *                      (80% of RAM). Nothing spills to disk: a query that needs more fails
 */
public record DuckDbSettings(Path lakehouseRoot, int poolSize, int threads, String memoryLimit) {

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
        if (memoryLimit != null && !MEMORY.matcher(memoryLimit.trim()).matches()) {
            throw new IllegalArgumentException("memoryLimit must look like \"512MB\" or \"2GB\", got \"" + memoryLimit + "\"");
        }
    }

    /** Four connections, DuckDB's default threads and memory limit. */
    public static DuckDbSettings forRoot(Path lakehouseRoot) {
        return new DuckDbSettings(lakehouseRoot, 4, 0, null);
    }

    /** A copy with another pool size. */
    public DuckDbSettings withPoolSize(int size) {
        return new DuckDbSettings(lakehouseRoot, size, threads, memoryLimit);
    }

    /** A copy with another thread count. */
    public DuckDbSettings withThreads(int count) {
        return new DuckDbSettings(lakehouseRoot, poolSize, count, memoryLimit);
    }

    /** A copy with another memory limit. */
    public DuckDbSettings withMemoryLimit(String limit) {
        return new DuckDbSettings(lakehouseRoot, poolSize, threads, limit);
    }
}

package io.hfthot.engine.history;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.lab.api.ParquetExport;
import io.hfthot.engine.lab.api.TableRead;
import io.hfthot.engine.lab.api.TableVersions;
import io.hfthot.engine.lab.api.VersionEntry;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.Predicate;
import io.hfthot.lakehouse.Snapshot;
import io.hfthot.lakehouse.TableNotFoundException;
import io.hfthot.lakehouse.VersionInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Versions, time travel and Parquet export of the tables the API exposes.
 *
 * <p>Only tables under the public schemas (by default {@code market}) are served: the identity tables
 * ({@code auth.*}) hold key hashes and usage of every user and stay internal. A table outside them is
 * reported exactly like a missing one ({@code INVALID_PARAMS} naming {@code table}), so the API does not reveal
 * which internal tables exist. Thread-safe (every call reads one snapshot).
 *
 * <p>Historical depth: every row read ({@link #readVersion}, {@link #readAtTimestamp}, {@link #exportParquet})
 * takes the caller's {@code visibleFrom}, the first instant its tier may read. Rows whose {@value #TIME_COLUMN}
 * is earlier do not exist for that caller: they are neither returned, nor counted, nor exported. A table without
 * a {@value #TIME_COLUMN} column is read whole; one whose {@value #TIME_COLUMN} is not a {@code timestamp} fails
 * with {@code INTERNAL_ERROR} rather than be served unfiltered. Lakehouse timestamps have microsecond precision,
 * so {@code visibleFrom} is rounded up to a whole microsecond ({@link #ceilToMicros}).
 */
public final class TableHistory {
    /** The column the historical depth applies to: every market table's event time. */
    public static final String TIME_COLUMN = "ts";
    /** Rows a table read returns when no limit is given. */
    public static final int DEFAULT_ROWS = 100;
    /** The largest row limit of a table read. */
    public static final int MAX_ROWS = 10_000;

    private final Lakehouse lakehouse;
    private final Set<String> publicSchemas;
    private final Path exportDir;

    /**
     * Creates the service.
     *
     * @param lakehouse     the lakehouse
     * @param publicSchemas first name segments of the exposed tables, e.g. {@code market}
     * @param exportDir     where temporary Parquet exports are written (created when missing)
     */
    public TableHistory(Lakehouse lakehouse, Set<String> publicSchemas, Path exportDir) {
        this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
        this.publicSchemas = Set.copyOf(publicSchemas);
        this.exportDir = Objects.requireNonNull(exportDir, "exportDir");
    }

    /**
     * Lists the exposed tables.
     *
     * @return names with {@code .} separators, sorted
     */
    public List<String> tables() {
        Set<String> out = new TreeSet<>();
        for (String t : lakehouse.listTables()) {
            String dotted = t.replace('/', '.');
            if (isPublic(dotted)) {
                out.add(dotted);
            }
        }
        return List.copyOf(out);
    }

    /**
     * Lists a table's versions.
     *
     * @param table an exposed table
     * @return its commits in increasing version
     */
    public TableVersions versions(String table) {
        String name = requireTable(table);
        List<VersionEntry> out = new ArrayList<>();
        for (VersionInfo v : lakehouse.listVersions(name)) {
            out.add(new VersionEntry(v.version(), v.timestamp().toString(), v.operation()));
        }
        return new TableVersions(name, out);
    }

    /**
     * Reads a table at a version.
     *
     * @param table   an exposed table
     * @param version a version, at least 0
     * @param limit   rows to return (1..{@value #MAX_ROWS}), or null for {@value #DEFAULT_ROWS}
     * @param visibleFrom rows whose {@value #TIME_COLUMN} is earlier are left out, or null for every row
     * @return the rows the caller may see, with their count
     */
    public TableRead readVersion(String table, long version, Integer limit, Instant visibleFrom) {
        String name = requireTable(table);
        if (version < 0) {
            throw EngineException.invalid("version", "version must be >= 0, got " + version);
        }
        int rows = rowLimit(limit);
        Snapshot snapshot;
        try {
            snapshot = lakehouse.readVersion(name, version);
        } catch (TableNotFoundException e) {
            long latest = lakehouse.read(name).version();
            throw EngineException.invalid("version", "version of " + name + " must be in [0, " + latest + "], got "
                    + version);
        }
        return read(name, snapshot, rows, visibleFrom);
    }

    /**
     * Reads a table as it was at an instant (the latest version committed at or before it).
     *
     * @param table an exposed table
     * @param tsMs  the instant, Unix ms
     * @param limit rows to return, or null for {@value #DEFAULT_ROWS}
     * @param visibleFrom rows whose {@value #TIME_COLUMN} is earlier are left out, or null for every row
     * @return the rows the caller may see, with their count
     */
    public TableRead readAtTimestamp(String table, long tsMs, Integer limit, Instant visibleFrom) {
        String name = requireTable(table);
        int rows = rowLimit(limit);
        Snapshot snapshot;
        try {
            snapshot = lakehouse.readAtTimestamp(name, Instant.ofEpochMilli(tsMs));
        } catch (TableNotFoundException e) {
            Instant first = lakehouse.listVersions(name).get(0).timestamp();
            throw EngineException.invalid("timestamp", "timestamp must be at or after the first commit of " + name
                    + " (" + first + "), got " + Instant.ofEpochMilli(tsMs));
        }
        return read(name, snapshot, rows, visibleFrom);
    }

    /**
     * Exports a table snapshot as one Parquet file.
     *
     * @param table   an exposed table
     * @param version a version, or null for the latest
     * @param visibleFrom rows whose {@value #TIME_COLUMN} is earlier are not written, or null for every row
     * @return the export (its {@code rows} counts the rows written); the caller closes it to delete the file
     */
    public ParquetExport exportParquet(String table, Long version, Instant visibleFrom) {
        String name = requireTable(table);
        if (version != null && version < 0) {
            throw EngineException.invalid("version", "version must be >= 0, got " + version);
        }
        Snapshot snapshot;
        try {
            snapshot = version == null ? lakehouse.read(name) : lakehouse.readVersion(name, version);
        } catch (TableNotFoundException e) {
            throw EngineException.invalid("version", "version of " + name + " must be in [0, "
                    + lakehouse.read(name).version() + "], got " + version);
        }
        Predicate visible = visibleRows(name, snapshot, visibleFrom);
        try {
            Files.createDirectories(exportDir);
            Path file = Files.createTempFile(exportDir, name.replace('.', '_') + "-v" + snapshot.version() + "-",
                    ".parquet");
            // The exporter writes a new file; a pre-created empty temp file would be in its way.
            Files.delete(file);
            long rows = snapshot.exportParquet(file, snapshot.schema().names(), visible);
            return new ParquetExport(name, snapshot.version(), rows, file);
        } catch (IOException | LakehouseException e) {
            throw EngineException.internal("export of " + name + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Rounds an instant up to a whole microsecond, the precision of lakehouse timestamps: a stored time is
     * earlier than {@code instant} exactly when it is earlier than the result.
     *
     * @param instant the instant, at least {@code -292277-01-01} (the microsecond range of a {@code long})
     * @return the first whole microsecond at or after {@code instant}
     */
    public static Instant ceilToMicros(Instant instant) {
        int subMicro = instant.getNano() % 1000;
        return subMicro == 0 ? instant : instant.plusNanos(1000 - subMicro);
    }

    private static Predicate visibleRows(String name, Snapshot snapshot, Instant visibleFrom) {
        if (visibleFrom == null) {
            return null;
        }
        int index = snapshot.schema().indexOf(TIME_COLUMN);
        if (index < 0) {
            return null;
        }
        Field field = snapshot.schema().fields().get(index);
        if (field.type() != DataType.TIMESTAMP) {
            throw EngineException.internal("table " + name + " has a " + TIME_COLUMN + " column of type "
                    + field.type().deltaName() + ", so the historical depth cannot be applied to it", null);
        }
        return Predicate.ge(TIME_COLUMN, ceilToMicros(visibleFrom));
    }

    private TableRead read(String name, Snapshot snapshot, int limit, Instant visibleFrom) {
        ColumnBatch batch = snapshot.read(snapshot.schema().names(), visibleRows(name, snapshot, visibleFrom));
        List<String> columns = snapshot.schema().names();
        int n = Math.min(limit, batch.rowCount());
        List<Map<String, Object>> rows = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            for (int c = 0; c < columns.size(); c++) {
                row.put(columns.get(c), jsonValue(batch.column(c), i));
            }
            rows.add(row);
        }
        return new TableRead(name, snapshot.version(), snapshot.timestamp().toString(), columns, rows,
                batch.rowCount(), n < batch.rowCount());
    }

    private static Object jsonValue(ColumnVector v, int i) {
        if (v.isNull(i)) {
            return null;
        }
        Object value = v.get(i);
        if (v.type() == DataType.BINARY) {
            return Base64.getEncoder().encodeToString((byte[]) value);
        }
        if (value instanceof Instant || value instanceof java.time.LocalDate || value instanceof java.time.LocalDateTime) {
            return value.toString();
        }
        return value;
    }

    private String requireTable(String table) {
        if (table == null || table.isBlank()) {
            throw EngineException.invalid("table", "table is required, e.g. market.ohlcv");
        }
        String name = table.replace('/', '.');
        boolean exists;
        try {
            exists = isPublic(name) && lakehouse.exists(name);
        } catch (IllegalArgumentException badName) {
            exists = false;
        }
        if (!exists) {
            throw EngineException.invalid("table", "table must be one of " + tables() + ", got '" + table + "'");
        }
        return name;
    }

    private boolean isPublic(String dotted) {
        int dot = dotted.indexOf('.');
        return dot > 0 && publicSchemas.contains(dotted.substring(0, dot));
    }

    private static int rowLimit(Integer limit) {
        if (limit == null) {
            return DEFAULT_ROWS;
        }
        if (limit < 1 || limit > MAX_ROWS) {
            throw EngineException.invalid("limit", "limit must be in [1, " + MAX_ROWS + "], got " + limit);
        }
        return limit;
    }
}

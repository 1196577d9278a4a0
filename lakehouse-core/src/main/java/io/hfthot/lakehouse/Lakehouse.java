package io.hfthot.lakehouse;

import io.hfthot.lakehouse.internal.log.DeltaLog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A directory of Delta tables, addressed by name; the entry point of this module, mirroring seed 000's lakehouse
 * client ({@code read_version}, {@code read_at_timestamp}, {@code list_versions}).
 *
 * <p>Table names are one or more segments of {@code [A-Za-z0-9_-]} separated by {@code .} or {@code /}:
 * {@code market.ohlcv} and {@code market/ohlcv} both name {@code <base>/market/ohlcv}; {@code users} names
 * {@code <base>/users}. Anything else ({@code ..}, absolute paths, empty segments) is refused, so a name can never
 * reach outside the base directory. Thread-safe.
 */
public final class Lakehouse {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_-]{1,128}");

    private final Path base;
    private final LakehouseOptions options;
    /**
     * One log per existing table name, shared by every {@link DeltaTable} handed out for it: the log keeps the newest state
     * it loaded and refreshes it with only the newer commits, so a table read after every append (a server running
     * for months) never reloads its checkpoint.
     */
    private final ConcurrentHashMap<String, DeltaLog> logs = new ConcurrentHashMap<>();

    private Lakehouse(Path base, LakehouseOptions options) {
        this.base = base.toAbsolutePath().normalize();
        this.options = options;
    }

    /** Opens (creating the directory if needed) a lakehouse with default options. */
    public static Lakehouse open(Path base) {
        return open(base, LakehouseOptions.defaults());
    }

    /** Opens (creating the directory if needed) a lakehouse. */
    public static Lakehouse open(Path base, LakehouseOptions options) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(options, "options");
        try {
            Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create lakehouse directory " + base, e);
        }
        return new Lakehouse(base, options);
    }

    /** Returns the base directory. */
    public Path basePath() {
        return base;
    }

    /** Returns the options. */
    public LakehouseOptions options() {
        return options;
    }

    /**
     * Maps a table name to its directory.
     *
     * @throws IllegalArgumentException when the name is invalid, saying what is accepted
     */
    public Path tablePath(String name) {
        Objects.requireNonNull(name, "name");
        String[] segments = name.split("[./]", -1);
        for (String s : segments) {
            if (!SEGMENT.matcher(s).matches()) {
                throw new IllegalArgumentException("table name '" + name + "' is invalid: expected segments of letters, digits, '_' or '-'"
                        + " separated by '.' or '/' (e.g. market.ohlcv or market/BTC-USDT)");
            }
        }
        Path p = base;
        for (String s : segments) {
            p = p.resolve(s);
        }
        return p;
    }

    /**
     * Returns an existing table.
     *
     * @throws TableNotFoundException when no table has that name
     */
    public DeltaTable table(String name) {
        DeltaTable t = newTable(name);
        if (!t.exists()) {
            throw new TableNotFoundException("table '" + name + "' does not exist in lakehouse " + base);
        }
        return registered(t);
    }

    /** A handle on a table, sharing the log already kept for that name if any (nothing is registered here). */
    private DeltaTable newTable(String name) {
        DeltaLog log = logs.get(name);
        return new DeltaTable(name, log != null ? log : new DeltaLog(options.store(), tablePath(name), name), options);
    }

    /**
     * Keeps the log of a table known to exist, so later handles share its state. Only existing tables are kept:
     * names come from users (SQL, routes), and asking about a missing table must not grow this map.
     */
    private DeltaTable registered(DeltaTable t) {
        DeltaLog kept = logs.putIfAbsent(t.name(), t.log());
        return kept == null || kept == t.log() ? t : new DeltaTable(t.name(), kept, options);
    }

    /** Returns whether a table exists. */
    public boolean exists(String name) {
        return newTable(name).exists();
    }

    /**
     * Creates a table (version 0) with reader version 1 / writer version 2.
     *
     * @param partitionColumns columns whose values become directories (may be empty)
     * @throws LakehouseException when the table already exists
     */
    public DeltaTable createTable(String name, Schema schema, List<String> partitionColumns) {
        return createTable(name, schema, partitionColumns, Map.of());
    }

    /** Creates a table with table properties (e.g. {@code delta.appendOnly=true}). */
    public DeltaTable createTable(String name, Schema schema, List<String> partitionColumns, Map<String, String> properties) {
        DeltaTable t = newTable(name);
        if (t.exists()) {
            throw new LakehouseException("table '" + name + "' already exists");
        }
        DeltaTable.create(t, schema, List.copyOf(partitionColumns), Map.copyOf(properties), options.clock().millis());
        return registered(t);
    }

    /**
     * Creates a table unless it exists, safe against another process (or thread) creating it at the same moment:
     * version 0 is written with put-if-absent, so of two simultaneous creations one writes it and the other finds
     * the table there. An existing table is left as it is (its schema is not compared).
     *
     * @param partitionColumns columns whose values become directories (may be empty)
     * @return true when this call created the table, false when it existed or another creator won
     */
    public boolean createTableIfAbsent(String name, Schema schema, List<String> partitionColumns, Map<String, String> properties) {
        if (exists(name)) {
            return false;
        }
        try {
            createTable(name, schema, partitionColumns, properties);
            return true;
        } catch (LakehouseException e) {
            if (exists(name)) {
                return false;
            }
            throw e;
        }
    }

    /** Returns the latest snapshot of a table. */
    public Snapshot read(String name) {
        return table(name).snapshot();
    }

    /**
     * Returns a table at a version ({@code read_version}).
     *
     * @throws TableNotFoundException when the table or version does not exist
     */
    public Snapshot readVersion(String name, long version) {
        return table(name).snapshotAt(version);
    }

    /**
     * Returns a table as of an instant ({@code read_at_timestamp}): the latest version committed at or before it.
     *
     * @throws TableNotFoundException when the instant precedes the table's first commit
     */
    public Snapshot readAtTimestamp(String name, Instant instant) {
        return table(name).snapshotAsOf(instant);
    }

    /** Lists a table's versions with timestamp and operation ({@code list_versions}), oldest first. */
    public List<VersionInfo> listVersions(String name) {
        return table(name).history();
    }

    /** Lists the names (with {@code /} separators) of every table under the base directory. */
    public List<String> listTables() {
        List<String> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(base, 8)) {
            s.filter(p -> p.getFileName() != null && p.getFileName().toString().equals("_delta_log") && Files.isDirectory(p))
                    .forEach(p -> out.add(base.relativize(p.getParent()).toString().replace('\\', '/')));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list lakehouse " + base, e);
        }
        out.sort(null);
        return out;
    }
}

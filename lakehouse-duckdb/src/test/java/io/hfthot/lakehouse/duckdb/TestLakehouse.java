package io.hfthot.lakehouse.duckdb;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small lakehouse for tests: Parquet files written by a separate, unsandboxed DuckDB connection, and a
 * {@link TableResolver} over hand-made snapshots.
 *
 * <p>{@code market.ohlcv}, partitioned by {@code symbol}:
 * <ul>
 *   <li>version 0 (2026-01-01T00:00Z): created, no files</li>
 *   <li>version 1 (01:00Z): 100 BTC-USDT one-minute bars from 2026-01-01T00:00Z, close = 42000 + i, volume = 1 + i / 10</li>
 *   <li>version 2 (02:00Z): 50 ETH-USDT bars, close = 2000 + i, volume = 2</li>
 *   <li>version 3 (03:00Z): column {@code trades} (long) added; 10 SOL-USDT bars that have it (trades = i)</li>
 * </ul>
 * {@code auth.users} (unpartitioned, one version): ids 1..3 with names, one containing a quote.
 */
public final class TestLakehouse implements TableResolver {

    /** Commit time of version 0; version v was committed v hours later. */
    public static final Instant FIRST_COMMIT = Instant.parse("2026-01-01T00:00:00Z");

    private final Path root;
    private final List<ResolvedTable> ohlcv = new ArrayList<>();
    private final ResolvedTable users;
    private final AtomicInteger resolutions = new AtomicInteger();

    private TestLakehouse(Path root, ResolvedTable users) {
        this.root = root;
        this.users = users;
    }

    /** Writes the tables under {@code root}. */
    public static TestLakehouse create(Path root) throws SQLException, java.io.IOException {
        Path ohlcvDir = Files.createDirectories(root.resolve("market/ohlcv"));
        Path usersDir = Files.createDirectories(root.resolve("auth/users"));
        Path btc = ohlcvDir.resolve("symbol=BTC-USDT/part-00000.parquet");
        Path eth = ohlcvDir.resolve("symbol=ETH-USDT/part-00000.parquet");
        Path sol = ohlcvDir.resolve("symbol=SOL-USDT/part-00000.parquet");
        Path usersFile = usersDir.resolve("part-00000.parquet");
        for (Path p : List.of(btc, eth, sol)) {
            Files.createDirectories(p.getParent());
        }
        try (Connection writer = DriverManager.getConnection("jdbc:duckdb:"); Statement s = writer.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            s.execute("COPY (SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_minutes(i) AS ts, 42000.0 + i - 1 AS open, "
                    + "42000.0 + i + 1 AS high, 42000.0 + i - 2 AS low, 42000.0 + i AS close, 1 + i / 10.0 AS volume "
                    + "FROM range(100) t(i)) TO '" + btc + "' (FORMAT parquet)");
            s.execute("COPY (SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_minutes(i) AS ts, 2000.0 + i AS open, "
                    + "2000.0 + i AS high, 2000.0 + i AS low, 2000.0 + i AS close, 2.0 AS volume "
                    + "FROM range(50) t(i)) TO '" + eth + "' (FORMAT parquet)");
            s.execute("COPY (SELECT TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_minutes(i) AS ts, 100.0 AS open, 100.0 AS high, "
                    + "100.0 AS low, 100.0 + i AS close, 3.0 AS volume, i::BIGINT AS trades FROM range(10) t(i)) TO '" + sol
                    + "' (FORMAT parquet)");
            s.execute("COPY (SELECT * FROM (VALUES (1::BIGINT, 'alice', DATE '2026-01-02'), (2, 'bob', DATE '2026-01-03'), "
                    + "(3, 'o''brien', NULL)) t(id, name, joined)) TO '" + usersFile + "' (FORMAT parquet)");
        }
        List<ResolvedTable.Column> v0Columns = List.of(
                new ResolvedTable.Column("ts", "timestamp"), new ResolvedTable.Column("symbol", "string"),
                new ResolvedTable.Column("open", "double"), new ResolvedTable.Column("high", "double"),
                new ResolvedTable.Column("low", "double"), new ResolvedTable.Column("close", "double"),
                new ResolvedTable.Column("volume", "double"));
        List<ResolvedTable.Column> v3Columns = new ArrayList<>(v0Columns);
        v3Columns.add(new ResolvedTable.Column("trades", "long"));
        ResolvedTable.DataFile btcFile = new ResolvedTable.DataFile(btc, Map.of("symbol", "BTC-USDT"));
        ResolvedTable.DataFile ethFile = new ResolvedTable.DataFile(eth, Map.of("symbol", "ETH-USDT"));
        ResolvedTable.DataFile solFile = new ResolvedTable.DataFile(sol, Map.of("symbol", "SOL-USDT"));
        ResolvedTable users = new ResolvedTable(0, List.of(new ResolvedTable.Column("id", "long"),
                new ResolvedTable.Column("name", "string"), new ResolvedTable.Column("joined", "date")),
                List.of(), List.of(ResolvedTable.DataFile.of(usersFile)));
        TestLakehouse lakehouse = new TestLakehouse(root, users);
        List<String> partitions = List.of("symbol");
        lakehouse.ohlcv.add(new ResolvedTable(0, v0Columns, partitions, List.of()));
        lakehouse.ohlcv.add(new ResolvedTable(1, v0Columns, partitions, List.of(btcFile)));
        lakehouse.ohlcv.add(new ResolvedTable(2, v0Columns, partitions, List.of(btcFile, ethFile)));
        lakehouse.ohlcv.add(new ResolvedTable(3, v3Columns, partitions, List.of(btcFile, ethFile, solFile)));
        return lakehouse;
    }

    /** The lakehouse root. */
    public Path root() {
        return root;
    }

    /** The BTC-USDT data file, for attacks that try to read it directly. */
    public Path btcFile() {
        return ohlcv.get(1).files().get(0).path();
    }

    /** How many times {@link #resolve} ran. */
    public int resolutions() {
        return resolutions.get();
    }

    @Override
    public ResolvedTable resolve(TableRef ref) {
        resolutions.incrementAndGet();
        String name = ref.qualifiedName().toLowerCase(java.util.Locale.ROOT);
        List<ResolvedTable> versions;
        if (name.equals("market.ohlcv")) {
            versions = ohlcv;
        } else if (name.equals("auth.users")) {
            versions = List.of(users);
        } else {
            throw new TableResolutionException("unknown table " + ref.qualifiedName() + "; known tables: auth.users, market.ohlcv");
        }
        int last = versions.size() - 1;
        if (ref.timeTravel() instanceof TimeTravel.AtVersion at) {
            if (at.version() > last) {
                throw new TableResolutionException("table " + ref.qualifiedName() + " has versions 0 to " + last
                        + ", VERSION AS OF " + at.version() + " does not exist");
            }
            return versions.get((int) at.version());
        }
        if (ref.timeTravel() instanceof TimeTravel.AtTimestamp at) {
            if (at.instant().isBefore(FIRST_COMMIT)) {
                throw new TableResolutionException("table " + ref.qualifiedName() + " did not exist at " + at.instant()
                        + "; its first commit is " + FIRST_COMMIT);
            }
            long hours = java.time.Duration.between(FIRST_COMMIT, at.instant()).toHours();
            return versions.get((int) Math.min(hours, last));
        }
        return versions.get(last);
    }
}

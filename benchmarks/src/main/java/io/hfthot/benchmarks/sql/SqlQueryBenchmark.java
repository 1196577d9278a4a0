package io.hfthot.benchmarks.sql;

import io.hfthot.lakehouse.duckdb.DuckDbSqlRunner;
import io.hfthot.lakehouse.duckdb.DuckDbSettings;
import io.hfthot.lakehouse.duckdb.QueryOptions;
import io.hfthot.lakehouse.duckdb.QueryResult;
import io.hfthot.lakehouse.duckdb.ResolvedTable;
import io.hfthot.lakehouse.duckdb.ResultFormat;
import io.hfthot.lakehouse.duckdb.TableResolutionException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Seed 000's lakehouse query (hourly average close and total volume of BTC-USDT over the last 24 hours) over
 * 1,000,000 OHLCV rows in Parquet: four symbols of one-minute bars ending at set-up time, written by DuckDB.
 *
 * <p>Peer figure (issue 6): DuckDB alone runs this aggregate in 7.3 ms warm on the same files; the goal for the
 * whole request path (resolution, sandbox checks, execution, JSON encoding) is 15 ms or less.
 * {@link #duckDbAlone} is that peer, measured in the same run: the same SQL over {@code read_parquet} on a plain
 * DuckDB connection with the rows read through JDBC. {@link #engineJson} and {@link #engineArrow} are the whole
 * request path through {@link DuckDbSqlRunner}: token checks, {@code json_serialize_sql} and the syntax-tree
 * check, table resolution (an in-memory resolver here, standing for a cached snapshot), the rewritten query,
 * and the encoded body; the checks of a query text are cached, which {@link #engineJsonNewText} defeats.
 * {@code layout}: {@code flat} is one unpartitioned file with a {@code symbol} column;
 * {@code partitioned} is one file per symbol, the symbol restored from the partition values.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-opens=java.base/java.nio=ALL-UNNAMED", "-Duser.timezone=UTC"})
public class SqlQueryBenchmark {

    private static final int ROWS = 1_000_000;
    private static final String[] SYMBOLS = {"BTC-USDT", "ETH-USDT", "SOL-USDT", "XRP-USDT"};

    /** The seed's query, verbatim apart from whitespace. */
    static final String SEED_QUERY = """
            SELECT date_trunc('hour', ts) as hour,
                   avg(close) as avg_close,
                   sum(volume) as total_vol
            FROM market.ohlcv
            WHERE symbol = 'BTC-USDT'
              AND ts >= now() - INTERVAL '24 hours'
            GROUP BY 1 ORDER BY 1
            """;

    /** How the table's files are laid out. */
    @Param({"flat", "partitioned"})
    public String layout;

    private Path root;
    private DuckDbSqlRunner engine;
    private Connection plainDuckDb;
    private String peerQuery;
    private QueryOptions json;
    private QueryOptions arrow;
    private long distinctTexts;

    /** Writes the files, starts the engine and opens the peer connection. */
    @Setup(Level.Trial)
    public void setUp() throws SQLException, IOException {
        root = Files.createTempDirectory("sql-bench");
        Path tableDir = Files.createDirectories(root.resolve("market/ohlcv"));
        List<ResolvedTable.DataFile> files = new ArrayList<>();
        plainDuckDb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement s = plainDuckDb.createStatement()) {
            s.execute("SET TimeZone = 'UTC'");
            // Bars end at the current minute so the seed's "now() - INTERVAL '24 hours'" selects 1440 bars per symbol.
            String bars = "SELECT date_trunc('minute', now()) - to_minutes(" + (ROWS / SYMBOLS.length) + " - 1 - i // 4) AS ts, "
                    + "['BTC-USDT','ETH-USDT','SOL-USDT','XRP-USDT'][i % 4 + 1] AS symbol, "
                    + "40000 + (hash(i) % 100000) / 100.0 AS open, 40100 + (hash(i + 1) % 100000) / 100.0 AS high, "
                    + "39900 + (hash(i + 2) % 100000) / 100.0 AS low, 40000 + (hash(i + 3) % 100000) / 100.0 AS close, "
                    + "(hash(i + 4) % 10000) / 100.0 AS volume FROM range(" + ROWS + ") t(i)";
            if ("flat".equals(layout)) {
                Path file = tableDir.resolve("part-00000.parquet");
                s.execute("COPY (" + bars + " ORDER BY ts) TO '" + file + "' (FORMAT parquet)");
                files.add(ResolvedTable.DataFile.of(file));
                peerQuery = SEED_QUERY.replace("market.ohlcv", "read_parquet(['" + file + "'])");
            } else {
                List<String> paths = new ArrayList<>();
                for (String symbol : SYMBOLS) {
                    Path file = Files.createDirectories(tableDir.resolve("symbol=" + symbol)).resolve("part-00000.parquet");
                    s.execute("COPY (SELECT * EXCLUDE (symbol) FROM (" + bars + ") WHERE symbol = '" + symbol + "' ORDER BY ts) TO '"
                            + file + "' (FORMAT parquet)");
                    files.add(new ResolvedTable.DataFile(file, Map.of("symbol", symbol)));
                    paths.add("'" + file + "'");
                }
                // The peer reads the symbol from the directory names, as DuckDB does with hive partitioning.
                peerQuery = SEED_QUERY.replace("market.ohlcv", "read_parquet([" + String.join(", ", paths) + "], hive_partitioning = true)");
            }
        }
        List<ResolvedTable.Column> columns = List.of(new ResolvedTable.Column("ts", "timestamp"),
                new ResolvedTable.Column("symbol", "string"), new ResolvedTable.Column("open", "double"),
                new ResolvedTable.Column("high", "double"), new ResolvedTable.Column("low", "double"),
                new ResolvedTable.Column("close", "double"), new ResolvedTable.Column("volume", "double"));
        ResolvedTable snapshot = new ResolvedTable(1, columns, "flat".equals(layout) ? List.of() : List.of("symbol"), files);
        engine = DuckDbSqlRunner.start(DuckDbSettings.forRoot(root), ref -> {
            if (!ref.qualifiedName().equals("market.ohlcv")) {
                throw new TableResolutionException("unknown table " + ref.qualifiedName());
            }
            return snapshot;
        });
        json = QueryOptions.defaults();
        arrow = QueryOptions.defaults().withFormat(ResultFormat.ARROW);
        QueryResult check = engine.query(SEED_QUERY, json);
        if (check.rowCount() < 24 || check.rowCount() > 25) {
            throw new IllegalStateException("expected 24 or 25 hourly rows, got " + check.rowCount());
        }
    }

    /** Closes everything and deletes the files. */
    @TearDown(Level.Trial)
    public void tearDown() throws SQLException, IOException {
        engine.close();
        plainDuckDb.close();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The peer: DuckDB alone on the same files, rows read through JDBC. */
    @Benchmark
    public void duckDbAlone(Blackhole bh) throws SQLException {
        try (Statement s = plainDuckDb.createStatement(); ResultSet rs = s.executeQuery(peerQuery)) {
            while (rs.next()) {
                bh.consume(rs.getObject(1));
                bh.consume(rs.getDouble(2));
                bh.consume(rs.getDouble(3));
            }
        }
    }

    /** The peer's query once, returning a checksum of its rows (for {@link SqlInterleavedComparison}). */
    double peerOnce() throws SQLException {
        double sum = 0;
        try (Statement s = plainDuckDb.createStatement(); ResultSet rs = s.executeQuery(peerQuery)) {
            while (rs.next()) {
                sum += rs.getObject(1).hashCode() + rs.getDouble(2) + rs.getDouble(3);
            }
        }
        return sum;
    }

    /** The whole request path with a JSON body. */
    @Benchmark
    public QueryResult engineJson() {
        return engine.query(SEED_QUERY, json);
    }

    /**
     * The whole request path for a query text the engine has not seen: a distinct trailing comment defeats the
     * per-text cache of the sandbox checks, so DuckDB's parser runs on every call.
     */
    @Benchmark
    public QueryResult engineJsonNewText() {
        return engine.query(SEED_QUERY + "-- " + (++distinctTexts), json);
    }

    /** The whole request path with an Arrow IPC body. */
    @Benchmark
    public QueryResult engineArrow() {
        return engine.query(SEED_QUERY, arrow);
    }
}

package io.hfthot.lakehouse.duckdb;

import io.hfthot.lakehouse.duckdb.internal.ArrowResultWriter;
import io.hfthot.lakehouse.duckdb.internal.CappedBody;
import io.hfthot.lakehouse.duckdb.internal.ConnectionPool;
import io.hfthot.lakehouse.duckdb.internal.DuckDbErrors;
import io.hfthot.lakehouse.duckdb.internal.EncodedResult;
import io.hfthot.lakehouse.duckdb.internal.FileColumnCache;
import io.hfthot.lakehouse.duckdb.internal.JsonResultWriter;
import io.hfthot.lakehouse.duckdb.internal.PlannedQuery;
import io.hfthot.lakehouse.duckdb.internal.PooledConnection;
import io.hfthot.lakehouse.duckdb.internal.QueryPlanner;
import io.hfthot.lakehouse.duckdb.internal.ScanSqlBuilder;
import io.hfthot.lakehouse.duckdb.internal.StaleSpillFiles;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.memory.unsafe.UnsafeAllocationManager;
import org.duckdb.DuckDBConnection;
import org.duckdb.DuckDBResultSet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link SqlRunner} on an embedded, in-memory DuckDB that reads lakehouse snapshots' Parquet files.
 *
 * <p>DuckDB is loaded once, in {@link #start}: the first connection in a JVM costs ~400 ms and each new one
 * ~9 ms, so a fixed pool of connections is opened up front and reused. The database is locked down before any
 * user query runs: extension auto-install and auto-load off, an empty extension directory,
 * {@code allowed_directories} = the lakehouse root, {@code enable_external_access = false} (so nothing outside
 * the root can be read or written, and nothing can be attached or installed), the memory limit and thread
 * count, spilling only to the configured spill directory up to its cap (or not at all), the session time zone UTC,
 * then {@code lock_configuration = true} so no statement can change a setting. On top
 * of that every query goes through token checks, DuckDB's own parser ({@code json_serialize_sql}) and a
 * syntax-tree check (see {@code docs/sql.md}), so only the Parquet scans the engine generates read files.
 *
 * <p>Thread-safe; up to {@link DuckDbSettings#poolSize()} queries run at once, others wait within their
 * time limit. DuckDB calls run on worker threads with a large stack (see {@link #WORKER_STACK_BYTES}); an encoded
 * result may not exceed {@link QueryOptions#maxResultBytes()}.
 */
public final class DuckDbSqlRunner implements SqlRunner {

    private static final int RUNNING = 0;
    private static final int FINISHED = 1;
    private static final int CANCELLED = 2;
    /** Stack of the threads that run DuckDB: its recursion over a 1,000-level expression needs more than 1 MB. */
    static final long WORKER_STACK_BYTES = 64L << 20;

    private final DuckDbSettings settings;
    private final QueryPlanner planner;
    private final FileColumnCache fileColumns;
    private final ConnectionPool pool;
    private final ScheduledExecutorService canceller;
    private final ExecutorService workers;
    private final BufferAllocator arrowMemory;
    private volatile boolean closed;

    private DuckDbSqlRunner(DuckDbSettings settings, TableResolver resolver, DuckDBConnection primary) throws SQLException {
        this.settings = settings;
        this.planner = new QueryPlanner(resolver, settings.lakehouseRoot());
        this.fileColumns = new FileColumnCache(settings.lakehouseRoot());
        this.pool = new ConnectionPool(primary, settings.poolSize(), settings.lakehouseRoot());
        this.canceller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "duckdb-query-timeout");
            thread.setDaemon(true);
            return thread;
        });
        // Arrow's own Unsafe allocation manager, named rather than left to Arrow's default (Netty's when
        // arrow-memory-netty is present): Netty 4.1.118+ turns sun.misc.Unsafe off by default on Java 25+
        // unless -Dio.netty.noUnsafe=false is given, and then Arrow's Netty manager fails in its static
        // initialiser (EmptyByteBuf.memoryAddress: UnsupportedOperationException), so `java -jar` failed
        // on Temurin 25. Arrow's core uses Unsafe either way; this removes only the Netty layer.
        // DuckDB parses, binds and plans on the calling thread, recursively: `SELECT 1+1+...+1` with 900 terms
        // (within its own max_expression_depth of 1000) overflowed a 1 MB Java thread stack inside native code and
        // killed the JVM with SIGSEGV. Every DuckDB call of a query therefore runs on a worker with a large stack;
        // the pool is cached, so it holds at most one thread per caller waiting for a result.
        this.workers = Executors.newCachedThreadPool(r -> {
            Thread thread = new Thread(null, r, "duckdb-query", WORKER_STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
        this.arrowMemory = new RootAllocator(RootAllocator.configBuilder()
                .allocationManagerFactory(UnsafeAllocationManager.FACTORY).build());
    }

    /**
     * Loads DuckDB, locks its configuration down and opens the connection pool.
     *
     * @param settings the lakehouse root and resource limits
     * @param resolver turns {@code schema.table} references into snapshots
     * @throws QueryExecutionException when DuckDB cannot be loaded or configured
     */
    public static DuckDbSqlRunner start(DuckDbSettings settings, TableResolver resolver) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(resolver, "resolver");
        DuckDBConnection primary = null;
        try {
            primary = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:", connectionProperties());
            lockDown(primary, settings);
            return new DuckDbSqlRunner(settings, resolver, primary);
        } catch (SQLException e) {
            if (primary != null) {
                try {
                    primary.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new QueryExecutionException("could not start DuckDB: " + e.getMessage(), e);
        } catch (IOException e) {
            closeQuietly(primary);
            throw new QueryExecutionException("could not create the SQL spill directory " + settings.spillDirectory() + ": " + e, e);
        }
    }

    private static void closeQuietly(DuckDBConnection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing to start; the first error is the one reported
        }
    }

    private static Properties connectionProperties() {
        Properties properties = new Properties();
        properties.setProperty("autoinstall_known_extensions", "false");
        properties.setProperty("autoload_known_extensions", "false");
        properties.setProperty("allow_community_extensions", "false");
        properties.setProperty("extension_directory", "");
        // Results are fetched chunk by chunk, so a row limit stops the work instead of materializing everything.
        properties.setProperty("jdbc_stream_results", "true");
        return properties;
    }

    private static void lockDown(DuckDBConnection connection, DuckDbSettings settings) throws SQLException, IOException {
        String root = settings.lakehouseRoot().toString();
        String rootDirectory = root.endsWith("/") ? root : root + "/";
        try (Statement statement = connection.createStatement()) {
            if (settings.spillDirectory() == null) {
                statement.execute("SET temp_directory = ''");
            } else {
                // A query over memory_limit spills here instead of failing; max_temp_directory_size bounds the disk
                // it may take (DuckDB's default is 90% of the free space). Temp files are DuckDB's own: they are
                // written with enable_external_access=false and outside allowed_directories (checked in tests).
                Files.createDirectories(settings.spillDirectory());
                StaleSpillFiles.delete(settings.spillDirectory());
                statement.execute("SET temp_directory = " + ScanSqlBuilder.quoteString(settings.spillDirectory().toString()));
                statement.execute("SET max_temp_directory_size = " + ScanSqlBuilder.quoteString(settings.maxSpillSize().trim()));
            }
            // allowed_directories must be set while external access is still on; DuckDB checks it afterwards.
            statement.execute("SET allowed_directories = [" + ScanSqlBuilder.quoteString(rootDirectory) + "]");
            statement.execute("SET enable_external_access = false");
            // Data files are immutable (a Delta snapshot never rewrites a path), so their footers can be cached.
            statement.execute("SET parquet_metadata_cache = true");
            statement.execute("SET TimeZone = 'UTC'");
            if (settings.threads() > 0) {
                statement.execute("SET threads = " + settings.threads());
            }
            // memory_limit (alias max_memory) bounds DuckDB's buffer manager only (duckdb.org, Operations manual >
            // Limits: "This limit only applies to the buffer manager"; a vector may allocate up to 128 GB besides),
            // hence the function allow-list's exclusion of caller-sized constructors such as list_resize.
            if (settings.memoryLimit() != null) {
                statement.execute("SET memory_limit = " + ScanSqlBuilder.quoteString(settings.memoryLimit().trim()));
            }
            statement.execute("SET lock_configuration = true");
        }
    }

    @Override
    public QueryResult query(String sql, QueryOptions options) {
        Objects.requireNonNull(sql, "sql");
        Objects.requireNonNull(options, "options");
        if (closed) {
            throw new IllegalStateException("the query engine is closed");
        }
        StatementStop stop = new StatementStop();
        Future<QueryResult> running = workers.submit(() -> run(sql, options, stop));
        try {
            return running.get();
        } catch (InterruptedException e) {
            // The caller gave up (its client went away, or it is shutting down): DuckDB runs native code that
            // never sees a Java interrupt, so the statement is cancelled as the time limit would cancel it.
            stop.abandon();
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new QueryExecutionException("interrupted while the query ran", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new QueryExecutionException("the query failed: " + e.getCause(), e.getCause());
        }
    }

    private QueryResult run(String sql, QueryOptions options, StatementStop stop) {
        long started = System.nanoTime();
        long deadline = started + options.timeout().toNanos();
        PooledConnection connection = pool.acquire(deadline - System.nanoTime());
        try {
            PlannedQuery plan = planner.plan(sql, options.rowFloor(), connection::serialize, files -> fileColumns.columnsOf(files, connection.connection()));
            return execute(connection, plan, options, started, deadline, stop);
        } finally {
            pool.release(connection);
        }
    }

    private QueryResult execute(PooledConnection connection, PlannedQuery plan, QueryOptions options, long started,
            long deadline, StatementStop stop) {
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
            throw timeout(options);
        }
        CappedBody body = new CappedBody(options.maxResultBytes());
        try (Statement statement = connection.connection().createStatement()) {
            AtomicInteger state = new AtomicInteger(RUNNING);
            ScheduledFuture<?> cancel = canceller.schedule(() -> cancel(statement, state), remaining, TimeUnit.NANOSECONDS);
            stop.attach(() -> cancel(statement, state));
            EncodedResult encoded;
            try (ResultSet rs = statement.executeQuery(plan.sql())) {
                encoded = encode(rs, plan, options, started, body);
            } catch (SQLException e) {
                if (stopTimer(cancel, state)) {
                    throw timeout(options);
                }
                throw withLimits(DuckDbErrors.translate(e, settings.lakehouseRoot(), settings.spillDirectory()));
            } catch (IOException | RuntimeException e) {
                // e.g. the result outgrew its cap: stop the timer before the statement closes, so a late cancel
                // cannot reach the connection's next query
                if (stopTimer(cancel, state)) {
                    throw timeout(options);
                }
                throw e;
            }
            if (stopTimer(cancel, state)) {
                throw timeout(options);
            }
            return new QueryResult(options.format(), encoded.columns(), encoded.rowCount(), encoded.truncated(),
                    plan.snapshots(), Duration.ofNanos(System.nanoTime() - started), body.toByteArray());
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e, settings.lakehouseRoot(), settings.spillDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("encoding the result failed", e);
        }
    }

    private EncodedResult encode(ResultSet rs, PlannedQuery plan, QueryOptions options, long started, ByteArrayOutputStream body)
            throws SQLException, IOException {
        if (options.format() == ResultFormat.ARROW) {
            try (BufferAllocator allocator = arrowMemory.newChildAllocator("query", 0, Long.MAX_VALUE)) {
                return ArrowResultWriter.write(rs.unwrap(DuckDBResultSet.class), options.maxRows(), allocator, body);
            }
        }
        return JsonResultWriter.write(rs, options.maxRows(), plan.snapshots(), () -> System.nanoTime() - started, body);
    }

    /**
     * Lets a caller that gave up cancel its statement: at once when the statement runs, or as soon as it is
     * created when the caller gave up before.
     */
    private static final class StatementStop {
        private Runnable cancel;
        private boolean abandoned;

        synchronized void attach(Runnable statementCancel) {
            if (abandoned) {
                statementCancel.run();
            } else {
                cancel = statementCancel;
            }
        }

        synchronized void abandon() {
            abandoned = true;
            if (cancel != null) {
                cancel.run();
            }
        }
    }

    private static void cancel(Statement statement, AtomicInteger state) {
        if (state.compareAndSet(RUNNING, CANCELLED)) {
            try {
                statement.cancel();
            } catch (SQLException ignored) {
                // The statement finished or closed meanwhile; the state flag already reports the timeout.
            }
        }
    }

    /**
     * Stops the timeout timer. Returns {@code true} when the timer fired first; then it waits for the cancel to
     * complete, so an interrupt never lands on the connection's next query.
     */
    private static boolean stopTimer(ScheduledFuture<?> cancel, AtomicInteger state) {
        if (state.compareAndSet(RUNNING, FINISHED)) {
            cancel.cancel(false);
            return false;
        }
        try {
            cancel.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            // cancel() swallows its own failures; nothing else can be thrown here.
        }
        return true;
    }

    /**
     * Adds this engine's memory limits to an error raised while a query ran: the driver hides DuckDB's reason for
     * those (see {@link DuckDbErrors}), and running out of memory is the usual one, so the user learns the bound.
     */
    private QueryException withLimits(QueryException e) {
        if (!(e instanceof InvalidQueryException) || !e.getMessage().startsWith("the query failed while it ran")) {
            return e;
        }
        String limits = "memory_limit " + (settings.memoryLimit() == null ? "DuckDB's default" : settings.memoryLimit().trim())
                + (settings.spillDirectory() == null ? ", no spilling" : ", spilling up to " + settings.maxSpillSize().trim());
        return new InvalidQueryException(e.getMessage() + " (this server's SQL limits: " + limits + ")", e);
    }

    private static QueryTimeoutException timeout(QueryOptions options) {
        return new QueryTimeoutException("the query did not finish within its time limit of " + options.timeout().toMillis()
                + " ms and was cancelled; narrow it (e.g. a WHERE on ts) or raise the limit");
    }

    /**
     * The current value of a DuckDB setting, read through a pooled connection; lets tests and operators check
     * the lock-down (e.g. {@code enable_external_access}, {@code lock_configuration}).
     */
    public String duckDbSetting(String name) {
        Objects.requireNonNull(name, "name");
        PooledConnection connection = pool.acquire(QueryOptions.DEFAULT_TIMEOUT.toNanos());
        try (java.sql.PreparedStatement statement = connection.connection().prepareStatement("SELECT current_setting(?)::VARCHAR")) {
            statement.setString(1, name);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e, settings.lakehouseRoot(), settings.spillDirectory());
        } finally {
            pool.release(connection);
        }
    }

    /** The settings the engine runs with. */
    public DuckDbSettings settings() {
        return settings;
    }

    /** Closes the pool; queries still running fail. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        canceller.shutdownNow();
        workers.shutdownNow();
        pool.close();
        arrowMemory.close();
    }
}

package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.QueryTimeoutException;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed set of connections to one in-memory DuckDB database. A new in-memory connection costs ~9 ms and the
 * first one in a JVM ~400 ms, so connections are opened once and handed out one query at a time.
 */
public final class ConnectionPool implements AutoCloseable {

    private final DuckDBConnection primary;
    private final Path root;
    private final BlockingQueue<PooledConnection> idle;
    private final List<PooledConnection> all = new ArrayList<>();

    /**
     * Opens {@code size} connections duplicating {@code primary} (same database, same locked configuration).
     */
    public ConnectionPool(DuckDBConnection primary, int size, Path root) throws SQLException {
        this.primary = primary;
        this.root = root;
        this.idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            PooledConnection connection = new PooledConnection(primary.duplicate(), root);
            connection.serialize("SELECT 1"); // loads the JSON serializer before the first user query
            all.add(connection);
            idle.add(connection);
        }
    }

    /**
     * Takes a connection, waiting at most {@code waitNanos}.
     *
     * @throws QueryTimeoutException when every connection stays busy that long
     */
    public PooledConnection acquire(long waitNanos) {
        try {
            PooledConnection connection = idle.poll(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
            if (connection == null) {
                throw new QueryTimeoutException("all " + all.size() + " query connections stayed busy for the whole time limit");
            }
            return connection;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new QueryExecutionException("interrupted while waiting for a query connection", e);
        }
    }

    /** Returns a connection; a broken one is replaced by a fresh duplicate. */
    public void release(PooledConnection connection) {
        PooledConnection usable = connection;
        if (!connection.isUsable()) {
            try {
                synchronized (all) {
                    all.remove(connection);
                    usable = new PooledConnection(primary.duplicate(), root);
                    all.add(usable);
                }
            } catch (SQLException e) {
                throw new QueryExecutionException("could not replace a broken DuckDB connection", e);
            }
        }
        idle.add(usable);
    }

    @Override
    public void close() {
        synchronized (all) {
            for (PooledConnection connection : all) {
                connection.close();
            }
            all.clear();
        }
        try {
            primary.close();
        } catch (SQLException e) {
            throw new QueryExecutionException("closing DuckDB failed", e);
        }
    }
}

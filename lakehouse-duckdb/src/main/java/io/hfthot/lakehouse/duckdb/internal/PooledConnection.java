package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import org.duckdb.DuckDBConnection;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** One DuckDB connection of the pool, with its prepared {@code json_serialize_sql} statement. */
public final class PooledConnection implements AutoCloseable {

    private final DuckDBConnection connection;
    private final PreparedStatement serialize;
    private final Path root;

    PooledConnection(DuckDBConnection connection, Path root) throws SQLException {
        this.connection = connection;
        this.root = root;
        this.serialize = connection.prepareStatement("SELECT json_serialize_sql(?)");
    }

    /** The underlying connection; only the engine runs statements on it. */
    public DuckDBConnection connection() {
        return connection;
    }

    /** DuckDB's syntax tree of {@code sql} as JSON ({@code "error": true} for anything but SELECT). */
    public String serialize(String sql) {
        try {
            serialize.setString(1, sql);
            try (ResultSet rs = serialize.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e, root);
        }
    }

    boolean isUsable() {
        try {
            return !connection.isClosed() && !serialize.isClosed();
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            serialize.close();
            connection.close();
        } catch (SQLException e) {
            throw new QueryExecutionException("closing a DuckDB connection failed", e);
        }
    }
}

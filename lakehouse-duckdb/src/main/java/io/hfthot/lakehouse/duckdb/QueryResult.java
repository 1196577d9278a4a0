package io.hfthot.lakehouse.duckdb;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * The encoded result of one query.
 *
 * <p>For {@link ResultFormat#JSON} the body is the complete JSON document (see {@code docs/sql.md}), which
 * already carries the columns, row count and truncation flag; for {@link ResultFormat#ARROW} the body is an
 * Arrow IPC stream and the other fields are the metadata an HTTP adapter sends as headers.
 *
 * @param format    the body's encoding
 * @param columns   the result columns in order
 * @param rowCount  how many rows the body holds
 * @param truncated {@code true} when the query produced more than {@link QueryOptions#maxRows()} rows and the
 *                  body holds only the first ones
 * @param snapshots the table snapshots the query read, in order of first reference
 * @param elapsed   wall time from the call to the end of encoding
 * @param body      the encoded bytes (copied in; {@link #body()} returns a copy)
 */
public record QueryResult(ResultFormat format, List<ResultColumn> columns, long rowCount, boolean truncated,
                          List<SnapshotRead> snapshots, Duration elapsed, byte[] body) {

    /** Validates and copies. */
    public QueryResult {
        Objects.requireNonNull(format, "format");
        columns = List.copyOf(columns);
        snapshots = List.copyOf(snapshots);
        Objects.requireNonNull(elapsed, "elapsed");
        if (rowCount < 0) {
            throw new IllegalArgumentException("rowCount must be >= 0, got " + rowCount);
        }
        body = body.clone();
    }

    /** A copy of the encoded bytes. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body's length in bytes. */
    public int bodyLength() {
        return body.length;
    }

    /** Writes the body to {@code out} without copying it; does not close {@code out}. */
    public void writeBodyTo(OutputStream out) throws IOException {
        out.write(body);
    }

    /** The HTTP content type of the body. */
    public String contentType() {
        return format.contentType();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof QueryResult that && format == that.format && columns.equals(that.columns)
                && rowCount == that.rowCount && truncated == that.truncated && snapshots.equals(that.snapshots)
                && elapsed.equals(that.elapsed) && java.util.Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, columns, rowCount, truncated, snapshots, elapsed, java.util.Arrays.hashCode(body));
    }

    @Override
    public String toString() {
        return "QueryResult[format=" + format + ", columns=" + columns + ", rowCount=" + rowCount + ", truncated="
                + truncated + ", snapshots=" + snapshots + ", elapsed=" + elapsed + ", body=" + body.length + " bytes]";
    }
}

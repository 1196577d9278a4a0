package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.ResultColumn;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.ArrowReader;
import org.apache.arrow.vector.ipc.ArrowStreamWriter;
import org.duckdb.DuckDBResultSet;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.sql.SQLException;
import java.util.List;

/**
 * Streams a DuckDB result as an Arrow IPC stream. DuckDB exports its result through the Arrow C data interface
 * ({@code DuckDBResultSet.arrowExportStream}, which needs arrow-c-data), so vectors are not rebuilt value by value.
 */
public final class ArrowResultWriter {

    private static final long BATCH_ROWS = 65_536;

    private ArrowResultWriter() {
    }

    /**
     * Writes {@code rs} to {@code out} (not closed), at most {@code maxRows} rows.
     *
     * @param allocator allocates the imported batches; closed by the caller after this returns
     */
    public static EncodedResult write(DuckDBResultSet rs, int maxRows, BufferAllocator allocator, OutputStream out)
            throws SQLException, IOException {
        List<ResultColumn> columns = ResultColumns.of(rs.getMetaData());
        long rows = 0;
        boolean truncated = false;
        try (ArrowReader reader = (ArrowReader) rs.arrowExportStream(allocator, Math.min(BATCH_ROWS, maxRows + 1L))) {
            VectorSchemaRoot batch = reader.getVectorSchemaRoot();
            try (ArrowStreamWriter writer = new ArrowStreamWriter(batch, null, Channels.newChannel(out))) {
                writer.start();
                while (reader.loadNextBatch()) {
                    int n = batch.getRowCount();
                    if (n == 0) {
                        continue;
                    }
                    if (rows == maxRows) {
                        truncated = true;
                        break;
                    }
                    if (rows + n > maxRows) {
                        // Shrinking the row count keeps the leading rows of every vector (validity and offsets included).
                        batch.setRowCount((int) (maxRows - rows));
                        truncated = true;
                    }
                    writer.writeBatch();
                    rows += batch.getRowCount();
                    if (truncated) {
                        break;
                    }
                }
                writer.end();
            }
        }
        return new EncodedResult(columns, rows, truncated);
    }
}

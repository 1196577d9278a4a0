package io.hfthot.engine.lab.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A Parquet file exported from a table snapshot. The file is temporary: the caller streams it and then
 * {@linkplain #close() closes} the export, which deletes it.
 *
 * @param table   the table
 * @param version the snapshot version exported
 * @param rows    rows written
 * @param file    the Parquet file
 */
public record ParquetExport(String table, long version, long rows, Path file) implements AutoCloseable {
    /** The media type to send the file with. */
    public static final String CONTENT_TYPE = "application/vnd.apache.parquet";

    /** Deletes the file. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

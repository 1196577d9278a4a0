package io.hfthot.lakehouse;

import io.hfthot.lakehouse.internal.parquet.LocalCodecFactory;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.parquet.HadoopFreeReadOptions;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/**
 * Hadoop-free access to Parquet files for code outside the lakehouse (importers, tools).
 *
 * <p>parquet-hadoop's public read-option builders and its default codec factory load Hadoop classes; this
 * module avoids both (see {@link LocalCodecFactory}), and this class exposes that path so callers never need
 * Hadoop at runtime or the lakehouse's internal packages.
 *
 * <p>Why its signatures name Parquet's types while the rest of the public API speaks paths and streams: it exists
 * for callers that assemble Parquet records themselves (the bar importer reads arbitrary user files, column types
 * and all, through parquet-column's record model), so what they need from this module is an open Parquet reader
 * and the codecs, not rows in the lakehouse's types. Tables, snapshots and {@code LogStore} never expose Parquet.
 */
public final class ParquetFiles {
    private ParquetFiles() {
    }

    /**
     * Opens a local Parquet file for reading without Hadoop. The caller closes the reader.
     *
     * @param file the file
     * @return an open reader positioned before the first row group
     * @throws IOException when the file cannot be read or is not Parquet
     */
    public static ParquetFileReader open(Path file) throws IOException {
        return ParquetFileReader.open(new LocalInputFile(file), HadoopFreeReadOptions.create(LocalCodecFactory.INSTANCE));
    }

    /**
     * Returns the codec factory (uncompressed, Snappy, GZIP, ZSTD) that writers may use without Hadoop.
     *
     * @return the shared, thread-safe factory
     */
    public static CompressionCodecFactory codecs() {
        return LocalCodecFactory.INSTANCE;
    }
}

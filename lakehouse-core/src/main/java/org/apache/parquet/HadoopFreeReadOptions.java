package org.apache.parquet;

import java.util.HashMap;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.filter2.compat.FilterCompat;
import org.apache.parquet.format.converter.ParquetMetadataConverter;

/**
 * Builds {@link ParquetReadOptions} without loading Hadoop.
 *
 * <p>Why this class sits in parquet's own package: both public builders of {@code ParquetReadOptions} touch
 * Hadoop ({@code Builder()} creates a {@code HadoopParquetConfiguration}; {@code Builder(ParquetConfiguration)} calls
 * {@code ParquetInputFormat.getFilter}, a subclass of Hadoop's {@code FileInputFormat}), so reading Parquet on a
 * Hadoop-free classpath fails with {@code NoClassDefFoundError} (found by {@code NoHadoopRuntimeTest}). The only
 * Hadoop-free route is the package-private constructor taking a {@code ParquetConfiguration}, whose signature is the
 * same in parquet 1.15.2 and 1.16.0. Used only by {@code io.hfthot.lakehouse.internal.parquet}.
 *
 * <p>Checked again against parquet-java 1.16.0 for a way out of this package: {@code ParquetReadOptions} has no
 * other constructor or factory, {@code Builder.build()} and {@code copy} need a builder built by one of the two
 * constructors above, and subclassing the builder still runs one of them. So this package-private constructor
 * forces the class into {@code org.apache.parquet}. It costs nothing on the module path that is not already lost:
 * Parquet's own jars split {@code org.apache.parquet} (parquet-common, parquet-column, parquet-hadoop) and the
 * shaded fastutil packages, so lakehouse-core runs on the class path only (docs/lakehouse.md, "Module path").
 */
public final class HadoopFreeReadOptions {
    private HadoopFreeReadOptions() {
    }

    /** Read options with parquet's defaults, the given codecs and a plain (Hadoop-free) configuration. */
    public static ParquetReadOptions create(CompressionCodecFactory codecs) {
        return new ParquetReadOptions(
                false, // useSignedStringMinMax
                true, // useStatsFilter
                true, // useDictionaryFilter
                true, // useRecordFilter
                true, // useColumnIndexFilter
                false, // usePageChecksumVerification
                true, // useBloomFilter
                false, // useOffHeapDecryptBuffer
                false, // useHadoopVectoredIo
                FilterCompat.NOOP,
                ParquetMetadataConverter.NO_FILTER,
                codecs,
                new HeapByteBufferAllocator(),
                8 * 1024 * 1024, // maxAllocationSize, parquet's default
                new HashMap<>(),
                null, // no decryption
                null, // no metrics callback
                new PlainParquetConfiguration());
    }
}

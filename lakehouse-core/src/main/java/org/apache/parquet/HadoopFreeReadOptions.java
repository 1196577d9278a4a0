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

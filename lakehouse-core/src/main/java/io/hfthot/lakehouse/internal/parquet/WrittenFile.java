package io.hfthot.lakehouse.internal.parquet;

/**
 * Result of writing one data file.
 *
 * @param size      bytes on disk
 * @param numRows   rows written
 * @param statsJson Delta stats JSON for {@code add.stats}
 */
public record WrittenFile(long size, long numRows, String statsJson) {
}

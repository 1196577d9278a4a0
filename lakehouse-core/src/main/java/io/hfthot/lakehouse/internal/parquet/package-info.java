/**
 * Parquet I/O without Hadoop: a columnar writer and reader over parquet-column, the codec factory they share,
 * per-file statistics, and Avro-based checkpoint rows.
 */
package io.hfthot.lakehouse.internal.parquet;

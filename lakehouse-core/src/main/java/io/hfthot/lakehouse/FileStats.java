package io.hfthot.lakehouse;

import java.util.Map;

/**
 * Per-file statistics from the log's {@code add.stats}: record count and, per column, minimum, maximum and null
 * count. Values are as parsed from JSON: numbers ({@link Long} or {@link Double}) or strings (dates
 * {@code 2024-01-31}, timestamps ISO-8601 truncated to milliseconds, text truncated by some writers).
 *
 * @param numRecords number of rows in the file
 * @param minValues  column to minimum (absent when unknown)
 * @param maxValues  column to maximum (absent when unknown)
 * @param nullCount  column to number of nulls (absent when unknown)
 */
public record FileStats(long numRecords, Map<String, Object> minValues, Map<String, Object> maxValues,
                        Map<String, Long> nullCount) {
    /** Copies the maps. */
    public FileStats {
        if (numRecords < 0) {
            throw new IllegalArgumentException("numRecords " + numRecords + " must be >= 0");
        }
        minValues = Map.copyOf(minValues);
        maxValues = Map.copyOf(maxValues);
        nullCount = Map.copyOf(nullCount);
    }
}

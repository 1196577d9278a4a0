package io.hfthot.engine.lab.api;

import java.util.List;
import java.util.Map;

/**
 * Rows of a table at one version (time travel over REST).
 *
 * @param table     the table
 * @param version   the version read
 * @param ts        ISO-8601 UTC commit time of that version
 * @param columns   column names in schema order
 * @param rows      rows as column-to-value maps (timestamps as ISO-8601 strings, binary as base64)
 * @param rowCount  rows in the snapshot
 * @param truncated whether {@code rows} holds fewer than {@code rowCount}
 */
public record TableRead(String table, long version, String ts, List<String> columns, List<Map<String, Object>> rows,
                        long rowCount, boolean truncated) {
    /** Copies the lists. */
    public TableRead {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}

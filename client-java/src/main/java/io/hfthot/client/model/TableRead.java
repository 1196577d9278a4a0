package io.hfthot.client.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of {@code GET /v1/lakehouse/read}: rows of one version of a table.
 *
 * @param table     the table
 * @param version   the version read
 * @param ts        ISO-8601 UTC commit time of that version
 * @param columns   column names in schema order
 * @param rows      rows as column-to-value maps (timestamps as ISO-8601 strings)
 * @param rowCount  rows in the snapshot the key may see
 * @param truncated whether {@code rows} holds fewer than {@code rowCount}
 */
public record TableRead(String table, long version, String ts, List<String> columns, List<Map<String, Object>> rows,
                        long rowCount, boolean truncated) {
    /** Checks and copies (values may be null). */
    public TableRead {
        Objects.requireNonNull(table, "table");
        columns = List.copyOf(Objects.requireNonNull(columns, "columns"));
        rows = Objects.requireNonNull(rows, "rows").stream().map(Checks::copy).toList();
    }
}

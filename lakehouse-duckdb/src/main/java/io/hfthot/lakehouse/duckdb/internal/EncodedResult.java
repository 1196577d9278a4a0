package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.ResultColumn;

import java.util.List;

/**
 * What an encoder wrote.
 *
 * @param columns   the result columns
 * @param rowCount  rows written
 * @param truncated whether rows beyond the limit were left out
 */
public record EncodedResult(List<ResultColumn> columns, long rowCount, boolean truncated) {
    /** Copies the list. */
    public EncodedResult {
        columns = List.copyOf(columns);
    }
}

package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.ResultColumn;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads the result columns from JDBC metadata. */
final class ResultColumns {

    private ResultColumns() {
    }

    static List<ResultColumn> of(ResultSetMetaData meta) throws SQLException {
        List<ResultColumn> columns = new ArrayList<>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(new ResultColumn(meta.getColumnLabel(i), meta.getColumnTypeName(i)));
        }
        return columns;
    }
}

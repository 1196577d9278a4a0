package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.ResolvedTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the DuckDB relation that reads one resolved snapshot.
 *
 * <p>Shape, for a table with columns {@code ts, symbol (partition), close}:
 * <pre>
 * (SELECT "ts", "symbol", "close" FROM (
 *    SELECT CAST(NULL AS TIMESTAMPTZ) AS "ts", CAST(NULL AS VARCHAR) AS "symbol", CAST(NULL AS DOUBLE) AS "close" WHERE false
 *    UNION ALL BY NAME SELECT *, CAST('BTC-USDT' AS VARCHAR) AS "symbol"
 *        FROM read_parquet(['.../a.parquet'], union_by_name = true, hive_partitioning = false)
 *    UNION ALL BY NAME ...one branch per distinct partition tuple...))
 * </pre>
 * The zero-row typed branch gives an empty table its columns and types, and {@code UNION ALL BY NAME} fills
 * columns missing from older files (schema evolution) with NULL. Partition values are typed constants because
 * Delta keeps them in the log, not in the files; constant branches let DuckDB's optimizer drop whole partitions
 * on a filter such as {@code symbol = 'ETH-USDT'}.
 */
public final class ScanSqlBuilder {

    private ScanSqlBuilder() {
    }

    /**
     * The parenthesized relation reading {@code table}.
     *
     * @param table the resolved snapshot
     * @param root  the lakehouse root every data file must lie under
     * @throws QueryExecutionException when the resolver returned a file outside the root or a path DuckDB would glob
     */
    public static String scan(ResolvedTable table, Path root) {
        StringBuilder sql = new StringBuilder(256 + 96 * table.files().size());
        sql.append("(SELECT ");
        appendList(sql, table.columns().stream().map(c -> quoteIdentifier(c.name())).toList());
        sql.append(" FROM (SELECT ");
        appendList(sql, table.columns().stream()
                .map(c -> "CAST(NULL AS " + DeltaTypes.toDuckDb(c.type()) + ") AS " + quoteIdentifier(c.name())).toList());
        sql.append(" WHERE false");
        for (Map.Entry<List<String>, List<Path>> group : groupByPartition(table).entrySet()) {
            sql.append(" UNION ALL BY NAME SELECT *");
            List<String> values = group.getKey();
            for (int i = 0; i < values.size(); i++) {
                String name = table.partitionColumns().get(i);
                String type = DeltaTypes.toDuckDb(typeOf(table, name));
                String value = values.get(i);
                sql.append(", CAST(").append(value == null ? "NULL" : quoteString(value)).append(" AS ").append(type)
                        .append(") AS ").append(quoteIdentifier(name));
            }
            sql.append(" FROM read_parquet([");
            List<String> paths = new ArrayList<>();
            for (Path file : group.getValue()) {
                paths.add(quoteString(checkedPath(file, root)));
            }
            appendList(sql, paths);
            // hive_partitioning is off: read_parquet would otherwise guess columns from "symbol=..." directories,
            // while Delta's partition values are those of the log.
            sql.append("], union_by_name = true, hive_partitioning = false)");
        }
        sql.append("))");
        return sql.toString();
    }

    private static Map<List<String>, List<Path>> groupByPartition(ResolvedTable table) {
        Map<List<String>, List<Path>> groups = new LinkedHashMap<>();
        for (ResolvedTable.DataFile file : table.files()) {
            List<String> key = new ArrayList<>(table.partitionColumns().size());
            for (String partition : table.partitionColumns()) {
                key.add(file.partitionValues().get(partition));
            }
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(file.path());
        }
        return groups;
    }

    private static String typeOf(ResolvedTable table, String column) {
        for (ResolvedTable.Column c : table.columns()) {
            if (c.name().equals(column)) {
                return c.type();
            }
        }
        throw new IllegalStateException("no column " + column);
    }

    private static String checkedPath(Path file, Path root) {
        Path normalized = file.toAbsolutePath().normalize();
        if (!normalized.startsWith(root)) {
            throw new QueryExecutionException("the table resolver returned a data file outside the lakehouse root: " + file);
        }
        String text = normalized.toString();
        for (char glob : new char[] {'*', '?', '[', '{'}) {
            if (text.indexOf(glob) >= 0) {
                // read_parquet expands glob patterns; such a path could match files of other snapshots.
                throw new QueryExecutionException("data file path contains the glob character '" + glob + "': " + file);
            }
        }
        return text;
    }

    private static void appendList(StringBuilder sql, List<String> items) {
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(items.get(i));
        }
    }

    /** A SQL identifier in double quotes, inner quotes doubled. */
    public static String quoteIdentifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** A SQL string literal in single quotes, inner quotes doubled. */
    public static String quoteString(String value) {
        return '\'' + value.replace("'", "''") + '\'';
    }
}

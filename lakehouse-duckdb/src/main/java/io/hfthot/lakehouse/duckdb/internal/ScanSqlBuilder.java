package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.ResolvedTable;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes the DuckDB relation that reads one resolved snapshot.
 *
 * <p>Shape, for a table with columns {@code ts, symbol (partition), close, trades (added later)}:
 * <pre>
 * (SELECT "ts", CAST('BTC-USDT' AS VARCHAR) AS "symbol", "close", CAST(NULL AS BIGINT) AS "trades"
 *    FROM read_parquet(['.../a.parquet'], hive_partitioning = false)
 *  UNION ALL
 *  SELECT "ts", CAST('SOL-USDT' AS VARCHAR) AS "symbol", "close", "trades"
 *    FROM read_parquet(['.../b.parquet'], hive_partitioning = false))
 * </pre>
 * One branch per distinct partition tuple, each with the table's columns in schema order: partition values as
 * typed constants (Delta keeps them in the log, not in the files; constants let DuckDB's optimizer drop whole
 * partitions on a filter such as {@code symbol = 'ETH-USDT'}); a column no file of the branch has (added to the
 * table later) as a typed NULL; {@code union_by_name} only when the branch's files differ in their columns. An
 * empty snapshot is a typed zero-row relation, so its columns still exist.
 */
public final class ScanSqlBuilder {

    private ScanSqlBuilder() {
    }

    /**
     * The parenthesized relation reading {@code table}.
     *
     * @param table       the resolved snapshot
     * @param root        the lakehouse root every data file must lie under
     * @param fileColumns the lower-cased top-level column names of each data file
     * @throws QueryExecutionException when the resolver returned a file outside the root or a path DuckDB would glob
     */
    public static String scan(ResolvedTable table, Path root, Map<Path, Set<String>> fileColumns) {
        StringBuilder sql = new StringBuilder(256 + 96 * table.files().size());
        sql.append('(');
        if (table.files().isEmpty()) {
            sql.append("SELECT ");
            appendList(sql, table.columns().stream()
                    .map(c -> "CAST(NULL AS " + DeltaTypes.toDuckDb(c.type()) + ") AS " + quoteIdentifier(c.name())).toList());
            sql.append(" WHERE false");
        }
        boolean first = true;
        for (Map.Entry<List<String>, List<Path>> group : groupByPartition(table).entrySet()) {
            if (!first) {
                sql.append(" UNION ALL ");
            }
            first = false;
            appendBranch(sql, table, group.getKey(), group.getValue(), root, fileColumns);
        }
        return sql.append(')').toString();
    }

    private static void appendBranch(StringBuilder sql, ResolvedTable table, List<String> partitionValues, List<Path> files,
                                     Path root, Map<Path, Set<String>> fileColumns) {
        Set<String> present = new HashSet<>();
        Set<String> firstFile = null;
        boolean sameColumns = true;
        for (Path file : files) {
            Set<String> columns = fileColumns.get(file);
            if (columns == null) {
                throw new IllegalStateException("no column list for data file " + file);
            }
            present.addAll(columns);
            if (firstFile == null) {
                firstFile = columns;
            } else if (!firstFile.equals(columns)) {
                sameColumns = false;
            }
        }
        List<String> select = new ArrayList<>();
        for (ResolvedTable.Column column : table.columns()) {
            int partition = table.partitionColumns().indexOf(column.name());
            String name = quoteIdentifier(column.name());
            if (partition >= 0) {
                String value = partitionValues.get(partition);
                select.add("CAST(" + (value == null ? "NULL" : quoteString(value)) + " AS " + DeltaTypes.toDuckDb(column.type())
                        + ") AS " + name);
            } else if (present.contains(column.name().toLowerCase(Locale.ROOT))) {
                select.add(name);
            } else {
                select.add("CAST(NULL AS " + DeltaTypes.toDuckDb(column.type()) + ") AS " + name);
            }
        }
        sql.append("SELECT ");
        appendList(sql, select);
        sql.append(" FROM read_parquet([");
        List<String> paths = new ArrayList<>();
        for (Path file : files) {
            paths.add(quoteString(checkedPath(file, root)));
        }
        appendList(sql, paths);
        // hive_partitioning is off: read_parquet would otherwise guess columns from "symbol=..." directories,
        // while Delta's partition values are those of the log.
        sql.append("], hive_partitioning = false").append(sameColumns ? "" : ", union_by_name = true").append(')');
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

    /**
     * The normalized path of a data file as DuckDB will see it.
     *
     * @throws QueryExecutionException for a file outside the root or a path with glob characters
     */
    static String checkedPath(Path file, Path root) {
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

package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The top-level column names of Parquet data files, read once per file with DuckDB's {@code parquet_schema}
 * and kept: a Delta data file is never rewritten in place, so its path identifies its content.
 *
 * <p>Knowing which columns each file has lets the rewrite read files with a bare {@code read_parquet} and an
 * explicit column list, adding NULLs only for columns a file lacks (added to the table after the file was
 * written); see {@link ScanSqlBuilder}.
 */
public final class FileColumnCache {

    private static final int MAX_FILES = 200_000;

    private final Map<Path, Set<String>> columns = new ConcurrentHashMap<>();
    private final Path root;

    /**
     * Creates an empty cache.
     *
     * @param root the lakehouse root; files outside it are refused before DuckDB opens them
     */
    public FileColumnCache(Path root) {
        this.root = root;
    }

    /**
     * The lower-cased top-level column names of each file, probing the files not seen before.
     *
     * @param files      data files of resolved snapshots
     * @param connection a sandboxed connection (the files lie under the allowed root)
     */
    public Map<Path, Set<String>> columnsOf(Collection<Path> files, Connection connection) {
        Map<Path, Set<String>> result = new HashMap<>();
        Set<Path> missing = new LinkedHashSet<>();
        for (Path file : files) {
            Set<String> known = columns.get(file);
            if (known == null) {
                missing.add(file);
            } else {
                result.put(file, known);
            }
        }
        if (!missing.isEmpty()) {
            Map<Path, Set<String>> probed = probe(missing, connection);
            if (columns.size() + probed.size() > MAX_FILES) {
                columns.clear(); // crude bound; a re-probe costs one footer read per file
            }
            columns.putAll(probed);
            result.putAll(probed);
        }
        return result;
    }

    private Map<Path, Set<String>> probe(Set<Path> files, Connection connection) {
        Map<String, Path> byName = new HashMap<>();
        StringBuilder sql = new StringBuilder("SELECT file_name, name, num_children FROM parquet_schema([");
        for (Path file : files) {
            String text = ScanSqlBuilder.checkedPath(file, root);
            byName.put(text, file);
            sql.append(byName.size() > 1 ? ", " : "").append(ScanSqlBuilder.quoteString(text));
        }
        sql.append("])");
        Map<Path, Set<String>> probed = new HashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql.toString())) {
            // Rows are the schema elements of each file in depth-first order, the root first; top-level
            // columns are the root's direct children (nested fields follow their parent).
            String current = null;
            Deque<Integer> remaining = new ArrayDeque<>();
            Set<String> names = null;
            while (rs.next()) {
                String file = rs.getString(1);
                String name = rs.getString(2);
                int children = rs.getInt(3);
                if (!file.equals(current)) {
                    current = file;
                    names = new HashSet<>();
                    Path path = byName.get(file);
                    if (path == null) {
                        throw new QueryExecutionException("parquet_schema returned an unexpected file " + file);
                    }
                    probed.put(path, names);
                    remaining.clear();
                    remaining.push(children);
                    continue;
                }
                if (remaining.size() == 1) {
                    names.add(name.toLowerCase(Locale.ROOT));
                }
                remaining.push(remaining.pop() - 1);
                if (children > 0) {
                    remaining.push(children);
                }
                while (!remaining.isEmpty() && remaining.peek() == 0) {
                    remaining.pop();
                }
            }
        } catch (SQLException e) {
            throw DuckDbErrors.translate(e, root);
        }
        for (Path file : files) {
            if (!probed.containsKey(file)) {
                throw new QueryExecutionException("could not read the schema of data file " + file);
            }
        }
        Map<Path, Set<String>> frozen = new HashMap<>();
        probed.forEach((path, names) -> frozen.put(path, Set.copyOf(names)));
        return frozen;
    }

    /** How many files are cached (for tests). */
    int size() {
        return columns.size();
    }
}

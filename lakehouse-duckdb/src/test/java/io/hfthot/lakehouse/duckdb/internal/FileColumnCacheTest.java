package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FileColumnCacheTest {

    @TempDir
    Path root;

    @Test
    void readsTopLevelColumnsOnlyAndOncePerFile() throws Exception {
        Path nested = root.resolve("nested.parquet");
        Path flat = root.resolve("flat.parquet");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT 1 AS a, {'x': 1, 'y': [1, 2], 'z': {'a': 2}} AS s, 'q' AS \"B\") TO '" + nested + "' (FORMAT parquet)");
            s.execute("COPY (SELECT 1 AS a) TO '" + flat + "' (FORMAT parquet)");
            FileColumnCache cache = new FileColumnCache(root);
            Map<Path, Set<String>> columns = cache.columnsOf(List.of(nested, flat, nested), duck);
            assertEquals(Set.of("a", "s", "b"), columns.get(nested));
            assertEquals(Set.of("a"), columns.get(flat));
            assertEquals(2, cache.size());
            s.execute("COPY (SELECT 2 AS other) TO '" + flat + "' (FORMAT parquet)");
            assertEquals(Set.of("a"), cache.columnsOf(List.of(flat), duck).get(flat), "cached by path: data files are immutable");
            assertThrows(QueryExecutionException.class, () -> cache.columnsOf(List.of(Path.of("/etc/passwd")), duck));
        }
    }
}

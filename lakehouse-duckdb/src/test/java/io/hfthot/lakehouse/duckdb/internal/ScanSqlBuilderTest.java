package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryExecutionException;
import io.hfthot.lakehouse.duckdb.ResolvedTable;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScanSqlBuilderTest {

    private static final Path ROOT = Path.of("/lake");

    private static ResolvedTable table(List<ResolvedTable.DataFile> files) {
        return new ResolvedTable(7, List.of(new ResolvedTable.Column("ts", "timestamp"), new ResolvedTable.Column("sym\"bol", "string"),
                new ResolvedTable.Column("day", "date"), new ResolvedTable.Column("px", "decimal(18, 4)")),
                List.of("sym\"bol", "day"), files);
    }

    private static final Map<Path, Set<String>> COLUMNS = Map.of(
            Path.of("/lake/t/a.parquet"), Set.of("ts", "px"),
            Path.of("/lake/t/b.parquet"), Set.of("ts"),
            Path.of("/lake/t/c.parquet"), Set.of("ts", "px"));

    @Test
    void emptyTableIsATypedZeroRowRelation() {
        assertEquals("(SELECT CAST(NULL AS TIMESTAMPTZ) AS \"ts\", CAST(NULL AS VARCHAR) AS \"sym\"\"bol\", CAST(NULL AS DATE) AS \"day\", "
                + "CAST(NULL AS DECIMAL(18,4)) AS \"px\" WHERE false)", ScanSqlBuilder.scan(table(List.of()), ROOT, Map.of()));
    }

    @Test
    void filesAreGroupedByPartitionValuesWhichBecomeTypedConstants() {
        Map<String, String> nullDay = new HashMap<>();
        nullDay.put("sym\"bol", "o'k");
        nullDay.put("day", null);
        String sql = ScanSqlBuilder.scan(table(List.of(
                new ResolvedTable.DataFile(Path.of("/lake/t/a.parquet"), Map.of("sym\"bol", "BTC", "day", "2026-01-01")),
                new ResolvedTable.DataFile(Path.of("/lake/t/b.parquet"), nullDay),
                new ResolvedTable.DataFile(Path.of("/lake/t/c.parquet"), Map.of("sym\"bol", "BTC", "day", "2026-01-01")))), ROOT, COLUMNS);
        assertEquals("(SELECT \"ts\", CAST('BTC' AS VARCHAR) AS \"sym\"\"bol\", CAST('2026-01-01' AS DATE) AS \"day\", \"px\" "
                + "FROM read_parquet(['/lake/t/a.parquet', '/lake/t/c.parquet'], hive_partitioning = false) UNION ALL "
                + "SELECT \"ts\", CAST('o''k' AS VARCHAR) AS \"sym\"\"bol\", CAST(NULL AS DATE) AS \"day\", CAST(NULL AS DECIMAL(18,4)) AS \"px\" "
                + "FROM read_parquet(['/lake/t/b.parquet'], hive_partitioning = false))", sql);
    }

    @Test
    void filesWithDifferentColumnsInOneBranchAreReadByName() {
        String sql = ScanSqlBuilder.scan(table(List.of(
                new ResolvedTable.DataFile(Path.of("/lake/t/a.parquet"), Map.of("sym\"bol", "BTC", "day", "2026-01-01")),
                new ResolvedTable.DataFile(Path.of("/lake/t/b.parquet"), Map.of("sym\"bol", "BTC", "day", "2026-01-01")))), ROOT, COLUMNS);
        assertTrue(sql.endsWith("read_parquet(['/lake/t/a.parquet', '/lake/t/b.parquet'], hive_partitioning = false, union_by_name = true))"), sql);
        assertTrue(sql.contains("\"px\" FROM"), sql);
    }

    @Test
    void filesOutsideTheRootOrWithGlobCharactersAreRefused() {
        assertThrows(QueryExecutionException.class, () -> ScanSqlBuilder.scan(table(List.of(
                new ResolvedTable.DataFile(Path.of("/lake/../etc/passwd"), Map.of("sym\"bol", "x", "day", "2026-01-01")))), ROOT, Map.of(Path.of("/lake/../etc/passwd"), Set.of())));
        assertThrows(QueryExecutionException.class, () -> ScanSqlBuilder.scan(table(List.of(
                new ResolvedTable.DataFile(Path.of("/lake/t/*.parquet"), Map.of("sym\"bol", "x", "day", "2026-01-01")))), ROOT, Map.of(Path.of("/lake/t/*.parquet"), Set.of())));
    }

    @Test
    void resolvedTablesValidateTheirParts() {
        assertThrows(IllegalArgumentException.class, () -> new ResolvedTable.Column("x", "struct<a:int>"));
        assertThrows(IllegalArgumentException.class, () -> new ResolvedTable.Column("x", "decimal(40,2)"));
        assertThrows(IllegalArgumentException.class, () -> new ResolvedTable(0, List.of(new ResolvedTable.Column("a", "long")),
                List.of("b"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new ResolvedTable(0, List.of(new ResolvedTable.Column("a", "long"),
                new ResolvedTable.Column("p", "string")), List.of("p"), List.of(ResolvedTable.DataFile.of(Path.of("/lake/f.parquet")))));
        assertThrows(IllegalArgumentException.class, () -> ResolvedTable.DataFile.of(Path.of("relative.parquet")));
    }
}

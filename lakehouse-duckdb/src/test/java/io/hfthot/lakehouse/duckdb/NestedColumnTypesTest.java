package io.hfthot.lakehouse.duckdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.NestedType;
import io.hfthot.lakehouse.duckdb.internal.DeltaTypes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Struct, array and map columns through DuckDB: the Delta type strings map to DuckDB types that DuckDB itself reports
 * back, and a table whose older file lacks the nested columns (read as typed NULLs) and whose partition column is a
 * constant still answers field, element and key lookups.
 */
class NestedColumnTypesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path root;

    @Test
    void typeStringsOfNestedFieldsMapToTheDuckDbTypesDuckDbReportsBack() throws Exception {
        Field struct = Field.nested("s", new NestedType.Struct(List.of(Field.of("a", DataType.LONG),
                Field.of("b:c", DataType.STRING))), true);
        Field list = Field.nested("l", new NestedType.Array(Field.of("element", DataType.LONG)), true);
        Field map = Field.nested("m", new NestedType.Map(Field.required("key", DataType.STRING),
                Field.of("value", DataType.DOUBLE)), true);
        Field deep = Field.nested("d", new NestedType.Array(Field.nested("element", new NestedType.Map(
                Field.required("key", DataType.INTEGER), Field.nested("value", new NestedType.Struct(List.of(
                        Field.of("`x`", DataType.TIMESTAMP))), true)), true)), true);
        assertEquals("struct<`a`:long,`b:c`:string>", DeltaTypes.typeString(struct));
        assertEquals("array<long>", DeltaTypes.typeString(list));
        assertEquals("map<string,double>", DeltaTypes.typeString(map));
        assertEquals("array<map<integer,struct<```x```:timestamp>>>", DeltaTypes.typeString(deep));
        Map<String, String> expected = Map.of(
                DeltaTypes.typeString(struct), "STRUCT(a BIGINT, \"b:c\" VARCHAR)",
                DeltaTypes.typeString(list), "BIGINT[]",
                DeltaTypes.typeString(map), "MAP(VARCHAR, DOUBLE)",
                DeltaTypes.typeString(deep), "MAP(INTEGER, STRUCT(\"`x`\" TIMESTAMP WITH TIME ZONE))[]",
                "struct<a:decimal(10, 2),b:array<date>>", "STRUCT(a DECIMAL(10,2), b DATE[])");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            for (Map.Entry<String, String> e : expected.entrySet()) {
                try (ResultSet rs = s.executeQuery("SELECT typeof(CAST(NULL AS " + DeltaTypes.toDuckDb(e.getKey()) + "))")) {
                    rs.next();
                    assertEquals(e.getValue(), rs.getString(1), e.getKey());
                }
            }
        }
    }

    @Test
    void malformedOrUnknownTypesAreRefusedNamingTheType() {
        for (String bad : List.of("struct<a:long", "array<>", "map<string>", "struct<:long>", "array<long>>", "list<long>",
                "struct<a:varchar>", "decimal(40,2)")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DeltaTypes.toDuckDb(bad), bad);
            assertTrue(e.getMessage().contains("\"" + bad + "\""), e.getMessage());
        }
    }

    @Test
    void aTableWithNestedColumnsIsQueriedThroughTheEngine() throws Exception {
        Path table = Files.createDirectories(root.resolve("lab/nested"));
        Path withNested = Files.createDirectories(table.resolve("p=new")).resolve("part-0.parquet");
        Path before = Files.createDirectories(table.resolve("p=old")).resolve("part-0.parquet");
        try (Connection writer = DriverManager.getConnection("jdbc:duckdb:"); Statement s = writer.createStatement()) {
            s.execute("COPY (SELECT i::BIGINT AS id, {'a': i * 10, 'b:c': 'v' || i} AS s, [i, i + 1] AS l,"
                    + " MAP {'x': i / 2.0} AS m FROM range(3) t(i)) TO '" + withNested + "' (FORMAT parquet)");
            s.execute("COPY (SELECT (100 + i)::BIGINT AS id FROM range(2) t(i)) TO '" + before + "' (FORMAT parquet)");
        }
        ResolvedTable resolved = new ResolvedTable(2, List.of(new ResolvedTable.Column("p", "string"),
                new ResolvedTable.Column("id", "long"), new ResolvedTable.Column("s", "struct<`a`:long,`b:c`:string>"),
                new ResolvedTable.Column("l", "array<long>"), new ResolvedTable.Column("m", "map<string,double>")),
                List.of("p"), List.of(new ResolvedTable.DataFile(before, Map.of("p", "old")),
                new ResolvedTable.DataFile(withNested, Map.of("p", "new"))));
        try (DuckDbSqlRunner engine = DuckDbSqlRunner.start(DuckDbSettings.forRoot(root), ref -> resolved)) {
            JsonNode rows = JSON.readTree(engine.query("SELECT p, id, s.a, s['b:c'], l[2], m['x'] FROM lab.nested ORDER BY id",
                    QueryOptions.defaults()).body()).get("rows");
            assertEquals(5, rows.size());
            assertEquals("[\"new\",1,10,\"v1\",2,0.5]", rows.get(1).toString());
            assertEquals("[\"old\",100,null,null,null,null]", rows.get(3).toString(), "a file without the nested columns");
        }
    }
}

package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nested column model: shapes are required exactly for struct, array and map columns, and such columns are read
 * only (reading them is checked against Delta Kernel on the golden tables in {@link GoldenTablesTest}).
 */
class NestedColumnsTest {
    @TempDir
    Path dir;

    private static final Field POINT = Field.nested("point", new NestedType.Struct(List.of(Field.of("x", DataType.DOUBLE),
            Field.of("y", DataType.DOUBLE))), true);

    @Test
    void aNestedTypeNeedsItsShapeAndAPrimitiveTypeNone() {
        assertEquals(DataType.STRUCT, POINT.type());
        assertThrows(IllegalArgumentException.class, () -> new Field("s", DataType.STRUCT, true));
        assertThrows(IllegalArgumentException.class, () -> new Field("a", DataType.ARRAY, true,
                new NestedType.Struct(List.of(Field.of("x", DataType.LONG)))));
        assertThrows(IllegalArgumentException.class, () -> new Field("l", DataType.LONG, true,
                new NestedType.Array(Field.of("element", DataType.LONG))));
        assertThrows(IllegalArgumentException.class, () -> new NestedType.Struct(List.of(Field.of("x", DataType.LONG),
                Field.of("x", DataType.DOUBLE))));
        assertThrows(UnsupportedFeatureException.class, () -> DataType.fromDeltaName("struct"),
                "nested types are parsed from their JSON shape, never from a bare name");
    }

    @Test
    void creatingATableWithANestedColumnIsRefusedByNameAndCreatesNothing() {
        Lakehouse lh = Lakehouse.open(dir);
        Schema schema = Schema.of(Field.required("id", DataType.LONG), POINT);
        UnsupportedFeatureException e = assertThrows(UnsupportedFeatureException.class, () -> lh.createTable("geo", schema, List.of()));
        assertEquals("nested column writing", e.feature());
        assertTrue(e.getMessage().contains("point"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("geo/_delta_log/00000000000000000000.json")));
    }
}

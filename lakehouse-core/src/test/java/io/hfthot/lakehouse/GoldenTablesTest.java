package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the Spark-written conformance tables from their shared location when present (they are never copied into
 * the project) and compares with Delta Kernel reading the same tables; refused tables must name the feature.
 */
class GoldenTablesTest {
    private static Path golden(String name) {
        return GoldenTables.table(name);
    }

    private static Snapshot open(Path table, Long version) {
        Lakehouse lh = Lakehouse.open(table.getParent());
        // Golden table names contain characters our name rules accept ('-' and letters), so open by name.
        String name = table.getFileName().toString();
        return version == null ? lh.read(name) : lh.readVersion(name, version);
    }

    @Test
    void checkpointPlusCommitsMatchesKernelAtEveryVersion() throws Exception {
        Path t = golden("basic-with-inserts-deletes-checkpoint");
        Snapshot latest = open(t, null);
        assertEquals(13, latest.version());
        for (long v : new long[] {0, 5, 9, 10, 11, 13}) {
            assertEquals(KernelOracle.rows(t, v), TestTables.values(open(t, v).read()), "version " + v);
        }
    }

    @Test
    void corruptLastCheckpointFallsBackToListing() throws Exception {
        Path t = golden("corrupted-last-checkpoint-kernel");
        Snapshot s = open(t, null);
        assertEquals(KernelOracle.rows(t, null), TestTables.values(s.read()));
    }

    @Test
    void multiPartCheckpointIsRead() throws Exception {
        Path t = golden("multi-part-checkpoint");
        Snapshot s = open(t, null);
        assertEquals(1, s.version());
        assertEquals(KernelOracle.rows(t, null), TestTables.values(s.read()));
    }

    @Test
    void timeTravelTableReadsEveryVersion() throws Exception {
        Path t = golden("time-travel-start-start20-start40");
        for (long v = 0; v <= 2; v++) {
            assertEquals(KernelOracle.rows(t, v), TestTables.values(open(t, v).read()), "version " + v);
        }
        List<VersionInfo> h = Lakehouse.open(t.getParent()).listVersions(t.getFileName().toString());
        assertEquals(3, h.size());
        assertTrue(h.get(0).timestamp().isBefore(h.get(2).timestamp()));
    }

    @Test
    void int96TimestampsAndTimestampPartitionsAreRead() throws Exception {
        Path t = golden("kernel-timestamp-INT96");
        Snapshot s = open(t, null);
        assertEquals(KernelOracle.rows(t, null), TestTables.values(s.read()));
        assertTrue(s.read().rows().stream().anyMatch(r -> Instant.parse("2020-02-01T08:09:10Z").equals(r.get("time"))));
    }

    @Test
    void deletionVectorsInACheckpointAndInCommitsMatchKernelAtEveryVersion() throws Exception {
        Path t = golden("dv-partitioned-with-checkpoint");
        Snapshot latest = open(t, null);
        assertEquals(15, latest.version());
        assertEquals(15, latest.dataFiles().size());
        assertEquals(35, latest.read().rowCount(), "EXPECTED.md: 37 physical rows, 2 deleted by vectors");
        assertEquals(35, latest.rowCount());
        assertEquals(1015, latest.read().rows().stream().mapToLong(r -> ((Number) r.get("col1")).longValue()).sum());
        for (long v = 0; v <= 15; v++) {
            assertEquals(KernelOracle.rows(t, v), TestTables.values(open(t, v).read()), "version " + v);
        }
    }

    @Test
    void successiveDeletionVectorsOnOneFileReplayByPathAndVectorId() throws Exception {
        Path t = golden("log-replay-dv-key-cases");
        Snapshot latest = open(t, null);
        assertEquals(1, latest.dataFiles().size());
        assertEquals(3, latest.dataFiles().get(0).deletionVector().cardinality());
        List<Row> rows = latest.read().rows();
        assertEquals(47, rows.size());
        assertEquals(1204, rows.stream().mapToLong(r -> r.getLong("id")).sum());
        for (long v = 0; v <= 3; v++) {
            assertEquals(KernelOracle.rows(t, v), TestTables.values(open(t, v).read()), "version " + v);
        }
    }

    @Test
    void v2CheckpointsWithJsonAndParquetTopLevelFilesAndSidecarsMatchKernel() throws Exception {
        for (String name : List.of("v2-checkpoint-json", "v2-checkpoint-parquet")) {
            Path t = golden(name);
            Snapshot latest = open(t, null);
            assertEquals(2, latest.version(), name);
            assertEquals(4, latest.dataFiles().size(), name);
            List<Row> rows = latest.read().rows();
            assertEquals(10, rows.size(), name);
            assertEquals(45, rows.stream().mapToLong(r -> r.getLong("id")).sum(), name);
            for (long v = 0; v <= 2; v++) {
                assertEquals(KernelOracle.rows(t, v), TestTables.values(open(t, v).read()), name + " version " + v);
            }
        }
    }

    @Test
    void columnMappingByNameWithDeletionVectorsMatchesKernelAtEveryVersion() throws Exception {
        Path t = golden("dv-with-columnmapping");
        Snapshot latest = open(t, null);
        assertEquals(List.of("part", "col1", "col2"), latest.schema().names(), "logical names, not physical ones");
        assertEquals(35, latest.read().rowCount());
        assertEquals(1015, latest.read().rows().stream().mapToLong(r -> ((Number) r.get("col1")).longValue()).sum());
        long notPart0 = latest.read().rows().stream().filter(r -> ((Number) r.get("part")).intValue() != 0).count();
        assertEquals(notPart0, latest.read(List.of("col1"), Predicate.ne("part", 0)).rowCount(),
                "partition values keyed by physical name are read under the logical name");
        assertTrue(latest.dataFiles(Predicate.eq("part", 0)).size() < latest.dataFiles().size(), "and prune files");
        for (long v = 0; v <= 15; v++) {
            assertEquals(KernelOracle.rows(t, v), TestTables.values(open(t, v).read()), "version " + v);
        }
    }

    @Test
    void columnMappingByIdWithTimestampNtzColumnsAndPartitionsMatchesKernel() throws Exception {
        Path t = golden("data-reader-timestamp_ntz-id-mode");
        Snapshot latest = open(t, null);
        assertEquals(9, latest.read().rowCount());
        assertEquals(36, latest.read().rows().stream().mapToLong(r -> ((Number) r.get("id")).longValue()).sum());
        for (long v = 0; v <= 1; v++) {
            assertEquals(KernelOracle.rows(t, v), TestTables.values(open(t, v).read()), "version " + v);
        }
    }

    @Test
    void decimalsOfEveryPhysicalLayoutMatchKernelAndAreReadOnly(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path t = golden("decimal-various-scale-precision");
        Snapshot s = open(t, null);
        assertEquals(29, s.schema().size());
        assertEquals(KernelOracle.rows(t, null), TestTables.values(s.read()));
        List<java.math.BigDecimal> d40 = s.read().rows().stream().map(r -> (java.math.BigDecimal) r.get("decimal_4_0"))
                .filter(java.util.Objects::nonNull).toList();
        assertEquals(new java.math.BigDecimal(-9), d40.stream().reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add),
                "EXPECTED.md: decimal_4_0 sum=-9");
        IllegalArgumentException filter = assertThrows(IllegalArgumentException.class,
                () -> s.read(List.of("decimal_4_0"), Predicate.gt("decimal_4_0", 0L)));
        assertTrue(filter.getMessage().contains("decimal_4_0"), filter.getMessage());

        assertOptimizeRefused(t, tmp, "decimal writing");
    }

    /** Compacting a copy of a golden table is refused with the named feature and commits nothing. */
    private static void assertOptimizeRefused(Path golden, Path tmp, String feature) throws Exception {
        Path copy = tmp.resolve("copy");
        try (java.util.stream.Stream<Path> files = Files.walk(golden)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(golden.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        DeltaTable table = Lakehouse.open(tmp).table("copy");
        long version = table.snapshot().version();
        UnsupportedFeatureException write = assertThrows(UnsupportedFeatureException.class,
                () -> table.optimize(1L << 30, null));
        assertEquals(feature, write.feature());
        assertEquals(version, table.snapshot().version(), "nothing was written");
    }

    /** Every number inside a value (list elements, struct fields and map values, at any depth), in order. */
    private static List<Long> leaves(Object v) {
        List<Long> out = new java.util.ArrayList<>();
        if (v instanceof Number n) {
            out.add(n.longValue());
        } else if (v instanceof List<?> l) {
            l.forEach(x -> out.addAll(leaves(x)));
        } else if (v instanceof java.util.Map<?, ?> m) {
            m.values().forEach(x -> out.addAll(leaves(x)));
        }
        return out;
    }

    private static List<Long> leaves(Snapshot s, String column) {
        List<Long> out = new java.util.ArrayList<>();
        s.read().rows().forEach(r -> out.addAll(leaves(r.get(column))));
        return out;
    }

    @Test
    void arraysNestedFourDeepListsOfMapsAndOfStructsMatchKernel(@org.junit.jupiter.api.io.TempDir Path tmp) throws Exception {
        Path t = golden("data-reader-array-complex-objects");
        Snapshot s = open(t, null);
        assertEquals(KernelOracle.rows(t, null), TestTables.values(s.read()));
        assertEquals(10, s.read().rowCount());
        // EXPECTED.md: 3d_int_list[][][] nn=120 sum=540, 4d_int_list[][][][] nn=240 sum=1080,
        // list_of_maps[]{v} nn=20 sum=90, list_of_records[].val nn=30 sum=135.
        assertEquals(List.of(120, 540L), List.of(leaves(s, "3d_int_list").size(), leaves(s, "3d_int_list").stream().mapToLong(x -> x).sum()));
        assertEquals(List.of(240, 1080L), List.of(leaves(s, "4d_int_list").size(), leaves(s, "4d_int_list").stream().mapToLong(x -> x).sum()));
        assertEquals(List.of(20, 90L), List.of(leaves(s, "list_of_maps").size(), leaves(s, "list_of_maps").stream().mapToLong(x -> x).sum()));
        assertEquals(List.of(30, 135L), List.of(leaves(s, "list_of_records").size(),
                leaves(s, "list_of_records").stream().mapToLong(x -> x).sum()));
        Row first = s.read(List.of("i", "list_of_records"), Predicate.eq("i", 0L)).rows().get(0);
        assertTrue(first.get("list_of_records") instanceof List<?> l && l.get(0) instanceof java.util.Map<?, ?> m
                && m.containsKey("val"), "structs read as name-to-value maps: " + first.get("list_of_records"));
        IllegalArgumentException filter = assertThrows(IllegalArgumentException.class,
                () -> s.read(List.of("i"), Predicate.eq("list_of_records", 1L)));
        assertTrue(filter.getMessage().contains("list_of_records"), filter.getMessage());
        assertOptimizeRefused(t, tmp, "nested column writing");
    }

    @Test
    void everyPrimitiveTypeStructsAndNullArraysAndMapsMatchKernel() throws Exception {
        Path t = golden("parquet-all-types");
        Snapshot s = open(t, null);
        assertEquals(20, s.schema().size());
        assertEquals(KernelOracle.rows(t, null), TestTables.values(s.read()));
        List<Row> rows = s.read().rows();
        assertEquals(200, rows.size());
        // EXPECTED.md: nested_struct nn=196/200, nested_struct.ac nn=178/196, nested_struct.ac.aca sum=17649.
        assertEquals(196, rows.stream().filter(r -> r.get("nested_struct") != null).count());
        List<java.util.Map<?, ?>> ac = new java.util.ArrayList<>();
        for (Row r : rows) {
            if (r.get("nested_struct") instanceof java.util.Map<?, ?> outer && outer.get("ac") instanceof java.util.Map<?, ?> inner) {
                ac.add(inner);
            }
        }
        assertEquals(178, ac.size());
        assertEquals(17649L, ac.stream().mapToLong(m -> ((Number) m.get("aca")).longValue()).sum());
        assertTrue(rows.stream().allMatch(r -> r.get("array_of_prims") == null && r.get("map_of_arrays") == null),
                "EXPECTED.md: every array and map column is null in every row");
    }

    @Test
    void nestedColumnsUnderColumnMappingReadByTheirNestedPhysicalNames() throws Exception {
        for (String name : List.of("table-with-columnmapping-mode-name", "table-with-columnmapping-mode-id")) {
            Path t = golden(name);
            Snapshot s = open(t, null);
            assertEquals(22, s.schema().size(), name);
            assertEquals(KernelOracle.rows(t, null), TestTables.values(s.read()), name);
            // EXPECTED.md: nested_struct.ac.aca nn=5 sum=10; array_of_structs[].ab nn=10 sum=20; map_of_rows{v}.ab
            // nn=5 sum=200; struct_of_arrays_maps_of_structs.aa[] nn=10 sum=25 and .ab{v}.aca nn=5 sum=20. A struct
            // field matched by its logical name would read as null and drop out of these sums.
            assertEquals(List.of(5, 10L), countAndSum(leaves(s, "nested_struct")), name);
            assertEquals(List.of(10, 20L), countAndSum(leaves(s, "array_of_structs")), name);
            assertEquals(List.of(5, 200L), countAndSum(leaves(s, "map_of_rows")), name);
            assertEquals(List.of(15, 45L), countAndSum(leaves(s, "struct_of_arrays_maps_of_structs")), name);
            for (Row r : s.read().rows()) {
                if (r.get("nested_struct") instanceof java.util.Map<?, ?> m) {
                    assertEquals(List.of("aa", "ac"), List.copyOf(m.keySet()), name + ": logical names, in schema order");
                }
            }
        }
    }

    private static List<Object> countAndSum(List<Long> values) {
        return List.of(values.size(), values.stream().mapToLong(x -> x).sum());
    }

    @Test
    void unsupportedFeaturesAreRefusedByName() {
        // Widening integers to double or decimal, and date to timestamp_ntz, needs conversions this module does not make.
        UnsupportedFeatureException widened = assertThrows(UnsupportedFeatureException.class,
                () -> open(golden("type-widening"), null));
        assertEquals("typeWidening-preview", widened.feature());
        assertTrue(widened.getMessage().contains("widened a column from byte to double"), widened.getMessage());
    }

    @Test
    void integerWideningInsideStructsMapsAndArraysMatchesKernelAtEveryVersion() throws Exception {
        Path t = golden("type-widening-nested");
        for (long v = 0; v <= 2; v++) {
            assertEquals(KernelOracle.rows(t, v), TestTables.values(open(t, v).read()), "version " + v);
        }
        Snapshot s = open(t, null);
        // EXPECTED.md: struct.a sum=9223372036854775808 (an int 1 from before the widening plus Long.MAX_VALUE),
        // map{v} sum=9223372036854775810, array[] nn=4 sum=8.
        java.math.BigInteger structA = java.math.BigInteger.ZERO;
        java.math.BigInteger mapValues = java.math.BigInteger.ZERO;
        for (Row r : s.read().rows()) {
            structA = structA.add(java.math.BigInteger.valueOf((Long) ((java.util.Map<?, ?>) r.get("struct")).get("a")));
            for (Object x : ((java.util.Map<?, ?>) r.get("map")).values()) {
                mapValues = mapValues.add(java.math.BigInteger.valueOf((Long) x));
            }
        }
        assertEquals(new java.math.BigInteger("9223372036854775808"), structA);
        assertEquals(new java.math.BigInteger("9223372036854775810"), mapValues);
        assertEquals(List.of(4, 8L), List.of(leaves(s, "array").size(), leaves(s, "array").stream().mapToLong(x -> x).sum()));
    }
}

package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reads the Spark-written conformance tables from their shared location when present (they are never copied into
 * the project) and compares with Delta Kernel reading the same tables; refused tables must name the feature.
 */
class GoldenTablesTest {
    private static final Path GOLDEN = Paths.get("/work/shared/conformance/delta-golden");

    private static Path golden(String name) {
        Path p = GOLDEN.resolve(name);
        assumeTrue(Files.isDirectory(p), "golden table " + p + " not present on this machine");
        return p;
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

        Path copy = tmp.resolve("dec");
        try (java.util.stream.Stream<Path> files = Files.walk(t)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = copy.resolve(t.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
        DeltaTable table = Lakehouse.open(tmp).table("dec");
        long version = table.snapshot().version();
        UnsupportedFeatureException write = assertThrows(UnsupportedFeatureException.class,
                () -> table.optimize(1L << 20, null));
        assertEquals("decimal writing", write.feature());
        assertEquals(version, table.snapshot().version(), "nothing was written");
    }

    @Test
    void unsupportedFeaturesAreRefusedByName() {
        UnsupportedFeatureException nested = assertThrows(UnsupportedFeatureException.class,
                () -> open(golden("table-with-columnmapping-mode-name"), null));
        assertTrue(nested.feature().startsWith("nested column type") || nested.feature().startsWith("column type decimal"),
                nested.getMessage());
    }
}

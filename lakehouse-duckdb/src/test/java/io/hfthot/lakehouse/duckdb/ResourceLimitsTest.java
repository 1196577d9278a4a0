package io.hfthot.lakehouse.duckdb;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** DuckDB's memory, thread and spill limits: defaults the process can afford, spilling, and clear refusals. */
class ResourceLimitsTest {

    private static final long MIB = 1L << 20;

    private Path dir;
    private TestLakehouse lakehouse;

    @BeforeEach
    void create() throws Exception {
        dir = Files.createTempDirectory("sql-limits");
        lakehouse = TestLakehouse.create(Files.createDirectories(dir.resolve("lakehouse")));
    }

    @AfterEach
    void delete() throws Exception {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void theDefaultMemoryLimitIsWhatIsLeftAfterTheHeapHalvedAndCapped() {
        long gib = 1024 * MIB;
        assertEquals(MemoryBudget.CAP_BYTES, MemoryBudget.defaultLimitBytes(24 * gib, 4 * gib));
        assertEquals((4 * gib - 2 * gib - 512 * MIB) / 2, MemoryBudget.defaultLimitBytes(4 * gib, 2 * gib)); // 768 MiB
        assertEquals(MemoryBudget.FLOOR_BYTES, MemoryBudget.defaultLimitBytes(gib, gib));
        assertEquals(MemoryBudget.FLOOR_BYTES, MemoryBudget.defaultLimitBytes(0, gib));
        for (long physical = gib; physical <= 64 * gib; physical += gib) {
            long limit = MemoryBudget.defaultLimitBytes(physical, gib);
            assertTrue(limit <= MemoryBudget.CAP_BYTES && limit >= MemoryBudget.FLOOR_BYTES);
            assertTrue(limit == MemoryBudget.FLOOR_BYTES || limit + gib + MemoryBudget.MARGIN_BYTES <= physical,
                    "the heap, the margin and DuckDB's share fit in " + physical);
        }
    }

    @Test
    void theEngineNeverRunsWithDuckDbsDefaultOfMostOfTheMachine() {
        try (DuckDbSqlRunner engine = DuckDbSqlRunner.start(DuckDbSettings.forRoot(lakehouse.root()), lakehouse)) {
            String limit = engine.duckDbSetting("memory_limit");
            assertTrue(bytes(limit) <= MemoryBudget.CAP_BYTES, "memory_limit " + limit);
            int threads = Integer.parseInt(engine.duckDbSetting("threads"));
            assertTrue(threads >= 1 && threads <= 4, "threads " + threads);
        }
    }

    @Test
    void aQueryOverTheMemoryLimitSpillsInsideTheGivenDirectory() {
        Path spill = dir.resolve("sql-spill");
        DuckDbSettings settings = DuckDbSettings.forRoot(lakehouse.root()).withPoolSize(1).withThreads(1).withMemoryLimit("64MB");
        String distinct = "SELECT count(*) FROM (SELECT DISTINCT range % 12000000 AS v FROM range(12000000))";
        try (DuckDbSqlRunner engine = DuckDbSqlRunner.start(settings.withSpill(spill, "2GB"), lakehouse)) {
            assertEquals(spill.toString(), engine.duckDbSetting("temp_directory"));
            QueryResult r = engine.query(distinct, QueryOptions.defaults().withTimeout(Duration.ofSeconds(120)));
            assertTrue(new String(r.body(), StandardCharsets.UTF_8).contains("[[12000000]]"));
        }
        try (DuckDbSqlRunner engine = DuckDbSqlRunner.start(settings, lakehouse)) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class,
                    () -> engine.query(distinct, QueryOptions.defaults().withTimeout(Duration.ofSeconds(120))));
            assertTrue(e.getMessage().contains("memory_limit 64MB, no spilling"), e.getMessage());
            assertTrue(new String(engine.query("SELECT 1", QueryOptions.defaults()).body(), StandardCharsets.UTF_8).contains("[[1]]"));
        }
    }

    @Test
    void aQueryOverMemoryAndSpillFailsWithAUserErrorNamingTheLimitsAndTheEngineKeepsServing() {
        DuckDbSettings settings = DuckDbSettings.forRoot(lakehouse.root()).withPoolSize(1).withThreads(1).withMemoryLimit("64MB")
                .withSpill(dir.resolve("sql-spill"), "64MB");
        try (DuckDbSqlRunner engine = DuckDbSqlRunner.start(settings, lakehouse)) {
            InvalidQueryException e = assertThrows(InvalidQueryException.class, () -> engine.query(
                    "SELECT count(*) FROM (SELECT DISTINCT range FROM range(300000000))",
                    QueryOptions.defaults().withTimeout(Duration.ofSeconds(120))));
            assertTrue(e.getMessage().contains("memory_limit 64MB, spilling up to 64MB"), e.getMessage());
            assertTrue(new String(engine.query("SELECT 1", QueryOptions.defaults()).body(), StandardCharsets.UTF_8).contains("[[1]]"));
        }
    }

    @Test
    void aResultLargerThanItsCapIsRefusedInBothFormatsAndTheEngineKeepsServing() {
        // 10,000 rows of a 10 kB value: 100 MB of body, built in the heap before the cap existed (with 1 MB values, 10 GB)
        String wide = "SELECT (SELECT string_agg('x', '') FROM range(10000)) AS big FROM range(10000)";
        try (DuckDbSqlRunner engine = DuckDbSqlRunner.start(DuckDbSettings.forRoot(lakehouse.root()).withPoolSize(1), lakehouse)) {
            for (ResultFormat format : ResultFormat.values()) {
                QueryRejectedException e = assertThrows(QueryRejectedException.class, () -> engine.query(wide,
                        QueryOptions.defaults().withFormat(format).withMaxResultBytes(8L << 20)), format.name());
                assertTrue(e.getMessage().startsWith("the result is larger than 8 MiB"), e.getMessage());
            }
            QueryResult small = engine.query("SELECT 1 AS one", QueryOptions.defaults());
            assertTrue(new String(small.body(), StandardCharsets.UTF_8).contains("[[1]]"));
        }
    }

    @Test
    void spillFilesOfDeadProcessesAreDeletedAtStartAndLiveOnesKept() throws Exception {
        Path spill = Files.createDirectories(dir.resolve("sql-spill"));
        long dead = deadPid();
        Path stale = Files.writeString(spill.resolve("duckdb_temp_" + dead + "_0_storage_DEFAULT-0.tmp"), "stale");
        Path staleOwner = Files.writeString(spill.resolve("duckdb_temp_" + dead + "_0_owner"), "");
        Path live = Files.writeString(spill.resolve("duckdb_temp_" + ProcessHandle.current().pid() + "_9_owner"), "");
        Path other = Files.writeString(spill.resolve("notes.txt"), "kept");
        try (DuckDbSqlRunner engine = DuckDbSqlRunner.start(DuckDbSettings.forRoot(lakehouse.root()).withPoolSize(1)
                .withSpill(spill, "64MB"), lakehouse)) {
            assertTrue(!Files.exists(stale) && !Files.exists(staleOwner), "a dead process's spill files were removed");
            assertTrue(Files.exists(live) && Files.exists(other), "a live process's files and other files stay");
        }
    }

    /** A pid that no process has: past the largest live pid. */
    private static long deadPid() {
        long max = ProcessHandle.allProcesses().mapToLong(ProcessHandle::pid).max().orElse(1);
        long pid = max + 1000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    private static long bytes(String duckDbSize) {
        String[] parts = duckDbSize.trim().split(" ");
        double value = Double.parseDouble(parts[0]);
        long unit = switch (parts[1]) {
            case "KiB" -> 1L << 10;
            case "MiB" -> MIB;
            case "GiB" -> 1L << 30;
            case "TiB" -> 1L << 40;
            default -> 1;
        };
        return (long) (value * unit);
    }
}

package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a real writer process (SIGKILL) at random points during commits and checks that readers never fail and
 * never see a partial commit, that the table stays writable, and that Delta Kernel agrees.
 */
class CrashSafetyTest {
    @TempDir
    Path dir;

    @Test
    void aKilledWriterNeverLeavesAPartialOrUnreadableTable() throws Exception {
        Lakehouse lh = Lakehouse.open(dir);
        lh.createTable("crash", CrashingWriterMain.SCHEMA, CrashingWriterMain.partitions());
        Random random = new Random(20261121L);
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        long lastVersion = 0;
        for (int round = 0; round < 3; round++) {
            Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), CrashingWriterMain.class.getName(),
                    dir.toString(), "crash", String.valueOf(1_000_000L * (round + 1)))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            try {
                // Let the child start and commit for a while, then kill it without warning at a random moment.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (lh.table("crash").snapshot().version() < lastVersion + 2 && System.nanoTime() < deadline && p.isAlive()) {
                    Thread.sleep(100);
                }
                Thread.sleep(random.nextInt(300));
            } finally {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
            Snapshot s = lh.table("crash").snapshot();
            assertTrue(s.version() > lastVersion, "the child committed during round " + round);
            lastVersion = s.version();
            assertBatchesComplete(s.read());
            for (long v = Math.max(0, lastVersion - 4); v <= lastVersion; v++) {
                assertBatchesComplete(lh.readVersion("crash", v).read());
            }
        }
        // Still writable after the crashes, and Kernel reads the same rows.
        DeltaTable t = lh.table("crash");
        ColumnBatch.Builder b = ColumnBatch.builder(CrashingWriterMain.SCHEMA);
        for (int i = 0; i < CrashingWriterMain.ROWS_PER_BATCH; i++) {
            b.addRow(i % 2 == 0 ? "even" : "odd", 42L, i);
        }
        t.append(b.build());
        assertBatchesComplete(t.snapshot().read());
        assertEquals(TestTables.values(t.snapshot().read()), KernelOracle.rows(t.path(), null));
    }

    private static void assertBatchesComplete(ColumnBatch rows) {
        Map<Long, Integer> counts = new HashMap<>();
        for (Row r : rows.rows()) {
            counts.merge(r.getLong("batch"), 1, Integer::sum);
        }
        for (Map.Entry<Long, Integer> e : counts.entrySet()) {
            assertEquals(CrashingWriterMain.ROWS_PER_BATCH, e.getValue(), "batch " + e.getKey() + " is partial");
        }
    }
}

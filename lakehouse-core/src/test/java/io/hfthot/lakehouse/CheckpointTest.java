package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path dir;

    private DeltaTable tableWithCommits(int appends) {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults());
        DeltaTable t = lh.createTable("cp", TestTables.OHLCV, List.of("symbol"));
        for (int i = 0; i < appends; i++) {
            t.append(TestTables.bars(i % 2 == 0 ? "A" : "B", i * 10, 10));
        }
        t.delete(Predicate.eq("volume", 1000L));
        return t;
    }

    @Test
    void checkpointEveryTenCommitsWithLastCheckpointHint() throws Exception {
        DeltaTable t = tableWithCommits(10);
        Path log = t.path().resolve("_delta_log");
        assertTrue(Files.exists(log.resolve("00000000000000000010.checkpoint.parquet")));
        String hint = Files.readString(log.resolve("_last_checkpoint"));
        assertTrue(hint.contains("\"version\":10"), hint);
        assertEquals(99, t.snapshot().read().rowCount());
        assertEquals(11, t.snapshot().version());
    }

    @Test
    void missingOrCorruptCheckpointsFallBackWithoutChangingRows() throws Exception {
        DeltaTable t = tableWithCommits(10);
        List<List<Object>> expected = TestTables.values(t.snapshot().read());
        Path log = t.path().resolve("_delta_log");
        Files.writeString(log.resolve("_last_checkpoint"), "{not json", StandardCharsets.UTF_8);
        assertEquals(expected, TestTables.values(t.snapshot().read()));
        Files.delete(log.resolve("_last_checkpoint"));
        assertEquals(expected, TestTables.values(t.snapshot().read()));
        Files.write(log.resolve("00000000000000000010.checkpoint.parquet"), new byte[] {'P', 'A', 'R', '1', 0, 0});
        assertEquals(expected, TestTables.values(t.snapshot().read()), "a corrupt checkpoint falls back to replaying JSON commits");
    }

    @Test
    void aCheckpointAloneReconstructsTheTable() throws Exception {
        DeltaTable t = tableWithCommits(10);
        List<List<Object>> expected = TestTables.values(t.snapshotAt(10).read());
        Path log = t.path().resolve("_delta_log");
        for (int v = 0; v <= 9; v++) {
            Files.delete(log.resolve(String.format("%020d.json", v)));
        }
        assertEquals(expected, TestTables.values(t.snapshotAt(10).read()));
        assertEquals(expected, KernelOracle.rows(t.path(), 10L));
    }
}

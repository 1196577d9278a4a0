package io.hfthot.lakehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.delta.kernel.expressions.Literal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Delta Kernel reads every kind of table this module writes, and this module reads what Kernel writes. */
class KernelInteropTest {
    @TempDir
    Path dir;

    private final TestTables.ManualClock clock = new TestTables.ManualClock(Instant.parse("2026-03-01T12:00:00Z"));

    @Test
    void kernelReadsEveryVersionWeWriteIncludingAfterCheckpoints() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock).withCheckpointInterval(3));
        DeltaTable t = lh.createTable("market.ohlcv", TestTables.OHLCV, List.of("symbol"));
        clock.advance(Duration.ofMinutes(1));
        t.append(TestTables.bars("BTC-USDT", 0, 200));
        clock.advance(Duration.ofMinutes(1));
        t.append(TestTables.bars("ETH-USDT", 0, 150));
        clock.advance(Duration.ofMinutes(1));
        t.delete(Predicate.eq("symbol", "BTC-USDT").and(Predicate.ge("volume", 1100L)));
        clock.advance(Duration.ofMinutes(1));
        t.append(TestTables.bars("SOL-USDT", 0, 40));
        clock.advance(Duration.ofMinutes(1));
        t.overwrite(TestTables.bars("BTC-USDT", 500, 30));
        clock.advance(Duration.ofMinutes(1));
        t.append(TestTables.bars("ETH-USDT", 500, 30));
        assertTrue(Files.exists(t.path().resolve("_delta_log/00000000000000000003.checkpoint.parquet")));
        assertTrue(Files.exists(t.path().resolve("_delta_log/00000000000000000006.checkpoint.parquet")));
        long latest = t.snapshot().version();
        assertEquals(6, latest);
        for (long v = 0; v <= latest; v++) {
            assertEquals(TestTables.values(t.snapshotAt(v).read()), KernelOracle.rows(t.path(), v), "version " + v);
        }
        assertEquals(latest, KernelOracle.snapshot(t.path(), null).getVersion());
        assertEquals(List.of("symbol"), KernelOracle.snapshot(t.path(), null).getPartitionColumnNames());
        for (VersionInfo info : t.history()) {
            assertEquals(info.version(), KernelOracle.versionAtTimestamp(t.path(), info.timestamp().toEpochMilli()),
                    "Kernel resolves the commit timestamp of version " + info.version() + " to that version");
        }
    }

    @Test
    void kernelReadsAfterSchemaEvolutionAndErasure() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock));
        Schema users = Schema.of(Field.required("user_id", DataType.STRING), Field.of("email", DataType.STRING), Field.of("age", DataType.INTEGER));
        DeltaTable t = lh.createTable("users", users, List.of());
        t.append(ColumnBatch.builder(users).addRow("u1", "a@x", 30).addRow("u2", "b@x", null).addRow("u3", "c@x", 41).build());
        t.addColumns(Field.of("tier", DataType.STRING));
        t.append(ColumnBatch.builder(t.snapshot().schema()).addRow("u2", "b2@x", 25, "pro").build());
        ErasureResult r = t.erase("user_id", "u2");
        assertEquals(2, r.rowsRemoved());
        assertEquals(TestTables.values(t.snapshot().read()), KernelOracle.rows(t.path(), null));
        assertEquals(2, KernelOracle.rows(t.path(), null).size());
    }

    @Test
    void manyPagesAndRowGroupsRoundTripThroughKernel() throws Exception {
        Lakehouse lh = Lakehouse.open(dir, LakehouseOptions.defaults().withClock(clock).withRowGroupRows(70_000));
        DeltaTable t = lh.createTable("big", TestTables.OHLCV, List.of());
        ColumnBatch rows = TestTables.bars("BTC-USDT", 0, 200_000);
        t.append(rows);
        List<List<Object>> expected = TestTables.values(rows);
        assertEquals(expected, TestTables.values(t.snapshot().read()));
        assertEquals(expected, KernelOracle.rows(t.path(), null));
    }

    @Test
    void weReadWhatKernelWrites() throws Exception {
        Path table = dir.resolve("kernel_table");
        Schema schema = Schema.of(Field.of("id", DataType.LONG), Field.of("name", DataType.STRING), Field.of("px", DataType.DOUBLE),
                Field.of("ts", DataType.TIMESTAMP), Field.of("d", DataType.DATE), Field.of("flag", DataType.BOOLEAN));
        KernelOracle.create(table, schema, List.of());
        ColumnBatch a = ColumnBatch.builder(schema)
                .addRow(1L, "one", 1.5, Instant.parse("2026-01-01T00:00:00.123456Z"), java.time.LocalDate.of(2026, 1, 1), true)
                .addRow(2L, null, null, null, null, null)
                .build();
        ColumnBatch b = ColumnBatch.builder(schema)
                .addRow(3L, "three", -2.25, Instant.parse("1969-12-31T23:59:59Z"), java.time.LocalDate.of(1969, 7, 20), false)
                .build();
        assertEquals(1, KernelOracle.append(table, a, Map.of()));
        assertEquals(2, KernelOracle.append(table, b, Map.of()));
        KernelOracle.checkpoint(table);
        Lakehouse lh = Lakehouse.open(dir);
        Snapshot s = lh.read("kernel_table");
        assertEquals(2, s.version());
        assertEquals(KernelOracle.rows(table, null), TestTables.values(s.read()));
        assertEquals(TestTables.values(a), TestTables.values(lh.readVersion("kernel_table", 1).read()));
        assertEquals(1, s.read(List.of("id"), Predicate.gt("px", 0.0)).rowCount());
        // and we can keep writing to it
        lh.table("kernel_table").append(ColumnBatch.builder(schema).addRow(4L, "four", 0.0, null, null, true).build());
        assertEquals(4, KernelOracle.rows(table, null).size());
    }

    @Test
    void weReadKernelPartitionedTables() throws Exception {
        Path table = dir.resolve("kp");
        KernelOracle.create(table, TestTables.OHLCV, List.of("symbol"));
        ColumnBatch btc = TestTables.bars("BTC-USDT", 0, 50);
        KernelOracle.append(table, btc, Map.of("symbol", Literal.ofString("BTC-USDT")));
        Snapshot s = Lakehouse.open(dir).read("kp");
        assertEquals(TestTables.values(btc), TestTables.values(s.read()));
        assertEquals(Map.of("symbol", "BTC-USDT"), s.dataFiles().get(0).partitionValues());
        assertFalse(s.dataFiles(Predicate.eq("symbol", "ETH-USDT")).iterator().hasNext());
    }
}

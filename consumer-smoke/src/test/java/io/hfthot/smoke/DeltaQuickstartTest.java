package io.hfthot.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.DeltaTable;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Predicate;
import io.hfthot.lakehouse.Row;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.Snapshot;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quick start of docs/lakehouse.md, copied verbatim between the markers, from the installed lakehouse-core
 * (on a class path without Hadoop); the one line that differs opens a temporary directory instead of
 * {@code /app/data/lakehouse} ({@link DocsCopyTest} allows exactly that difference).
 */
class DeltaQuickstartTest {

    @Test
    void deltaTableWrittenAndReadAtVersionZero(@TempDir Path data) {
        // docs/lakehouse.md:start
        Lakehouse lh = Lakehouse.open(data.resolve("lakehouse"));

        Schema ohlcv = Schema.of(
                Field.required("symbol", DataType.STRING),
                Field.required("ts", DataType.TIMESTAMP),
                Field.of("open", DataType.DOUBLE), Field.of("high", DataType.DOUBLE),
                Field.of("low", DataType.DOUBLE), Field.of("close", DataType.DOUBLE),
                Field.of("volume", DataType.LONG));
        DeltaTable bars = lh.createTable("market.ohlcv", ohlcv, List.of("symbol"));   // version 0

        bars.append(ColumnBatch.builder(ohlcv)
                .addRow("BTC-USDT", Instant.parse("2026-01-15T14:00:00Z"), 42000.0, 42100.0, 41950.0, 42050.0, 1200L)
                .build());                                                              // version 1

        Snapshot latest = lh.read("market.ohlcv");
        ColumnBatch recent = latest.read(List.of("ts", "close"),
                Predicate.eq("symbol", "BTC-USDT").and(Predicate.ge("ts", Instant.parse("2026-01-15T00:00:00Z"))));
        for (Row r : recent.rows()) { System.out.println(r.get("ts") + " " + r.getDouble("close")); }
        // docs/lakehouse.md:end

        assertEquals(1, latest.version());
        assertEquals(1, recent.rowCount());
        assertEquals(42050.0, recent.rows().get(0).getDouble("close"));
        Snapshot first = lh.readVersion("market.ohlcv", 0);
        assertEquals(0, first.version());
        assertEquals(0, first.read().rowCount(), "version 0 is the empty table createTable committed");
        assertEquals(ohlcv.names(), first.schema().names());
    }
}

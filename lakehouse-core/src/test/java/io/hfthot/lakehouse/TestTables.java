package io.hfthot.lakehouse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** Shared fixtures: an OHLCV schema, deterministic batches and a manually advanced clock. */
final class TestTables {
    static final Schema OHLCV = Schema.of(
            Field.required("symbol", DataType.STRING),
            Field.required("ts", DataType.TIMESTAMP),
            Field.of("open", DataType.DOUBLE),
            Field.of("high", DataType.DOUBLE),
            Field.of("low", DataType.DOUBLE),
            Field.of("close", DataType.DOUBLE),
            Field.of("volume", DataType.LONG));

    private TestTables() {
    }

    /** {@code n} one-minute bars of a symbol starting at {@code startMinute} minutes after 2026-01-01. */
    static ColumnBatch bars(String symbol, int startMinute, int n) {
        ColumnBatch.Builder b = ColumnBatch.builder(OHLCV);
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 0; i < n; i++) {
            int m = startMinute + i;
            double px = 100 + (m % 97) * 0.5;
            b.addRow(symbol, t0.plusSeconds(60L * m), px, px + 1, px - 1, px + 0.25, (long) (1000 + m));
        }
        return b.build();
    }

    /**
     * Typed rows as sortable lists of values; binary values, also inside nested values, as hex strings so that rows
     * compare and sort by content.
     */
    static List<List<Object>> values(ColumnBatch batch) {
        List<List<Object>> out = new ArrayList<>();
        for (Row r : batch.rows()) {
            List<Object> row = new ArrayList<>();
            for (Object v : r.values()) {
                row.add(comparable(v));
            }
            out.add(row);
        }
        out.sort((a, b) -> a.toString().compareTo(b.toString()));
        return out;
    }

    private static Object comparable(Object v) {
        if (v instanceof byte[] b) {
            return java.util.HexFormat.of().formatHex(b);
        }
        if (v instanceof List<?> l) {
            return l.stream().map(TestTables::comparable).toList();
        }
        if (v instanceof java.util.Map<?, ?> m) {
            java.util.Map<Object, Object> out = new java.util.LinkedHashMap<>();
            m.forEach((k, x) -> out.put(comparable(k), comparable(x)));
            return out;
        }
        return v;
    }

    /** A clock that only moves when told. */
    static final class ManualClock extends Clock {
        private final AtomicLong millis;

        ManualClock(Instant start) {
            this.millis = new AtomicLong(start.toEpochMilli());
        }

        void advance(Duration d) {
            millis.addAndGet(d.toMillis());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }
    }
}

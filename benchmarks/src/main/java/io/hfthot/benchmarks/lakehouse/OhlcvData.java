package io.hfthot.benchmarks.lakehouse;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Schema;
import java.util.List;

/** Deterministic one-minute OHLCV bars of four symbols, built column by column. */
final class OhlcvData {
    static final Schema SCHEMA = Schema.of(
            Field.required("symbol", DataType.STRING),
            Field.required("ts", DataType.TIMESTAMP),
            Field.of("open", DataType.DOUBLE),
            Field.of("high", DataType.DOUBLE),
            Field.of("low", DataType.DOUBLE),
            Field.of("close", DataType.DOUBLE),
            Field.of("volume", DataType.LONG));
    private static final String[] SYMBOLS = {"BTC-USDT", "ETH-USDT", "SOL-USDT", "XRP-USDT"};
    /** 2026-01-01T00:00:00Z in microseconds. */
    private static final long T0_MICROS = 1_767_225_600_000_000L;

    private OhlcvData() {
    }

    /** {@code n} bars; rows are grouped by symbol, each symbol's bars consecutive in time. */
    static ColumnBatch bars(int n, long seed) {
        String[] sym = new String[n];
        long[] ts = new long[n];
        double[] open = new double[n];
        double[] high = new double[n];
        double[] low = new double[n];
        double[] close = new double[n];
        long[] vol = new long[n];
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed);
        int per = (n + SYMBOLS.length - 1) / SYMBOLS.length;
        double px = 100;
        for (int i = 0; i < n; i++) {
            int s = i / per;
            sym[i] = SYMBOLS[s];
            ts[i] = T0_MICROS + (long) (i % per) * 60_000_000L;
            double o = px;
            double c = o * (1 + r.nextGaussian() * 1e-3);
            open[i] = o;
            close[i] = c;
            high[i] = Math.max(o, c) * (1 + r.nextDouble() * 5e-4);
            low[i] = Math.min(o, c) * (1 - r.nextDouble() * 5e-4);
            vol[i] = 1 + r.nextInt(10_000);
            px = c;
        }
        return new ColumnBatch(SCHEMA, List.of(ColumnVector.ofStrings(sym), ColumnVector.ofLongs(DataType.TIMESTAMP, ts, null),
                ColumnVector.ofDoubles(DataType.DOUBLE, open, null), ColumnVector.ofDoubles(DataType.DOUBLE, high, null),
                ColumnVector.ofDoubles(DataType.DOUBLE, low, null), ColumnVector.ofDoubles(DataType.DOUBLE, close, null),
                ColumnVector.ofLongs(DataType.LONG, vol, null)));
    }
}

package io.hfthot.engine.market.lakehouse;

import io.hfthot.engine.market.BarColumns;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.TickColumns;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.ColumnVector;
import io.hfthot.lakehouse.CommitResult;
import io.hfthot.lakehouse.DataFile;
import io.hfthot.lakehouse.DataType;
import io.hfthot.lakehouse.Field;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Predicate;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.Snapshot;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The market tables of the lab's lakehouse, {@code market.ohlcv} and {@code market.ticks}, and their
 * columnar reads and writes.
 *
 * <p>Layout: {@code market.ohlcv} (symbol, interval, ts, open, high, low, close, volume) is partitioned by
 * {@code symbol} and {@code interval}: every read of the API names both, so a read touches one partition
 * directory, and within it per-file {@code ts} min/max statistics skip files outside the time range.
 * {@code market.ticks} (symbol, seq, ts, price, qty, side) is partitioned by {@code symbol}. Writes are bulk:
 * one commit per call, whatever the number of symbols and intervals in it. Bars are upserted by (symbol,
 * interval, ts): a bar already stored is replaced in the same commit, so a restarted feed or a re-import never
 * duplicates history. That is why {@code market.ohlcv} is not {@code delta.appendOnly} (a table created so by an
 * earlier release has the property lifted at start); {@code market.ticks} stays append-only.
 *
 * <p>Thread safety: reads are safe at any time (each reads one snapshot); writes come from one writer at a
 * time (the lakehouse resolves concurrent commits optimistically, but the lab has one appender).
 */
public final class MarketTables {
    /** Name of the bar table. */
    public static final String OHLCV = "market.ohlcv";
    /** Name of the tick table. */
    public static final String TICKS = "market.ticks";
    /** Schema of {@link #OHLCV}; {@code ts} is the bar's open time. */
    public static final Schema OHLCV_SCHEMA = Schema.of(
            Field.required("symbol", DataType.STRING), Field.required("interval", DataType.STRING),
            Field.required("ts", DataType.TIMESTAMP), Field.required("open", DataType.DOUBLE),
            Field.required("high", DataType.DOUBLE), Field.required("low", DataType.DOUBLE),
            Field.required("close", DataType.DOUBLE), Field.required("volume", DataType.DOUBLE));
    /** Schema of {@link #TICKS}; {@code seq} is the per-symbol trade sequence number. */
    public static final Schema TICKS_SCHEMA = Schema.of(
            Field.required("symbol", DataType.STRING), Field.required("seq", DataType.LONG),
            Field.required("ts", DataType.TIMESTAMP), Field.required("price", DataType.DOUBLE),
            Field.required("qty", DataType.DOUBLE), Field.required("side", DataType.STRING));

    private static final List<String> BAR_COLUMNS = List.of("ts", "open", "high", "low", "close", "volume");
    /** The key of a bar: a second bar with the same key replaces the first. */
    public static final List<String> BAR_KEY = List.of("symbol", "interval", "ts");
    private static final Logger LOG = LoggerFactory.getLogger(MarketTables.class);

    private final Lakehouse lakehouse;

    /**
     * Wraps a lakehouse.
     *
     * @param lakehouse the lakehouse
     */
    public MarketTables(Lakehouse lakehouse) {
        this.lakehouse = Objects.requireNonNull(lakehouse, "lakehouse");
    }

    /**
     * Tells whether both tables exist (a later start reuses them).
     *
     * @return true when {@code market.ohlcv} and {@code market.ticks} exist
     */
    public boolean exist() {
        return lakehouse.exists(OHLCV) && lakehouse.exists(TICKS);
    }

    /**
     * Creates whichever of the two tables is missing, and lifts {@code delta.appendOnly} from a bar table created
     * with it (bars are upserted, which replaces rows).
     */
    public void createMissing() {
        if (!lakehouse.createTableIfAbsent(OHLCV, OHLCV_SCHEMA, List.of("symbol", "interval"), Map.of())
                && "true".equalsIgnoreCase(lakehouse.read(OHLCV).properties().get("delta.appendOnly"))) {
            lakehouse.table(OHLCV).setProperties(Map.of("delta.appendOnly", "false"));
            LOG.info("{}: delta.appendOnly lifted so that bars can be upserted by (symbol, interval, ts)", OHLCV);
        }
        lakehouse.createTableIfAbsent(TICKS, TICKS_SCHEMA, List.of("symbol"), Map.of("delta.appendOnly", "true"));
    }

    /**
     * Upserts bars of any symbols and intervals in one commit: a bar whose (symbol, interval, ts) is stored
     * replaces the stored one; stored files that statistics show cannot hold such a bar are not read.
     *
     * @param parts bar columns; empty parts are skipped
     * @return rows written (0 without a commit when every part is empty)
     */
    public long appendBars(List<BarColumns> parts) {
        List<ColumnBatch> batches = new ArrayList<>();
        for (BarColumns part : parts) {
            if (part.size() > 0) {
                batches.add(barBatch(part));
            }
        }
        if (batches.isEmpty()) {
            return 0;
        }
        CommitResult result = lakehouse.table(OHLCV).upsert(ColumnBatch.concat(OHLCV_SCHEMA, batches), BAR_KEY);
        return result.rowsWritten();
    }

    /**
     * Appends ticks of any symbols in one commit.
     *
     * @param parts tick columns; empty parts are skipped
     * @return rows written (0 without a commit when every part is empty)
     */
    public long appendTicks(List<TickColumns> parts) {
        List<ColumnBatch> batches = new ArrayList<>();
        for (TickColumns part : parts) {
            if (part.size() > 0) {
                batches.add(tickBatch(part));
            }
        }
        if (batches.isEmpty()) {
            return 0;
        }
        return lakehouse.table(TICKS).append(ColumnBatch.concat(TICKS_SCHEMA, batches)).rowsWritten();
    }

    /**
     * Reads the bars of one symbol and interval whose open time lies in {@code [fromMs, toMs]}, sorted by
     * time. Only the partition's files whose {@code ts} statistics overlap the range are opened.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @param fromMs   first open time, Unix ms (inclusive)
     * @param toMs     last open time, Unix ms (inclusive)
     * @return the bars, in strictly increasing time
     */
    public BarColumns readBars(String symbol, Interval interval, long fromMs, long toMs) {
        Snapshot snapshot = lakehouse.read(OHLCV);
        ColumnBatch batch = snapshot.read(BAR_COLUMNS, barPredicate(symbol, interval, fromMs, toMs));
        return toSortedBars(symbol, interval, batch);
    }

    /**
     * Reads every stored bar of one symbol and interval (one partition), sorted by time.
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @return the bars, in strictly increasing time
     */
    public BarColumns readAllBars(String symbol, Interval interval) {
        ColumnBatch batch = lakehouse.read(OHLCV).read(BAR_COLUMNS,
                Predicate.eq("symbol", symbol).and(Predicate.eq("interval", interval.label())));
        return toSortedBars(symbol, interval, batch);
    }

    /**
     * Returns the data files of one symbol's ticks (with their statistics).
     *
     * @param symbol the symbol
     * @return the files
     */
    public List<DataFile> tickFiles(String symbol) {
        return lakehouse.read(TICKS).dataFiles(Predicate.eq("symbol", symbol));
    }

    /**
     * Returns the number of data files a bar read would open, after partition pruning and statistics
     * skipping (what {@link #readBars} touches).
     *
     * @param symbol   the symbol
     * @param interval the interval
     * @param fromMs   first open time (inclusive)
     * @param toMs     last open time (inclusive)
     * @return the number of files
     */
    public int filesToRead(String symbol, Interval interval, long fromMs, long toMs) {
        return lakehouse.read(OHLCV).dataFiles(barPredicate(symbol, interval, fromMs, toMs)).size();
    }

    /**
     * Returns the highest tick sequence number stored for a symbol, from file statistics (no data read).
     *
     * @param symbol the symbol
     * @return the sequence number, 0 when none is stored
     */
    public long lastTickSequence(String symbol) {
        long max = 0;
        for (DataFile f : lakehouse.read(TICKS).dataFiles(Predicate.eq("symbol", symbol))) {
            Object v = f.stats() == null ? null : f.stats().maxValues().get("seq");
            if (v instanceof Number n) {
                max = Math.max(max, n.longValue());
            } else {
                // A writer without stats: fall back to reading the column of that file's partition.
                return readMaxSequence(symbol);
            }
        }
        return max;
    }

    private long readMaxSequence(String symbol) {
        ColumnVector seq = lakehouse.read(TICKS).read(List.of("seq"), Predicate.eq("symbol", symbol)).column(0);
        long max = 0;
        for (int i = 0; i < seq.size(); i++) {
            max = Math.max(max, seq.getLong(i));
        }
        return max;
    }

    private static Predicate barPredicate(String symbol, Interval interval, long fromMs, long toMs) {
        return Predicate.eq("symbol", symbol).and(Predicate.eq("interval", interval.label()))
                .and(Predicate.ge("ts", Instant.ofEpochMilli(fromMs)))
                .and(Predicate.le("ts", Instant.ofEpochMilli(toMs)));
    }

    static BarColumns toSortedBars(String symbol, Interval interval, ColumnBatch batch) {
        int n = batch.rowCount();
        ColumnVector ts = batch.column("ts");
        long[] time = new long[n];
        boolean sorted = true;
        for (int i = 0; i < n; i++) {
            time[i] = Math.floorDiv(ts.getLong(i), 1000L);
            sorted &= i == 0 || time[i] > time[i - 1];
        }
        int[] order = null;
        if (!sorted) {
            // Files come back in commit order, and each append is sorted, so this only happens when
            // commits interleave in time; sort an index permutation once.
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = i;
            }
            long[] keys = time;
            Arrays.sort(boxed, (a, b) -> Long.compare(keys[a], keys[b]));
            order = new int[n];
            for (int i = 0; i < n; i++) {
                order[i] = boxed[i];
            }
        }
        return new BarColumns(symbol, interval, permute(time, order), doubles(batch, "open", order),
                doubles(batch, "high", order), doubles(batch, "low", order), doubles(batch, "close", order),
                doubles(batch, "volume", order));
    }

    private static long[] permute(long[] values, int[] order) {
        if (order == null) {
            return values;
        }
        long[] out = new long[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[order[i]];
        }
        return out;
    }

    private static double[] doubles(ColumnBatch batch, String column, int[] order) {
        ColumnVector v = batch.column(column);
        double[] out = new double[v.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.getDouble(order == null ? i : order[i]);
        }
        return out;
    }

    private static ColumnBatch barBatch(BarColumns part) {
        int n = part.size();
        long[] micros = part.time();
        for (int i = 0; i < n; i++) {
            micros[i] = Math.multiplyExact(micros[i], 1000L);
        }
        return new ColumnBatch(OHLCV_SCHEMA, List.of(
                ColumnVector.constant(DataType.STRING, part.symbol(), n),
                ColumnVector.constant(DataType.STRING, part.interval().label(), n),
                ColumnVector.wrapLongs(DataType.TIMESTAMP, micros, null, n),
                ColumnVector.wrapDoubles(DataType.DOUBLE, part.open(), null, n),
                ColumnVector.wrapDoubles(DataType.DOUBLE, part.high(), null, n),
                ColumnVector.wrapDoubles(DataType.DOUBLE, part.low(), null, n),
                ColumnVector.wrapDoubles(DataType.DOUBLE, part.close(), null, n),
                ColumnVector.wrapDoubles(DataType.DOUBLE, part.volume(), null, n)));
    }

    private static ColumnBatch tickBatch(TickColumns part) {
        int n = part.size();
        long[] micros = part.tsMs();
        for (int i = 0; i < n; i++) {
            micros[i] = Math.multiplyExact(micros[i], 1000L);
        }
        boolean[] buy = part.buy();
        String[] side = new String[n];
        for (int i = 0; i < n; i++) {
            side[i] = buy[i] ? "buy" : "sell";
        }
        return new ColumnBatch(TICKS_SCHEMA, List.of(
                ColumnVector.constant(DataType.STRING, part.symbol(), n),
                ColumnVector.wrapLongs(DataType.LONG, part.sequence(), null, n),
                ColumnVector.wrapLongs(DataType.TIMESTAMP, micros, null, n),
                ColumnVector.wrapDoubles(DataType.DOUBLE, part.price(), null, n),
                ColumnVector.wrapDoubles(DataType.DOUBLE, part.qty(), null, n),
                ColumnVector.ofStrings(side)));
    }
}

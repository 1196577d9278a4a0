package io.hfthot.engine.market.lakehouse;

import io.hfthot.engine.storage.StorageGuard;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.OptimizeResult;
import io.hfthot.lakehouse.Predicate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the market tables' file counts bounded on a server that runs for months: the lab appends a few small
 * files a minute ({@code market.ohlcv} per symbol and interval, {@code market.ticks} per symbol), and this runs
 * the lakehouse's {@code OPTIMIZE} over both tables on a schedule, or once on demand.
 *
 * <p>Why the defaults: a run every 15 minutes leaves at most about 15 one-minute files per partition between runs;
 * a 16 MiB target keeps each rewrite of a still-growing partition file small (a compacted file below the target
 * is merged again with the next small files, so the bytes rewritten per run are bounded by the target), while a
 * simulated tick partition (~20 MB a day) still ends with about one file a day. Compaction never blocks or fails
 * the appends (see {@code DeltaTable.optimize}); the replaced files stay readable for time travel until the
 * scheduled run's vacuum deletes them once older than the table's deleted-file retention (7 days by default).
 *
 * <p>While the {@link StorageGuard} says the data directory is read-only (a full disk), scheduled runs are skipped:
 * a compaction writes new files before it can remove any, so it would only fail half-way and leave files for
 * vacuum. The first skipped run logs why, once; the first run after the directory takes writes again logs that it
 * resumes.
 *
 * <p>Thread safety: {@link #runOnce} may run concurrently with any writer, in this or another process.
 */
public final class MarketCompaction implements AutoCloseable {
    /** Default time between scheduled runs. */
    public static final Duration DEFAULT_EVERY = Duration.ofMinutes(15);
    /** Default target size of a compacted file. */
    public static final long DEFAULT_TARGET_BYTES = 16L << 20;

    private static final Logger LOG = LoggerFactory.getLogger(MarketCompaction.class);

    /**
     * What one table's compaction did.
     *
     * @param table  the table name
     * @param result the lakehouse's result
     */
    public record Outcome(String table, OptimizeResult result) {
    }

    /** What one scheduled run did. */
    enum Run {
        /** Compaction and vacuum ran. */
        RAN,
        /** Skipped because the data directory is read-only; the reason was logged (first skip in a row). */
        SKIPPED_LOGGED,
        /** Skipped again; nothing logged. */
        SKIPPED
    }

    private final ScheduledExecutorService scheduler;
    private final Lakehouse lakehouse;
    private final StorageGuard storage;
    private final long targetBytes;
    /** Whether the previous scheduled run was skipped (so a skip is logged once per read-only period). */
    private final AtomicBoolean skipping = new AtomicBoolean();

    private MarketCompaction(ScheduledExecutorService scheduler, Lakehouse lakehouse, StorageGuard storage, long targetBytes) {
        this.scheduler = scheduler;
        this.lakehouse = lakehouse;
        this.storage = storage;
        this.targetBytes = targetBytes;
    }

    /**
     * Starts compacting the market tables every {@code every}, first after one period; failures are logged and
     * the next run tries again; runs are skipped while {@code storage} says the data directory is read-only.
     *
     * @param lakehouse   the lab's lakehouse
     * @param storage     the data directory's guard
     * @param every       time between runs (> 0)
     * @param targetBytes target size of a compacted file (> 0)
     * @return the running schedule; {@link #close} stops it
     */
    public static MarketCompaction start(Lakehouse lakehouse, StorageGuard storage, Duration every, long targetBytes) {
        Objects.requireNonNull(lakehouse, "lakehouse");
        Objects.requireNonNull(storage, "storage");
        if (every.isNegative() || every.isZero()) {
            throw new IllegalArgumentException("compaction interval must be > 0, got " + every);
        }
        requirePositive(targetBytes);
        ScheduledExecutorService s = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hfthot-market-compaction");
            t.setDaemon(true);
            return t;
        });
        MarketCompaction c = new MarketCompaction(s, lakehouse, storage, targetBytes);
        long ms = every.toMillis();
        s.scheduleWithFixedDelay(() -> {
            try {
                c.runScheduled();
            } catch (RuntimeException e) {
                LOG.warn("market compaction failed; retried at the next run", e);
            }
        }, ms, ms, TimeUnit.MILLISECONDS);
        return c;
    }

    /** One scheduled run: compaction and vacuum, unless the data directory is read-only. */
    Run runScheduled() {
        var readOnly = storage.unavailableReason();
        if (readOnly.isPresent()) {
            if (skipping.compareAndSet(false, true)) {
                LOG.warn("market compaction skipped while the data directory is read-only: {}; it resumes once the"
                        + " directory takes writes again", readOnly.get());
                return Run.SKIPPED_LOGGED;
            }
            return Run.SKIPPED;
        }
        if (skipping.compareAndSet(true, false)) {
            LOG.info("market compaction resumes: the data directory takes writes again");
        }
        for (Outcome o : runOnce(lakehouse, targetBytes, null)) {
            if (o.result().committed()) {
                LOG.info("{}: OPTIMIZE v{} replaced {} files ({} bytes) by {} in {} partitions", o.table(),
                        o.result().version(), o.result().removedFiles(), o.result().removedBytes(),
                        o.result().addedFiles(), o.result().partitions());
            }
        }
        vacuum(lakehouse);
        return Run.RAN;
    }

    /**
     * Compacts the market tables that exist, now.
     *
     * @param lakehouse   the lakehouse
     * @param targetBytes target size of a compacted file (> 0)
     * @param symbol      only this symbol's partitions, or null for all
     * @return one outcome per existing table ({@code market.ohlcv}, then {@code market.ticks})
     */
    public static List<Outcome> runOnce(Lakehouse lakehouse, long targetBytes, String symbol) {
        requirePositive(targetBytes);
        List<Outcome> out = new ArrayList<>(2);
        Predicate filter = symbol == null ? null : Predicate.eq("symbol", symbol);
        for (String table : List.of(MarketTables.OHLCV, MarketTables.TICKS)) {
            if (lakehouse.exists(table)) {
                out.add(new Outcome(table, lakehouse.table(table).optimize(targetBytes, filter)));
            }
        }
        return out;
    }

    /**
     * Deletes the market tables' files that were replaced longer ago than each table's
     * {@code delta.deletedFileRetentionDuration} (default 7 days), so compaction does not grow the disk forever;
     * time travel to versions older than that then fails, saying why.
     *
     * @param lakehouse the lakehouse
     * @return the number of files deleted
     */
    public static int vacuum(Lakehouse lakehouse) {
        int deleted = 0;
        for (String table : List.of(MarketTables.OHLCV, MarketTables.TICKS)) {
            if (lakehouse.exists(table)) {
                deleted += lakehouse.table(table).vacuum().deletedFiles().size();
            }
        }
        if (deleted > 0) {
            LOG.info("market tables: vacuum deleted {} replaced files older than the tables' retention", deleted);
        }
        return deleted;
    }

    private static void requirePositive(long targetBytes) {
        if (targetBytes <= 0) {
            throw new IllegalArgumentException("compaction target size must be > 0 bytes, got " + targetBytes);
        }
    }

    /**
     * Stops the schedule, waiting briefly for a run in progress. A run interrupted mid-way has either committed
     * or left only files no commit references, which vacuum removes.
     */
    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.hfthot.lakehouse;

import io.hfthot.lakehouse.storage.LocalLogStore;
import io.hfthot.lakehouse.storage.LogStore;
import java.time.Clock;
import java.util.Objects;

/**
 * Settings of a {@link Lakehouse}.
 *
 * @param clock              source of commit timestamps and of "now" for vacuum retention
 * @param store              storage
 * @param checkpointInterval write a checkpoint every this many commits (0 disables)
 * @param maxCommitRetries   how many times a commit that lost a race without conflict is retried
 * @param rowGroupRows       maximum rows per Parquet row group
 */
public record LakehouseOptions(Clock clock, LogStore store, int checkpointInterval, int maxCommitRetries, int rowGroupRows) {
    /** Validates values. */
    public LakehouseOptions {
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(store, "store");
        if (checkpointInterval < 0) {
            throw new IllegalArgumentException("checkpointInterval " + checkpointInterval + " must be >= 0 (0 disables checkpoints)");
        }
        if (maxCommitRetries < 0 || maxCommitRetries > 10_000) {
            throw new IllegalArgumentException("maxCommitRetries " + maxCommitRetries + " must be in [0, 10000]");
        }
        if (rowGroupRows < 1) {
            throw new IllegalArgumentException("rowGroupRows " + rowGroupRows + " must be >= 1");
        }
    }

    /** Defaults: system UTC clock, local disk, checkpoint every 10 commits, 100 retries, 1M-row row groups. */
    public static LakehouseOptions defaults() {
        return new LakehouseOptions(Clock.systemUTC(), new LocalLogStore(), 10, 100, 1 << 20);
    }

    /** Returns a copy with another clock. */
    public LakehouseOptions withClock(Clock c) {
        return new LakehouseOptions(c, store, checkpointInterval, maxCommitRetries, rowGroupRows);
    }

    /** Returns a copy with another checkpoint interval. */
    public LakehouseOptions withCheckpointInterval(int n) {
        return new LakehouseOptions(clock, store, n, maxCommitRetries, rowGroupRows);
    }

    /** Returns a copy with another retry bound. */
    public LakehouseOptions withMaxCommitRetries(int n) {
        return new LakehouseOptions(clock, store, checkpointInterval, n, rowGroupRows);
    }

    /** Returns a copy with another row group size. */
    public LakehouseOptions withRowGroupRows(int n) {
        return new LakehouseOptions(clock, store, checkpointInterval, maxCommitRetries, n);
    }

    /** Returns a copy with another store. */
    public LakehouseOptions withStore(LogStore s) {
        return new LakehouseOptions(clock, s, checkpointInterval, maxCommitRetries, rowGroupRows);
    }
}

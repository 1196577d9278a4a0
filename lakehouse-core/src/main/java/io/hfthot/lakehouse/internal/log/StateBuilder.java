package io.hfthot.lakehouse.internal.log;

import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.internal.actions.Action;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies log actions to a table state by the protocol's replay rules: the latest protocol and metadata win, files
 * are keyed by path plus deletion-vector id, a remove turns a live file into a tombstone and an add revives one.
 *
 * <p>Used both for a replay from a checkpoint (or version 0) and for an incremental refresh that applies only the
 * commits after an earlier state; both end in {@link #build}, which drops the tombstones past the table's
 * {@code delta.deletedFileRetentionDuration} counted back from the built version's commit timestamp (as Spark's
 * {@code InMemoryLogReplay} drops those older than its {@code minFileRetentionTimestamp}). Because that cutoff only
 * moves forward with the version, both routes give the same state for the same version. Not thread-safe; one
 * builder per replay.
 */
final class StateBuilder {
    private Action.Protocol protocol;
    private Action.Metadata metadata;
    private final Map<String, Action.AddFile> files;
    private Map<String, Action.RemoveFile> tombstones;
    /** Whether {@link #tombstones} is this builder's own copy (an earlier state's map is shared until changed). */
    private boolean ownTombstones;
    private long timestamp;

    private StateBuilder(Action.Protocol protocol, Action.Metadata metadata, Map<String, Action.AddFile> files,
                         Map<String, Action.RemoveFile> tombstones, boolean ownTombstones, long timestamp) {
        this.protocol = protocol;
        this.metadata = metadata;
        this.files = files;
        this.tombstones = tombstones;
        this.ownTombstones = ownTombstones;
        this.timestamp = timestamp;
    }

    /** Starts from nothing (replay from version 0 or from a checkpoint). */
    static StateBuilder empty() {
        return new StateBuilder(null, null, new LinkedHashMap<>(), new LinkedHashMap<>(), true, 0);
    }

    /**
     * Starts from an earlier state. Its live files are copied (few on a compacted table); its tombstones, which can
     * number tens of thousands, are shared until a commit changes them, so a refresh over appends only copies none.
     */
    static StateBuilder from(TableState state) {
        return new StateBuilder(state.protocol(), state.metadata(), new LinkedHashMap<>(state.files()), state.tombstones(),
                false, state.timestampMillis());
    }

    /** Applies the actions of a checkpoint part: adds are live files, removes are tombstones. */
    void applyCheckpoint(List<Action> actions) {
        for (Action a : actions) {
            if (a instanceof Action.Protocol p) {
                protocol = p;
            } else if (a instanceof Action.Metadata m) {
                metadata = m;
            } else if (a instanceof Action.AddFile add) {
                files.put(add.key(), add);
            } else if (a instanceof Action.RemoveFile rm) {
                ownTombstones().put(rm.key(), rm);
            }
        }
    }

    /** Sets the timestamp of the checkpointed version (the checkpoint itself carries none). */
    void timestamp(long millis) {
        timestamp = millis;
    }

    /**
     * Applies one commit.
     *
     * @param fileTimeMillis the commit file's modification time, the timestamp when the commit has no
     *                       {@code commitInfo.timestamp}
     */
    void applyCommit(List<Action> actions, long fileTimeMillis) {
        timestamp = fileTimeMillis;
        for (Action a : actions) {
            if (a instanceof Action.Protocol p) {
                protocol = p;
            } else if (a instanceof Action.Metadata m) {
                metadata = m;
            } else if (a instanceof Action.AddFile add) {
                files.put(add.key(), add);
                if (tombstones.containsKey(add.key())) {
                    ownTombstones().remove(add.key());
                }
            } else if (a instanceof Action.RemoveFile rm) {
                files.remove(rm.key());
                ownTombstones().put(rm.key(), rm);
            } else if (a instanceof Action.CommitInfo ci && ci.timestamp() > 0) {
                timestamp = ci.timestamp();
            }
        }
    }

    /** Returns whether protocol and metadata are both known. */
    boolean hasProtocolAndMetadata() {
        return protocol != null && metadata != null;
    }

    /**
     * Builds the state of {@code version}, dropping expired tombstones.
     *
     * @throws LakehouseException when no protocol or metadata was seen
     */
    TableState build(long version, String tableName) {
        if (!hasProtocolAndMetadata()) {
            throw new LakehouseException("table '" + tableName + "' has no protocol or metadata at version " + version);
        }
        Long cutoff = tombstoneCutoff();
        if (cutoff != null) {
            for (Action.RemoveFile rm : tombstones.values()) {
                if (rm.deletionTimestamp() <= cutoff) {
                    ownTombstones().values().removeIf(r -> r.deletionTimestamp() <= cutoff);
                    break;
                }
            }
        }
        return new TableState(version, timestamp, protocol, metadata, files, tombstones);
    }

    /**
     * Tombstones deleted at or before this instant are dropped; null keeps them all, which happens only when the
     * retention property cannot be parsed (reads must not fail on it; vacuum reports it).
     */
    private Long tombstoneCutoff() {
        try {
            Duration retention = TableRetention.deletedFileRetention(metadata);
            return timestamp - retention.toMillis();
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    private Map<String, Action.RemoveFile> ownTombstones() {
        if (!ownTombstones) {
            tombstones = new LinkedHashMap<>(tombstones);
            ownTombstones = true;
        }
        return tombstones;
    }
}

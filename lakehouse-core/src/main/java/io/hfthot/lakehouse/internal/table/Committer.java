package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.CommitConflictException;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.ActionJson;
import io.hfthot.lakehouse.internal.actions.SchemaJson;
import io.hfthot.lakehouse.internal.log.DeltaLog;
import io.hfthot.lakehouse.internal.log.TableState;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits actions with optimistic concurrency.
 *
 * <p>A commit is written as version {@code readVersion + 1} with put-if-absent. When another writer won that
 * version, the loser reads the winner's actions and checks for a logical conflict: a winner that changed protocol
 * or metadata, removed a file the loser also removes, or (when the loser's result depends on rows it read) added
 * files that may hold such rows, or removed files the loser read. Adds and removes with {@code dataChange: false}
 * (compaction) hold no new rows and delete none, so they conflict only with a loser removing the same file. With no conflict the same actions are retried
 * at the next version, up to a bound; otherwise, or when retries run out, {@link CommitConflictException}. No
 * update is ever lost: a commit lands only on top of every winner it has checked.
 *
 * <p>Commit timestamps are the injected clock's time, forced above the previous commit's
 * ({@code max(now, previous + 1)}) so time travel by timestamp is well defined.
 */
public final class Committer {
    private static final Logger LOG = LoggerFactory.getLogger(Committer.class);
    /** Engine identification written into {@code commitInfo.engineInfo}. */
    public static final String ENGINE_INFO = "hfthot-lakehouse/0.1";

    private final DeltaLog log;
    private final Clock clock;
    private final int maxRetries;
    private final int checkpointInterval;

    /** Creates a committer for one table. */
    public Committer(DeltaLog log, Clock clock, int maxRetries, int checkpointInterval) {
        this.log = log;
        this.clock = clock;
        this.maxRetries = maxRetries;
        this.checkpointInterval = checkpointInterval;
    }

    /**
     * Commits actions read from {@code base} (null when creating the table) and returns the committed version.
     *
     * @throws CommitConflictException when a concurrent commit conflicts or retries run out
     */
    public long commit(TableState base, List<Action> actions, CommitIntent intent) {
        long readVersion = base == null ? -1 : base.version();
        long version = readVersion + 1;
        long previousTimestamp = base == null ? Long.MIN_VALUE : base.timestampMillis();
        Schema schema = base == null ? null : SchemaJson.fromJson(base.metadata().schemaString());
        List<String> partitionColumns = base == null ? List.of() : base.metadata().partitionColumns();
        String txnId = UUID.randomUUID().toString();
        for (int attempt = 0; attempt <= maxRetries; attempt++) {
            long now = clock.millis();
            long ts = previousTimestamp == Long.MIN_VALUE ? now : Math.max(now, previousTimestamp + 1);
            List<Action> all = new ArrayList<>(actions.size() + 1);
            all.add(new Action.CommitInfo(ts, intent.operation(), intent.parameters(), intent.metrics(),
                    readVersion < 0 ? null : readVersion, intent.blindAppend(), ENGINE_INFO, txnId));
            all.addAll(actions);
            byte[] bytes = ActionJson.serialize(all);
            try {
                log.store().putIfAbsent(log.commitPath(version), bytes);
            } catch (FileAlreadyExistsException lost) {
                if (intent.create()) {
                    throw new LakehouseException("table '" + log.tableName() + "' already exists");
                }
                List<Action> winner = log.readCommit(version);
                checkConflicts(version, winner, intent, schema, partitionColumns);
                for (Action a : winner) {
                    if (a instanceof Action.CommitInfo ci) {
                        previousTimestamp = Math.max(previousTimestamp, ci.timestamp());
                    }
                }
                version++;
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write commit " + version + " of table '" + log.tableName() + "'", e);
            }
            try {
                // Foreign readers time-travel by file modification time on tables without in-commit timestamps:
                // make it equal to the commit timestamp so every reader agrees.
                log.store().setModificationTime(log.commitPath(version), ts);
            } catch (IOException e) {
                LOG.warn("table '{}': cannot set the modification time of commit {}: {}", log.tableName(), version, e.getMessage());
            }
            maybeCheckpoint(version);
            return version;
        }
        throw new CommitConflictException("commit to table '" + log.tableName() + "' gave up after " + (maxRetries + 1)
                + " attempts against concurrent writers (read version " + readVersion + "); re-read and retry");
    }

    private void checkConflicts(long version, List<Action> winner, CommitIntent intent, Schema schema, List<String> partitionColumns) {
        for (Action a : winner) {
            if (a instanceof Action.Metadata || a instanceof Action.Protocol) {
                throw new CommitConflictException("table '" + log.tableName() + "': a concurrent commit (version " + version
                        + ") changed the table's metadata or protocol; re-read the table and retry " + intent.operation());
            }
            // A rearrangement (OPTIMIZE: dataChange=false) changes no row: a reader of the removed file read the same
            // rows the winner's new file holds. It conflicts only with a loser that removes that very file (whose
            // rows would otherwise live on in the compacted file).
            if (a instanceof Action.RemoveFile rm && (intent.removedKeys().contains(rm.key()) || intent.readsData() && rm.dataChange())) {
                throw new CommitConflictException("table '" + log.tableName() + "': a concurrent commit (version " + version
                        + ") removed file " + rm.path() + " that this " + intent.operation() + " read or removes; re-read and retry");
            }
            if (a instanceof Action.AddFile add && intent.readsData() && add.dataChange()) {
                boolean relevant = true;
                if (intent.readPredicate() != null && schema != null) {
                    Map<String, Object> pv = new HashMap<>();
                    for (String c : partitionColumns) {
                        pv.put(c, PartitionValues.decode(schema.field(c).type(), c, add.partitionValues().get(c)));
                    }
                    relevant = intent.readPredicate().mightMatch(schema, pv, Scans.parseStats(add.stats()));
                }
                if (relevant) {
                    throw new CommitConflictException("table '" + log.tableName() + "': a concurrent commit (version " + version
                            + ") added rows that this " + intent.operation() + " would have read; re-read and retry");
                }
            }
        }
        if (intent.changesMetadata()) {
            throw new CommitConflictException("table '" + log.tableName() + "': a concurrent commit (version " + version
                    + ") landed while changing the table's metadata; re-read and retry " + intent.operation());
        }
    }

    private void maybeCheckpoint(long version) {
        if (checkpointInterval <= 0 || version == 0 || version % checkpointInterval != 0) {
            return;
        }
        try {
            TableState state = log.load(version);
            log.writeCheckpoint(state);
            log.cleanUpExpiredLogs(state, clock.millis());
        } catch (IOException | RuntimeException e) {
            // The commit is durable; a missing checkpoint only slows the next snapshot load, and log cleanup is retried
            // at the next checkpoint.
            LOG.warn("table '{}': checkpoint at version {} failed: {}", log.tableName(), version, e.getMessage());
        }
    }
}

package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.CommitConflictException;
import io.hfthot.lakehouse.OptimizeResult;
import io.hfthot.lakehouse.Predicate;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.SchemaJson;
import io.hfthot.lakehouse.internal.log.DeltaLog;
import io.hfthot.lakehouse.internal.log.TableState;
import io.hfthot.lakehouse.storage.LogStore;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bin-packing compaction ({@code OPTIMIZE}) as Delta writes it: small files of one partition are rewritten into
 * files of about the target size, committed as {@code remove} and {@code add} actions with
 * {@code dataChange: false} and operation {@code OPTIMIZE}, so readers (Delta Kernel, Spark, streaming sources)
 * know no row changed.
 *
 * <p>Bins: within each partition, files smaller than the target, oldest first (commit order keeps time-series data
 * in time order, which keeps the compacted files' statistics tight), are grouped consecutively until a bin reaches
 * the target; a bin of one file is left alone. Only the files of one bin are in memory at a time.
 *
 * <p>Concurrency: the commit only removes the files it compacted and reads nothing else, so concurrent appends
 * never conflict with it (and it does not conflict with them, see {@code Committer}). A concurrent delete,
 * upsert or erase that removed one of its files makes the attempt conflict: the written files are deleted and
 * compaction is planned again on the new version, a few times, then skipped (reported, never thrown).
 */
public final class Compaction {
    private static final Logger LOG = LoggerFactory.getLogger(Compaction.class);
    private static final int MAX_ATTEMPTS = 4;

    private final DeltaLog log;
    private final Committer committer;
    private final TableWriter writer;
    private final LogStore store;
    private final Path tablePath;
    private final Clock clock;
    private final String tableName;

    /** Creates the compaction of one table. */
    public Compaction(DeltaLog log, Committer committer, TableWriter writer, LogStore store, Path tablePath, Clock clock,
                      String tableName) {
        this.log = log;
        this.committer = committer;
        this.writer = writer;
        this.store = store;
        this.tablePath = tablePath;
        this.clock = clock;
        this.tableName = tableName;
    }

    /**
     * Compacts the partitions a filter selects.
     *
     * @param targetFileBytes  target size of a compacted file, bytes (> 0)
     * @param partitionFilter  a predicate over partition columns only, or null for the whole table
     */
    public OptimizeResult run(long targetFileBytes, Predicate partitionFilter) {
        if (targetFileBytes <= 0) {
            throw new IllegalArgumentException("OPTIMIZE target file size " + targetFileBytes + " bytes of table '"
                    + tableName + "' must be > 0");
        }
        int conflicts = 0;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            TableState base = log.load();
            try {
                return once(base, targetFileBytes, partitionFilter, conflicts);
            } catch (CommitConflictException e) {
                conflicts++;
                LOG.info("table '{}': OPTIMIZE attempt {} conflicted with a concurrent commit; replanning: {}",
                        tableName, attempt + 1, e.getMessage());
            }
        }
        LOG.warn("table '{}': OPTIMIZE skipped after {} conflicting attempts; the next run retries", tableName, conflicts);
        return new OptimizeResult(log.load().version(), false, 0, 0, 0, 0, 0, conflicts);
    }

    private OptimizeResult once(TableState base, long target, Predicate filter, int conflicts) {
        Schema schema = SchemaJson.fromJson(base.metadata().schemaString());
        List<String> parts = base.metadata().partitionColumns();
        if (filter != null) {
            filter.validate(schema);
            for (String c : filter.columns()) {
                if (!parts.contains(c)) {
                    throw new IllegalArgumentException("OPTIMIZE of table '" + tableName + "' filters on column '" + c
                            + "', which is not a partition column; partition columns are " + parts);
                }
            }
        }
        List<List<Action.AddFile>> bins = bins(base, schema, parts, filter, target);
        if (bins.isEmpty()) {
            return new OptimizeResult(base.version(), false, 0, 0, 0, 0, 0, conflicts);
        }
        long now = clock.millis();
        List<Action> removes = new ArrayList<>();
        List<Action.AddFile> written = new ArrayList<>();
        Set<String> removedKeys = new HashSet<>();
        Set<Map<String, String>> partitions = new HashSet<>();
        long removedBytes = 0;
        try {
            for (List<Action.AddFile> bin : bins) {
                List<ColumnBatch> batches = new ArrayList<>(bin.size());
                for (Action.AddFile f : bin) {
                    batches.add(Scans.readFile(store, tablePath, Scans.toDataFile(tablePath, f), schema, parts, schema, null,
                            "version " + base.version() + " of table '" + tableName + "'"));
                    removes.add(new Action.RemoveFile(f.path(), now, false, f.partitionValues(), f.size(), null));
                    removedKeys.add(f.key());
                    removedBytes += f.size();
                }
                partitions.add(bin.get(0).partitionValues());
                written.addAll(writer.write(ColumnBatch.concat(schema, batches), schema, parts, false));
            }
        } catch (RuntimeException e) {
            writer.deleteQuietly(written, e);
            throw e;
        }
        long addedBytes = 0;
        for (Action.AddFile a : written) {
            addedBytes += a.size();
        }
        List<Action> actions = new ArrayList<>(removes);
        actions.addAll(written);
        Map<String, String> params = new LinkedHashMap<>();
        params.put("predicate", filter == null ? "[]" : "[" + filter + "]");
        params.put("targetFileSize", String.valueOf(target));
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("numRemovedFiles", String.valueOf(removes.size()));
        metrics.put("numAddedFiles", String.valueOf(written.size()));
        metrics.put("numRemovedBytes", String.valueOf(removedBytes));
        metrics.put("numAddedBytes", String.valueOf(addedBytes));
        metrics.put("numPartitionsOptimized", String.valueOf(partitions.size()));
        CommitIntent intent = new CommitIntent("OPTIMIZE", params, metrics, false, false, null, removedKeys, false, false);
        long v;
        try {
            v = committer.commit(base, actions, intent);
        } catch (RuntimeException e) {
            writer.deleteQuietly(written, e);
            throw e;
        }
        return new OptimizeResult(v, true, removes.size(), written.size(), removedBytes, addedBytes, partitions.size(), conflicts);
    }

    private static List<List<Action.AddFile>> bins(TableState base, Schema schema, List<String> parts, Predicate filter, long target) {
        Map<Map<String, String>, List<Action.AddFile>> byPartition = new LinkedHashMap<>();
        for (Action.AddFile f : base.files().values()) {
            if (f.size() >= target || f.deletionVectorId() != null) {
                continue;
            }
            if (filter != null && !filter.mightMatch(schema, Scans.typedPartitionValues(schema, parts, f.partitionValues()), null)) {
                continue;
            }
            byPartition.computeIfAbsent(f.partitionValues(), k -> new ArrayList<>()).add(f);
        }
        List<List<Action.AddFile>> bins = new ArrayList<>();
        for (List<Action.AddFile> files : byPartition.values()) {
            files.sort(Comparator.comparingLong(Action.AddFile::modificationTime).thenComparing(Action.AddFile::path));
            List<Action.AddFile> bin = new ArrayList<>();
            long size = 0;
            for (Action.AddFile f : files) {
                if (!bin.isEmpty() && size + f.size() > target) {
                    if (bin.size() > 1) {
                        bins.add(bin);
                    }
                    bin = new ArrayList<>();
                    size = 0;
                }
                bin.add(f);
                size += f.size();
            }
            if (bin.size() > 1) {
                bins.add(bin);
            }
        }
        return bins;
    }
}

package io.hfthot.lakehouse;

import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.SchemaJson;
import io.hfthot.lakehouse.internal.log.DeltaLog;
import io.hfthot.lakehouse.internal.log.ProtocolSupport;
import io.hfthot.lakehouse.internal.log.TableRetention;
import io.hfthot.lakehouse.internal.log.TableState;
import io.hfthot.lakehouse.internal.parquet.DataFileReader;
import io.hfthot.lakehouse.internal.table.CommitIntent;
import io.hfthot.lakehouse.internal.table.Committer;
import io.hfthot.lakehouse.internal.table.FilePaths;
import io.hfthot.lakehouse.internal.table.PartitionValues;
import io.hfthot.lakehouse.internal.table.Compaction;
import io.hfthot.lakehouse.internal.table.FileRewriter;
import io.hfthot.lakehouse.internal.table.Scans;
import io.hfthot.lakehouse.internal.table.TableWriter;
import io.hfthot.lakehouse.internal.table.UpsertKeys;
import io.hfthot.lakehouse.internal.table.Vacuum;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A Delta table: snapshots by version or timestamp, history, and writes that are each one atomic commit
 * (append, upsert, overwrite, delete by predicate, adding nullable columns, properties, OPTIMIZE), plus checkpoints,
 * vacuum and erasure of a data subject.
 *
 * <p>Why this class is longer than the house limit: it is the one public entry point of every table operation
 * (as Delta Kernel's {@code Table}); each operation's mechanics live in {@code internal.table} classes
 * ({@code TableWriter}, {@code FileRewriter}, {@code UpsertKeys}, {@code Compaction}, {@code Vacuum}) and what
 * stays here is argument validation, the commit record of each operation and its javadoc.
 *
 * <p>Writes use optimistic concurrency: concurrent writers in any process may commit to the same table; a writer
 * whose commit conflicts logically with one that landed first gets {@link CommitConflictException} and nothing of
 * its write becomes visible. Instances are thread-safe and cheap; they hold no open files.
 */
public final class DeltaTable {
    /** How often an upsert or erasure that lost to a conflicting commit is recomputed on the newer version. */
    private static final int MAX_RECOMPUTE_ATTEMPTS = 4;

    private final String name;
    private final Path path;
    private final LakehouseOptions options;
    private final DeltaLog log;
    private final Committer committer;
    private final TableWriter writer;
    private final FileRewriter rewriter;

    DeltaTable(String name, DeltaLog log, LakehouseOptions options) {
        this.name = name;
        this.path = log.tableRoot();
        this.options = options;
        this.log = log;
        this.committer = new Committer(log, options.clock(), options.maxCommitRetries(), options.checkpointInterval());
        this.writer = new TableWriter(options.store(), this.path, options.clock(), options.rowGroupRows(), name);
        this.rewriter = new FileRewriter(options.store(), this.path, writer, name);
    }

    /** Returns the table name. */
    public String name() {
        return name;
    }

    /** Returns the table root directory. */
    public Path path() {
        return path;
    }

    /** Returns whether the table exists (has a Delta log). */
    public boolean exists() {
        return log.exists();
    }

    /**
     * Returns the latest snapshot.
     *
     * @throws TableNotFoundException       when the table does not exist
     * @throws UnsupportedFeatureException when the table needs a feature this module does not implement
     */
    public Snapshot snapshot() {
        return new Snapshot(name, path, options.store(), log.loadForRead(null));
    }

    /**
     * Returns the snapshot at a version.
     *
     * @throws TableNotFoundException when the version does not exist
     */
    public Snapshot snapshotAt(long version) {
        if (version < 0) {
            throw new IllegalArgumentException("version " + version + " of table '" + name + "' must be >= 0");
        }
        return new Snapshot(name, path, options.store(), log.loadForRead(version));
    }

    /**
     * Returns the snapshot of the latest version committed at or before an instant.
     *
     * @throws TableNotFoundException when the instant precedes the first commit
     */
    public Snapshot snapshotAsOf(Instant instant) {
        return snapshotAt(log.versionAt(instant));
    }

    /**
     * Returns every commit: version, timestamp, operation and metrics, oldest first.
     *
     * <p>Timestamps are in-commit ({@code commitInfo.timestamp}, written from the injected clock and kept strictly
     * increasing), not file modification times, because file times are lost when a table is copied or restored.
     * The commit file's modification time is also set to the same instant so that readers relying on file times
     * (Delta Kernel, Spark on tables without the inCommitTimestamp feature) agree while the files are unmoved.
     */
    public List<VersionInfo> history() {
        return log.history();
    }

    /**
     * Writes a checkpoint of the latest version now (normally done every N commits automatically), then removes the
     * log entries older than the table's {@code delta.logRetentionDuration} (default 30 days) that precede the newest
     * checkpoint older than that; versions before it can no longer be read (the error says so).
     */
    public void checkpoint() {
        try {
            TableState state = writableState(); // the checkpoint writer knows only the features this module writes
            log.writeCheckpoint(state);
            log.cleanUpExpiredLogs(state, options.clock().millis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot checkpoint table '" + name + "'", e);
        }
    }

    /**
     * Appends rows in one commit. The batch must have the table's columns with the same types (nullable columns may
     * be left out and read as null); columns the table lacks are refused.
     *
     * @throws IllegalArgumentException naming the column on a schema mismatch; the table is unchanged
     */
    public CommitResult append(ColumnBatch batch) {
        TableState base = writableState();
        Schema schema = SchemaJson.fromJson(base.metadata().schemaString());
        ColumnBatch data = conform(batch, schema);
        if (data.rowCount() == 0) {
            return new CommitResult(base.version(), false, 0, 0, 0, 0);
        }
        List<Action.AddFile> adds = writeFiles(data, schema, base.metadata().partitionColumns());
        long rows = data.rowCount();
        CommitIntent intent = new CommitIntent("WRITE", Map.of("mode", "Append"),
                Map.of("numFiles", String.valueOf(adds.size()), "numOutputRows", String.valueOf(rows),
                        "numOutputBytes", String.valueOf(bytes(adds))), true, false, null, Set.of(), false, false);
        long v = commitOrCleanUp(base, new ArrayList<>(adds), intent, adds);
        return new CommitResult(v, true, adds.size(), 0, rows, 0);
    }

    /** Replaces every row with the batch's rows in one commit (older versions stay readable until vacuum). */
    public CommitResult overwrite(ColumnBatch batch) {
        TableState base = writableState();
        refuseIfAppendOnly(base, "overwrite");
        Schema schema = SchemaJson.fromJson(base.metadata().schemaString());
        ColumnBatch data = conform(batch, schema);
        List<Action.AddFile> adds = data.rowCount() == 0 ? List.of() : writeFiles(data, schema, base.metadata().partitionColumns());
        long now = options.clock().millis();
        List<Action> actions = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        long removedRows = 0;
        for (Action.AddFile f : base.files().values()) {
            actions.add(remove(f, now));
            removed.add(f.key());
            var st = Scans.parseStats(f.stats());
            removedRows += st == null ? 0 : st.numRecords();
        }
        actions.addAll(adds);
        CommitIntent intent = new CommitIntent("WRITE", Map.of("mode", "Overwrite"),
                Map.of("numFiles", String.valueOf(adds.size()), "numOutputRows", String.valueOf(data.rowCount()),
                        "numRemovedFiles", String.valueOf(removed.size())), false, true, null, removed, false, false);
        long v = commitOrCleanUp(base, actions, intent, adds);
        return new CommitResult(v, true, adds.size(), removed.size(), data.rowCount(), removedRows);
    }

    /**
     * Deletes the rows matching a predicate in one commit: files with no matching row are untouched (most are
     * skipped by partition values and statistics without being read), files with some are rewritten without them.
     *
     * @return the result; {@code committed} is false when no row matched
     */
    public CommitResult delete(Predicate predicate) {
        return rewrite(predicate, "DELETE", Map.of("predicate", String.valueOf(predicate)));
    }

    private CommitResult rewrite(Predicate predicate, String operation, Map<String, String> params) {
        TableState base = writableState();
        refuseIfAppendOnly(base, operation.toLowerCase(java.util.Locale.ROOT));
        Snapshot snap = new Snapshot(name, path, options.store(), base);
        Schema schema = snap.schema();
        predicate.validate(schema);
        FileRewriter.Plan plan = rewriter.plan(base, schema, snap.partitionColumns(), snap.dataFiles(predicate),
                FileRewriter.of(predicate), options.clock().millis());
        if (plan.removedKeys().isEmpty()) {
            return new CommitResult(base.version(), false, 0, 0, 0, 0);
        }
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("numRemovedFiles", String.valueOf(plan.removedKeys().size()));
        metrics.put("numAddedFiles", String.valueOf(plan.newFiles().size()));
        metrics.put("numDeletedRows", String.valueOf(plan.removedRows()));
        metrics.put("numCopiedRows", String.valueOf(plan.keptRows()));
        CommitIntent intent = new CommitIntent(operation, params, metrics, false, true, predicate, plan.removedKeys(), false, false);
        long v = commitOrCleanUp(base, plan.actions(), intent, plan.newFiles());
        return new CommitResult(v, true, plan.newFiles().size(), plan.removedKeys().size(), plan.keptRows(), plan.removedRows());
    }

    /**
     * Appends rows, replacing in the same commit every stored row that has the same key (the values of
     * {@code keyColumns}): a MERGE-free upsert, so re-importing or re-sending rows never duplicates them. Within the
     * batch the last row of a repeated key wins. Stored files that may hold a key are found by partition values and
     * statistics, and only those holding one are rewritten (copy-on-write, as {@link #delete}).
     *
     * <p>The commit records operation {@code UPSERT}; a concurrent commit adding rows that may share a key makes
     * the attempt conflict, and the upsert is then recomputed on the new version (a few times at most).
     *
     * @param keyColumns one or more distinct columns, none null in the batch
     * @return the result: {@code rowsWritten} rows of the batch, {@code rowsRemoved} stored rows replaced
     * @throws IllegalArgumentException on a schema mismatch or a bad key column; the table is unchanged
     * @throws LakehouseException       when rows would be replaced in a {@code delta.appendOnly} table
     */
    public CommitResult upsert(ColumnBatch batch, List<String> keyColumns) {
        for (int attempt = 0; ; attempt++) {
            try {
                return upsertOnce(batch, keyColumns);
            } catch (CommitConflictException e) {
                if (attempt >= MAX_RECOMPUTE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private CommitResult upsertOnce(ColumnBatch batch, List<String> keyColumns) {
        TableState base = writableState();
        Snapshot snap = new Snapshot(name, path, options.store(), base);
        Schema schema = snap.schema();
        List<String> parts = snap.partitionColumns();
        ColumnBatch data = conform(batch, schema);
        UpsertKeys keys = UpsertKeys.of(data, schema, parts, keyColumns, name);
        if (data.rowCount() == 0) {
            return new CommitResult(base.version(), false, 0, 0, 0, 0);
        }
        List<DataFile> candidates = snap.dataFiles(keys.pruning());
        FileRewriter.Plan plan = rewriter.plan(base, schema, parts, candidates, keys::matches, options.clock().millis());
        if (!plan.removedKeys().isEmpty() && ProtocolSupport.isAppendOnly(base.metadata())) {
            LakehouseException refused = new LakehouseException("table '" + name + "' is append-only (delta.appendOnly=true); "
                    + "an upsert replacing " + plan.removedRows() + " stored row(s) is not allowed");
            writer.deleteQuietly(plan.newFiles(), refused);
            throw refused;
        }
        List<Action.AddFile> adds;
        try {
            adds = writeFiles(keys.rows(), schema, parts);
        } catch (RuntimeException e) {
            writer.deleteQuietly(plan.newFiles(), e);
            throw e;
        }
        List<Action> actions = new ArrayList<>(plan.actions());
        actions.addAll(adds);
        List<Action.AddFile> written = new ArrayList<>(plan.newFiles());
        written.addAll(adds);
        Map<String, String> metrics = new LinkedHashMap<>();
        metrics.put("numOutputRows", String.valueOf(keys.rows().rowCount()));
        metrics.put("numReplacedRows", String.valueOf(plan.removedRows()));
        metrics.put("numCopiedRows", String.valueOf(plan.keptRows()));
        metrics.put("numRemovedFiles", String.valueOf(plan.removedKeys().size()));
        metrics.put("numAddedFiles", String.valueOf(written.size()));
        CommitIntent intent = new CommitIntent("UPSERT", Map.of("keyColumns", String.join(",", keyColumns)), metrics,
                false, true, keys.pruning(), plan.removedKeys(), false, false);
        long v = commitOrCleanUp(base, actions, intent, written);
        return new CommitResult(v, true, written.size(), plan.removedKeys().size(), keys.rows().rowCount(), plan.removedRows());
    }

    /**
     * Compacts small files ({@code OPTIMIZE}, bin-packing) in one commit that changes no row: files smaller than
     * {@code targetFileBytes} in each partition are rewritten into files of about that size, as Delta's
     * {@code dataChange: false} removes and adds, readable by any Delta reader. Time travel to earlier versions is
     * unaffected until vacuum deletes the replaced files.
     *
     * <p>Never fails because of concurrent writers: appends do not conflict with it, and an attempt that loses to a
     * delete, upsert or erasure of one of its files is replanned, then skipped ({@link OptimizeResult#committed()}
     * false).
     *
     * @param targetFileBytes target size of a compacted file, bytes (> 0)
     * @param partitionFilter predicate over partition columns selecting the partitions to compact, or null for all
     * @throws IllegalArgumentException when the target is not positive or the filter names a non-partition column
     */
    public OptimizeResult optimize(long targetFileBytes, Predicate partitionFilter) {
        writableState(); // refuses tables this module cannot write before any file is read
        return new Compaction(log, committer, writer, options.store(), path, options.clock(), name)
                .run(targetFileBytes, partitionFilter);
    }

    /**
     * Sets table properties ({@code metaData.configuration}) in one {@code SET TBLPROPERTIES} commit; other
     * properties are kept. Used, for example, to lift {@code delta.appendOnly} from a table that now takes upserts.
     *
     * @param properties keys and values, none null or blank
     * @return the result; {@code committed} is false when every property already had the value
     */
    public CommitResult setProperties(Map<String, String> properties) {
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getKey() == null || e.getKey().isBlank() || e.getValue() == null) {
                throw new IllegalArgumentException("table property " + e.getKey() + "=" + e.getValue() + " of table '" + name
                        + "' needs a non-blank key and a non-null value");
            }
        }
        TableState base = writableState();
        Action.Metadata m = base.metadata();
        Map<String, String> config = new LinkedHashMap<>(m.configuration());
        config.putAll(properties);
        if (config.equals(m.configuration())) {
            return new CommitResult(base.version(), false, 0, 0, 0, 0);
        }
        Action.Metadata next = new Action.Metadata(m.id(), m.name(), m.description(), m.formatProvider(), m.schemaString(),
                m.partitionColumns(), config, m.createdTime());
        CommitIntent intent = new CommitIntent("SET TBLPROPERTIES", Map.of("properties", new java.util.TreeMap<>(properties).toString()),
                Map.of(), false, false, null, Set.of(), true, false);
        return new CommitResult(committer.commit(base, List.of(next), intent), true, 0, 0, 0, 0);
    }

    /**
     * Adds nullable columns at the end of the schema in one commit (existing files read them as null).
     *
     * @throws IllegalArgumentException when a column is not nullable or its name is taken
     */
    public CommitResult addColumns(Field... fields) {
        TableState base = writableState();
        Schema schema = SchemaJson.fromJson(base.metadata().schemaString());
        List<Field> all = new ArrayList<>(schema.fields());
        for (Field f : fields) {
            if (!f.nullable()) {
                throw new IllegalArgumentException("column '" + f.name() + "' added to table '" + name
                        + "' must be nullable: existing rows have no value for it");
            }
            refuseUnwritableType(f);
            all.add(f);
        }
        Schema evolved = new Schema(all);
        Action.Metadata m = base.metadata();
        Action.Metadata next = new Action.Metadata(m.id(), m.name(), m.description(), m.formatProvider(),
                SchemaJson.toJson(evolved), m.partitionColumns(), m.configuration(), m.createdTime());
        List<String> added = new ArrayList<>();
        for (Field f : fields) {
            added.add(f.name() + " " + f.type().deltaName());
        }
        CommitIntent intent = new CommitIntent("ADD COLUMNS", Map.of("columns", String.join(", ", added)), Map.of(),
                false, false, null, Set.of(), true, false);
        long v = committer.commit(base, List.of(next), intent);
        return new CommitResult(v, true, 0, 0, 0, 0);
    }

    /**
     * Deletes from storage the data files no version within the retention period needs: files removed from the
     * table more than {@code retention} ago, and files no commit references that are older than {@code retention}
     * (left by failed writes). Versions that referenced deleted files can no longer be read
     * ({@link DataFileMissingException}). The log itself is kept, so history still lists them.
     *
     * <p>The retention may not be shorter than the table's {@code delta.deletedFileRetentionDuration} (default 7
     * days), which protects running reads, writes and time travel; see {@link #vacuum(Duration, boolean)} to force it.
     *
     * @throws IllegalArgumentException when the retention is negative or shorter than the table's
     */
    public VacuumResult vacuum(Duration retention) {
        return vacuum(retention, false);
    }

    /** Vacuums with the table's own {@code delta.deletedFileRetentionDuration} (default 7 days) as the retention. */
    public VacuumResult vacuum() {
        return vacuum(TableRetention.deletedFileRetention(log.load().metadata()), false);
    }

    /**
     * As {@link #vacuum(Duration)}; with {@code force}, a retention shorter than the table's
     * {@code delta.deletedFileRetentionDuration} is accepted (as Delta's
     * {@code retentionDurationCheck.enabled=false}): readers and writers still using a removed file then fail.
     */
    public VacuumResult vacuum(Duration retention, boolean force) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("vacuum retention " + retention + " of table '" + name + "' must be >= 0");
        }
        // Only tables this module writes: it knows every file such a table keeps (a deletion-vector file of a newer
        // writer's table, for one, is no data file and must not be taken for an orphan).
        TableState state = writableState();
        Duration minimum = TableRetention.deletedFileRetention(state.metadata());
        if (!force && retention.compareTo(minimum) < 0) {
            throw new IllegalArgumentException("vacuum retention " + retention + " of table '" + name + "' is shorter than"
                    + " the table's " + TableRetention.DELETED_FILE_RETENTION + " (" + minimum + "); running reads, writes"
                    + " and time travel within that period would fail. Use a retention >= " + minimum
                    + ", lower the table property, or force the vacuum explicitly");
        }
        return Vacuum.run(options.store(), path, name, state, options.clock().millis() - retention.toMillis());
    }

    /**
     * Erases a data subject (RGPD): removes every row whose {@code column} equals {@code subject} from the latest
     * version in one {@code ERASE} commit, then deletes from storage, immediately and regardless of any vacuum
     * retention, every data file of any version that holds such a row. Older versions that referenced those files
     * become unreadable by design ({@link DataFileMissingException}); versions that never held the subject stay
     * readable.
     *
     * <p>The {@code ERASE} commit is the audit record: its {@code commitInfo} holds the column, the SHA-256 of the
     * subject value (never the value itself) and row/file counts. Re-running an erasure is harmless and also
     * purges files a crashed earlier run left behind.
     */
    public ErasureResult erase(String column, Object subject) {
        TableState base = writableState();
        Schema schema = SchemaJson.fromJson(base.metadata().schemaString());
        Field f = schema.field(column);
        Predicate predicate = Predicate.eq(column, subject);
        predicate.validate(schema);
        String subjectString = PartitionValues.encode(ColumnVector.of(f.type(), subject), 0);
        String sha = sha256(subjectString);
        CommitResult r = null;
        for (int attempt = 0; ; attempt++) {
            try {
                r = rewrite(predicate, "ERASE", Map.of("column", column, "subjectSha256", sha));
                break;
            } catch (CommitConflictException e) {
                if (attempt >= MAX_RECOMPUTE_ATTEMPTS) {
                    throw e;
                }
            }
        }
        List<Path> purged = purge(schema, base.metadata().partitionColumns(), predicate, column, subjectString);
        return new ErasureResult(r.version(), sha, r.rowsRemoved(), r.removedFiles(), purged);
    }

    private List<Path> purge(Schema schema, List<String> parts, Predicate predicate, String column, String subjectString) {
        TableState now = log.load();
        Set<Path> live = new HashSet<>();
        for (Action.AddFile a : now.files().values()) {
            live.add(FilePaths.resolve(path, a.path()).normalize());
        }
        List<Path> purged = new ArrayList<>();
        DataFileReader reader = new DataFileReader(options.store());
        for (Action.AddFile a : log.allAddsEverWritten().values()) {
            Path p = FilePaths.resolve(path, a.path()).normalize();
            try {
                if (live.contains(p) || !options.store().exists(p)) {
                    continue;
                }
                boolean holds;
                if (parts.contains(column)) {
                    holds = subjectString.equals(a.partitionValues().get(column));
                } else {
                    Map<String, Object> pv = Scans.typedPartitionValues(schema, parts, a.partitionValues());
                    holds = predicate.mightMatch(schema, pv, Scans.parseStats(a.stats()));
                    if (holds) {
                        ColumnBatch b = reader.read(p, new Schema(List.of(schema.field(column))));
                        holds = false;
                        for (boolean m : predicate.evaluate(b)) {
                            holds |= m;
                        }
                    }
                }
                if (holds && options.store().delete(p)) {
                    purged.add(p);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("erasure in table '" + name + "' cannot purge " + p, e);
            }
        }
        return purged;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    // ---- helpers ----

    private TableState writableState() {
        TableState s = log.load();
        ProtocolSupport.checkWritable(s.protocol(), s.metadata(), name);
        for (Field f : SchemaJson.fromJson(s.metadata().schemaString()).fields()) {
            refuseUnwritableType(f);
        }
        return s;
    }

    private void refuseIfAppendOnly(TableState s, String what) {
        if (ProtocolSupport.isAppendOnly(s.metadata())) {
            throw new LakehouseException("table '" + name + "' is append-only (delta.appendOnly=true); " + what + " is not allowed");
        }
    }

    static void refuseUnwritableType(Field f) {
        if (f.type() == DataType.DECIMAL) {
            throw new UnsupportedFeatureException("decimal writing", "column '" + f.name()
                    + "' has a decimal type, which this module reads but does not write; tables with decimal columns are read only here");
        }
        if (f.type() == DataType.TIMESTAMP_NTZ) {
            throw new UnsupportedFeatureException("timestampNtz", "column '" + f.name()
                    + "' has type timestamp_ntz, which needs writer version 7; use timestamp (UTC) instead");
        }
    }

    private long commitOrCleanUp(TableState base, List<Action> actions, CommitIntent intent, List<Action.AddFile> written) {
        try {
            return committer.commit(base, actions, intent);
        } catch (RuntimeException e) {
            writer.deleteQuietly(written, e);
            throw e;
        }
    }

    private static Action.RemoveFile remove(Action.AddFile f, long now) {
        return new Action.RemoveFile(f.path(), now, true, f.partitionValues(), f.size(), null);
    }

    private static long bytes(List<Action.AddFile> adds) {
        long n = 0;
        for (Action.AddFile a : adds) {
            n += a.size();
        }
        return n;
    }

    private ColumnBatch conform(ColumnBatch batch, Schema schema) {
        for (Field bf : batch.schema().fields()) {
            if (schema.indexOf(bf.name()) < 0) {
                throw new IllegalArgumentException("column '" + bf.name() + "' is not in table '" + name + "' (columns "
                        + schema.names() + "); add it with addColumns first");
            }
        }
        List<ColumnVector> cols = new ArrayList<>(schema.size());
        for (Field f : schema.fields()) {
            int i = batch.schema().indexOf(f.name());
            if (i < 0) {
                if (!f.nullable()) {
                    throw new IllegalArgumentException("column '" + f.name() + "' of table '" + name + "' is required but missing from the batch");
                }
                cols.add(ColumnVector.nulls(f.type(), batch.rowCount()));
                continue;
            }
            ColumnVector v = batch.column(i);
            if (v.type() != f.type()) {
                throw new IllegalArgumentException("column '" + f.name() + "' of table '" + name + "' has type "
                        + f.type().deltaName() + " but the batch gives " + v.type().deltaName());
            }
            if (!f.nullable() && v.hasNulls()) {
                throw new IllegalArgumentException("column '" + f.name() + "' of table '" + name + "' is not nullable but the batch has nulls");
            }
            cols.add(v);
        }
        return new ColumnBatch(schema, cols);
    }

    private List<Action.AddFile> writeFiles(ColumnBatch data, Schema schema, List<String> partitionColumns) {
        return writer.write(data, schema, partitionColumns, true);
    }

    /** Creates the table (version 0); used by {@link Lakehouse#createTable}. */
    static void create(DeltaTable t, Schema schema, List<String> partitionColumns, Map<String, String> properties, long nowMillis) {
        for (Field f : schema.fields()) {
            refuseUnwritableType(f);
        }
        for (String c : partitionColumns) {
            schema.field(c);
        }
        if (new HashSet<>(partitionColumns).size() != partitionColumns.size()) {
            throw new IllegalArgumentException("partition columns " + partitionColumns + " of table '" + t.name + "' repeat a column");
        }
        if (partitionColumns.size() >= schema.size()) {
            throw new IllegalArgumentException("table '" + t.name + "' needs at least one column that is not a partition column");
        }
        Action.Metadata m = new Action.Metadata(UUID.randomUUID().toString(), null, null, "parquet", SchemaJson.toJson(schema),
                partitionColumns, properties, nowMillis);
        CommitIntent intent = new CommitIntent("CREATE TABLE", Map.of("partitionBy", partitionColumns.toString()), Map.of(),
                false, false, null, Set.of(), true, true);
        t.committer.commit(null, List.of(ProtocolSupport.WRITE_PROTOCOL, m), intent);
    }

    /** Returns the log (for the owning {@link Lakehouse}). */
    DeltaLog log() {
        return log;
    }

    /** Returns the store. */
    LogStore store() {
        return options.store();
    }
}

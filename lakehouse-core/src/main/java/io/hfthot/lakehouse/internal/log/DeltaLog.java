package io.hfthot.lakehouse.internal.log;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.TableNotFoundException;
import io.hfthot.lakehouse.UnsupportedFeatureException;
import io.hfthot.lakehouse.VersionInfo;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.actions.ActionJson;
import io.hfthot.lakehouse.internal.parquet.CheckpointFiles;
import io.hfthot.lakehouse.storage.FileEntry;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One table's {@code _delta_log}: lists commits and checkpoints, replays them into {@link TableState} by the
 * protocol's rules, writes checkpoints and {@code _last_checkpoint}, and derives history.
 *
 * <p>Replay starts from the newest complete checkpoint at or before the target version (the
 * {@code _last_checkpoint} hint is used when it is valid, and a missing or corrupt hint falls back to listing; a
 * checkpoint that cannot be read falls back to an older one or to version 0), then applies the following commits in
 * order: the latest protocol and metadata win, and files are keyed by path plus deletion-vector id ({@link
 * StateBuilder}). The latest state loaded is kept ({@link KeptState}) and later loads apply only the newer commits
 * to it, so a log shared by a table's readers and writers does not replay the checkpoint again.
 *
 * <p>Why it is longer than 400 lines: listing, replay, checkpoint writing, log cleanup and history all read the same
 * parsed listing ({@code Listing}) and its completeness rules; they are kept in one place so those rules cannot
 * drift apart.
 */
public final class DeltaLog {
    private static final Logger LOG = LoggerFactory.getLogger(DeltaLog.class);
    private static final Pattern COMMIT = Pattern.compile("(\\d{20})\\.json");
    private static final Pattern CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint(?:\\.(\\d{10})\\.(\\d{10}))?\\.parquet");
    private static final Pattern EXPIRABLE = Pattern.compile("(\\d{20})\\.(?:json|crc|checkpoint(?:\\.\\d{10}\\.\\d{10})?\\.parquet)");
    private static final Pattern V2_CHECKPOINT = Pattern.compile("(\\d{20})\\.checkpoint\\.[0-9a-fA-F-]{36}\\.(?:json|parquet)");

    private final LogStore store;
    private final Path tableRoot;
    private final Path logDir;
    private final String tableName;
    /** The newest full state loaded (tombstones included), which later loads refresh. */
    private final KeptState kept = new KeptState(this);

    /**
     * Creates a log view. One instance per table should be shared by its readers and writers (as {@code Lakehouse}
     * does): it keeps the newest state it loaded and brings it up to date by applying only the newer commits.
     *
     * @param tableName name used in error messages
     */
    public DeltaLog(LogStore store, Path tableRoot, String tableName) {
        this.store = store;
        this.tableRoot = tableRoot.toAbsolutePath().normalize();
        this.logDir = this.tableRoot.resolve("_delta_log");
        this.tableName = tableName;
    }

    /** Returns the table root. */
    public Path tableRoot() {
        return tableRoot;
    }

    /** Returns the table name used in messages. */
    public String tableName() {
        return tableName;
    }

    /** Returns the store. */
    public LogStore store() {
        return store;
    }

    /** Returns the path of a commit file. */
    public Path commitPath(long version) {
        return logDir.resolve(String.format("%020d.json", version));
    }

    /** A listing of the log directory, parsed. */
    record Listing(TreeMap<Long, FileEntry> commits, TreeMap<Long, List<FileEntry>> checkpoints, TreeMap<Long, Integer> checkpointParts,
                   TreeMap<Long, FileEntry> v2Checkpoints) {
    }

    /** Lists the whole log directory. */
    Listing list() {
        try {
            return parse(store.list(logDir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Delta log of table '" + tableName + "' at " + logDir, e);
        }
    }

    /**
     * Lists the log entries of versions {@code fromVersion} and later only (Delta Kernel's {@code listFrom}): every
     * versioned name starts with the 20-digit version, so they sort at or after that version's prefix.
     */
    Listing list(long fromVersion) {
        try {
            return parse(store.listFrom(logDir, String.format("%020d", fromVersion)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the Delta log of table '" + tableName + "' at " + logDir, e);
        }
    }

    private static Listing parse(List<FileEntry> entries) {
        TreeMap<Long, FileEntry> commits = new TreeMap<>();
        TreeMap<Long, List<FileEntry>> cps = new TreeMap<>();
        TreeMap<Long, Integer> parts = new TreeMap<>();
        TreeMap<Long, FileEntry> v2 = new TreeMap<>();
        for (FileEntry e : entries) {
            String n = e.name();
            Matcher m = COMMIT.matcher(n);
            if (m.matches()) {
                commits.put(Long.parseLong(m.group(1)), e);
                continue;
            }
            m = CHECKPOINT.matcher(n);
            if (m.matches()) {
                long v = Long.parseLong(m.group(1));
                cps.computeIfAbsent(v, k -> new ArrayList<>()).add(e);
                parts.put(v, m.group(3) == null ? 1 : Integer.parseInt(m.group(3)));
                continue;
            }
            m = V2_CHECKPOINT.matcher(n);
            if (m.matches()) {
                v2.putIfAbsent(Long.parseLong(m.group(1)), e);
            }
        }
        return new Listing(commits, cps, parts, v2);
    }

    /** Returns whether the table has at least one commit or checkpoint. */
    public boolean exists() {
        if (kept.holdsCurrent()) {
            return true;
        }
        Listing l = recentListing();
        return !l.commits().isEmpty() || !l.checkpoints().isEmpty();
    }

    /**
     * The entries from the hinted checkpoint's version on, or the whole log when there is no hint or nothing at or
     * after it: enough to know the latest version, which is at or after any checkpoint.
     */
    private Listing recentListing() {
        Long hinted = lastCheckpointHint();
        if (hinted != null && hinted >= 0) {
            Listing recent = list(hinted);
            if (!recent.commits().isEmpty() || !recent.checkpoints().isEmpty()) {
                return recent;
            }
        }
        return list();
    }

    /**
     * Returns the latest version.
     *
     * @throws TableNotFoundException when the table has no log
     */
    public long latestVersion() {
        Listing l = recentListing();
        return latest(l);
    }

    private long latest(Listing l) {
        long v = -1;
        if (!l.commits().isEmpty()) {
            v = l.commits().lastKey();
        }
        if (!l.checkpoints().isEmpty()) {
            v = Math.max(v, l.checkpoints().lastKey());
        }
        if (v < 0) {
            throw new TableNotFoundException("table '" + tableName + "' does not exist (no Delta log at " + logDir + ")");
        }
        return v;
    }

    /** Loads the latest state. */
    public TableState load() {
        return load(null);
    }

    /**
     * Loads the state at a version (latest when null) and checks that it can be read.
     *
     * @throws TableNotFoundException       when the table or the version does not exist
     * @throws UnsupportedFeatureException when the table needs a feature this module lacks
     */
    public TableState load(Long version) {
        return load(version, true);
    }

    /**
     * As {@link #load(Long)} for reading live files only. The latest version, and any version at or after the
     * newest state this log holds, come from that state refreshed (tombstones included, since the state is kept);
     * an older version (time travel) is replayed without reading the tombstones stored in its checkpoint (the
     * state's {@code tombstones} then hold only those of the commits after it). Never write a checkpoint or vacuum
     * from such an older state.
     */
    public TableState loadForRead(Long version) {
        return load(version, false);
    }

    private TableState load(Long version, boolean withTombstones) {
        TableState refreshed = kept.refresh(version);
        if (refreshed != null) {
            return refreshed;
        }
        TableState s = replay(version, withTombstones || version == null);
        if (version == null) {
            kept.keep(s);
        }
        return s;
    }

    /** Replays a version from the newest usable checkpoint at or before it (see the class comment). */
    private TableState replay(Long version, boolean withTombstones) {
        Long hinted = lastCheckpointHint();
        if (hinted != null && hinted >= 0 && (version == null || version >= hinted)) {
            // Listing from the hinted checkpoint on keeps a snapshot's cost independent of how many commits the
            // table has ever had (a server appending every minute has tens of thousands); the whole log is listed
            // only when the hint is missing, stale, or its checkpoint cannot be read.
            Listing recent = list(hinted);
            if (complete(recent, hinted)) {
                TableState s = load(recent, version, hinted, false, withTombstones);
                if (s != null) {
                    return s;
                }
            }
        }
        return load(list(), version, hinted, true, withTombstones);
    }

    /**
     * Loads from a listing; with a partial listing ({@code wholeLog} false), returns null instead of replaying from
     * version 0 when no listed checkpoint can be read.
     */
    private TableState load(Listing l, Long version, Long hinted, boolean wholeLog, boolean withTombstones) {
        long latest = latest(l);
        long target = version == null ? latest : version;
        if (target < 0 || target > latest) {
            throw new TableNotFoundException("version " + target + " of table '" + tableName + "' does not exist; versions are 0 to " + latest);
        }
        if (wholeLog && !l.commits().containsKey(0L)) {
            Long earliest = null;
            for (Long v : l.checkpoints().keySet()) {
                if (complete(l, v)) {
                    earliest = v;
                    break;
                }
            }
            if (earliest != null && target < earliest) {
                throw new TableNotFoundException("version " + target + " of table '" + tableName + "' is no longer available:"
                        + " the log entries before version " + earliest + " were removed once older than the table's log"
                        + " retention (" + TableRetention.LOG_RETENTION + ", default 30 days); the earliest version that can"
                        + " be read is " + earliest);
            }
        }
        List<Long> candidates = new ArrayList<>();
        if (hinted != null && hinted <= target && complete(l, hinted)) {
            candidates.add(hinted);
        }
        java.util.TreeSet<Long> all = new java.util.TreeSet<>(l.checkpoints().keySet());
        all.addAll(l.v2Checkpoints().keySet());
        for (Long v : all.descendingSet()) {
            if (v <= target && complete(l, v) && !candidates.contains(v)) {
                candidates.add(v);
            }
        }
        if (wholeLog) {
            candidates.add(-1L);
        }
        LakehouseException last = null;
        for (long cp : candidates) {
            try {
                TableState s = replay(l, cp, target, withTombstones);
                ProtocolSupport.checkReadable(s.protocol(), s.metadata(), tableName);
                return s;
            } catch (UnsupportedFeatureException | TableNotFoundException e) {
                throw e;
            } catch (LakehouseException e) {
                LOG.warn("table '{}': cannot replay from checkpoint {}: {}", tableName, cp, e.getMessage());
                last = e;
            }
        }
        if (!wholeLog) {
            return null;
        }
        throw last;
    }

    private static boolean complete(Listing l, long v) {
        List<FileEntry> files = l.checkpoints().get(v);
        return files != null && files.size() == l.checkpointParts().get(v) || l.v2Checkpoints().containsKey(v);
    }

    /** Reads the {@code _last_checkpoint} hint; null when missing or unreadable (readers then list). */
    Long lastCheckpointHint() {
        try {
            JsonNode n = ActionJson.MAPPER.readTree(store.read(logDir.resolve("_last_checkpoint")));
            return n != null && n.has("version") && n.get("version").canConvertToLong() ? n.get("version").asLong() : null;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException | RuntimeException e) {
            LOG.warn("table '{}': ignoring unreadable _last_checkpoint: {}", tableName, e.getMessage());
            return null;
        }
    }

    private TableState replay(Listing l, long checkpoint, long target, boolean withTombstones) {
        StateBuilder state = StateBuilder.empty();
        if (checkpoint >= 0) {
            for (List<Action> actions : checkpointActions(l, checkpoint, withTombstones)) {
                state.applyCheckpoint(actions);
            }
            if (!state.hasProtocolAndMetadata()) {
                throw new LakehouseException("checkpoint " + checkpoint + " of table '" + tableName + "' lacks protocol or metadata");
            }
            FileEntry commit = l.commits().get(checkpoint);
            FileEntry cpFile = l.checkpoints().containsKey(checkpoint) ? l.checkpoints().get(checkpoint).get(0)
                    : l.v2Checkpoints().get(checkpoint);
            state.timestamp(commit == null ? cpFile.modificationTime() : commitTimestamp(checkpoint, commit));
        }
        for (long v = checkpoint + 1; v <= target; v++) {
            FileEntry commit = l.commits().get(v);
            if (commit == null) {
                throw new LakehouseException("the Delta log of table '" + tableName + "' is missing commit " + v
                        + (checkpoint < 0 ? " and no usable checkpoint covers it" : ""));
            }
            state.applyCommit(readCommit(v), commit.modificationTime());
        }
        return state.build(target, tableName);
    }

    /** The actions of a checkpoint, per file: the parts of a classic checkpoint, or a V2 checkpoint with its sidecars. */
    private List<List<Action>> checkpointActions(Listing l, long checkpoint, boolean withRemoves) {
        List<List<Action>> out = new ArrayList<>();
        Path current = null;
        try {
            if (l.checkpoints().containsKey(checkpoint) && l.checkpoints().get(checkpoint).size() == l.checkpointParts().get(checkpoint)) {
                CheckpointFiles cf = new CheckpointFiles(store);
                for (FileEntry part : l.checkpoints().get(checkpoint)) {
                    current = part.path();
                    out.add(cf.read(current, withRemoves));
                }
            } else {
                current = l.v2Checkpoints().get(checkpoint).path();
                out.add(new V2Checkpoint(store, logDir).read(current));
            }
        } catch (IOException e) {
            throw new LakehouseException("checkpoint " + current + " is not readable: " + e.getMessage(), e);
        }
        return out;
    }

    private long commitTimestamp(long version, FileEntry commit) {
        for (Action a : readCommit(version)) {
            if (a instanceof Action.CommitInfo ci && ci.timestamp() > 0) {
                return ci.timestamp();
            }
        }
        return commit.modificationTime();
    }

    /**
     * Deletes the log entries (commits, checkpoints, checksum files) that are older than the table's log retention
     * and that no retained version needs: everything before the newest complete checkpoint that is itself older than
     * the retention, so every version from that checkpoint on can still be read. Does nothing when the table sets
     * {@code delta.enableExpiredLogCleanup=false}. Age is the commit file's modification time, which this module sets
     * to the commit timestamp, as Delta's own cleanup does.
     *
     * @param state     the latest state (for its properties)
     * @param nowMillis the current time
     * @return the number of files deleted
     */
    public int cleanUpExpiredLogs(TableState state, long nowMillis) throws IOException {
        if (!TableRetention.logCleanupEnabled(state.metadata())) {
            return 0;
        }
        long cutoff = nowMillis - TableRetention.logRetention(state.metadata()).toMillis();
        Listing l = list();
        long keepFrom = -1;
        for (Long v : l.checkpoints().keySet()) {
            FileEntry commit = l.commits().get(v);
            long time = commit != null ? commit.modificationTime() : l.checkpoints().get(v).get(0).modificationTime();
            if (complete(l, v) && time <= cutoff) {
                keepFrom = v;
            }
        }
        if (keepFrom <= 0) {
            return 0;
        }
        int deleted = 0;
        for (FileEntry e : store.list(logDir)) {
            Matcher m = EXPIRABLE.matcher(e.name());
            // Versions before keepFrom were committed before it, hence before the cutoff (commit times increase);
            // checkpoint files carry the time they were written, not their version's, so they are judged by version.
            if (m.matches() && Long.parseLong(m.group(1)) < keepFrom && store.delete(e.path())) {
                deleted++;
            }
        }
        if (deleted > 0) {
            LOG.info("table '{}': removed {} log files before version {} (older than {})", tableName, deleted, keepFrom,
                    TableRetention.logRetention(state.metadata()));
        }
        return deleted;
    }

    /**
     * Reads one commit's actions.
     *
     * @throws TableNotFoundException when the commit file does not exist
     */
    public List<Action> readCommit(long version) {
        Path p = commitPath(version);
        try {
            return ActionJson.parse(store.read(p), p.toString());
        } catch (NoSuchFileException e) {
            throw new TableNotFoundException("version " + version + " of table '" + tableName + "' does not exist");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /**
     * Returns every commit still in the log with its timestamp, operation, parameters and metrics.
     *
     * <p>The timestamp is {@code commitInfo.timestamp} (falling back to the file modification time for commits
     * without one), made strictly increasing as the protocol requires: a timestamp not above its predecessor's
     * becomes the predecessor's plus one millisecond.
     */
    public List<VersionInfo> history() {
        Listing l = list();
        latest(l);
        List<VersionInfo> out = new ArrayList<>();
        long prev = Long.MIN_VALUE;
        for (Map.Entry<Long, FileEntry> e : l.commits().entrySet()) {
            long ts = e.getValue().modificationTime();
            String op = "UNKNOWN";
            Map<String, String> params = Map.of();
            Map<String, String> metrics = Map.of();
            for (Action a : readCommit(e.getKey())) {
                if (a instanceof Action.CommitInfo ci) {
                    if (ci.timestamp() > 0) {
                        ts = ci.timestamp();
                    }
                    op = ci.operation();
                    params = ci.operationParameters();
                    metrics = ci.operationMetrics();
                    break;
                }
            }
            if (prev != Long.MIN_VALUE && ts <= prev) {
                ts = prev + 1;
            }
            prev = ts;
            out.add(new VersionInfo(e.getKey(), Instant.ofEpochMilli(ts), op, params, metrics));
        }
        return out;
    }

    /**
     * Returns the latest version committed at or before an instant.
     *
     * @throws TableNotFoundException when the instant precedes the first commit
     */
    public long versionAt(Instant instant) {
        List<VersionInfo> h = history();
        long found = -1;
        for (VersionInfo v : h) {
            if (!v.timestamp().isAfter(instant)) {
                found = v.version();
            } else {
                break;
            }
        }
        if (found < 0) {
            throw new TableNotFoundException("table '" + tableName + "' has no version at or before " + instant
                    + "; its first retained commit is at " + (h.isEmpty() ? "(none)" : h.get(0).timestamp()));
        }
        return found;
    }

    /**
     * Writes a classic checkpoint of a state and then the {@code _last_checkpoint} hint.
     *
     * <p>The Parquet file is first written under a hidden temporary name, then published with put-if-absent, so
     * a crash never leaves a partial checkpoint under a checkpoint name.
     */
    public void writeCheckpoint(TableState state) throws IOException {
        Path target = logDir.resolve(String.format("%020d.checkpoint.parquet", state.version()));
        if (store.exists(target)) {
            return;
        }
        Path tmp = logDir.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            new CheckpointFiles(store).write(tmp, state.protocol(), state.metadata(), state.files().values(), state.tombstones().values());
            byte[] bytes = store.read(tmp);
            try {
                store.putIfAbsent(target, bytes);
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                return; // another writer checkpointed the same version
            }
            ObjectNode hint = ActionJson.MAPPER.createObjectNode();
            hint.put("version", state.version());
            hint.put("size", 2 + state.files().size() + state.tombstones().size());
            hint.put("sizeInBytes", bytes.length);
            hint.put("numOfAddFiles", state.files().size());
            store.overwrite(logDir.resolve("_last_checkpoint"), hint.toString().getBytes(StandardCharsets.UTF_8));
        } finally {
            store.delete(tmp);
        }
    }

    /** Returns every add action found in any commit or checkpoint still in the log, keyed by path (newest wins). */
    public Map<String, Action.AddFile> allAddsEverWritten() {
        Listing l = list();
        Map<String, Action.AddFile> out = new HashMap<>();
        if (!l.checkpoints().isEmpty()) {
            long first = l.checkpoints().firstKey();
            if (complete(l, first)) {
                try {
                    for (FileEntry part : l.checkpoints().get(first)) {
                        for (Action a : new CheckpointFiles(store).read(part.path())) {
                            if (a instanceof Action.AddFile add) {
                                out.put(add.path(), add);
                            }
                        }
                    }
                } catch (IOException | LakehouseException e) {
                    LOG.warn("table '{}': checkpoint {} unreadable while collecting files: {}", tableName, first, e.getMessage());
                }
            }
        }
        for (Long v : l.commits().keySet()) {
            for (Action a : readCommit(v)) {
                if (a instanceof Action.AddFile add) {
                    out.put(add.path(), add);
                }
            }
        }
        return out;
    }
}

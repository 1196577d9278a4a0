package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.DataFile;
import io.hfthot.lakehouse.Predicate;
import io.hfthot.lakehouse.Schema;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.log.TableState;
import io.hfthot.lakehouse.storage.LogStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copy-on-write removal of rows: each candidate file holding a matching row is removed and its other rows are
 * rewritten to a new file; files without a matching row are untouched. Shared by delete, erase and upsert.
 */
public final class FileRewriter {
    /** Decides, for every row of a file's batch, whether it goes. */
    @FunctionalInterface
    public interface RowMatcher {
        /** Returns one flag per row of {@code batch}: true removes the row. */
        boolean[] matches(ColumnBatch batch);
    }

    /**
     * The actions of a rewrite, not yet committed.
     *
     * @param actions     removes then adds, in commit order
     * @param newFiles    the files written (to delete when the commit does not land)
     * @param removedKeys replay keys of the removed files
     * @param removedRows rows dropped
     * @param keptRows    rows copied to new files
     */
    public record Plan(List<Action> actions, List<Action.AddFile> newFiles, Set<String> removedKeys, long removedRows, long keptRows) {
    }

    private final LogStore store;
    private final TableWriter writer;
    private final String tableName;
    private final java.nio.file.Path tablePath;

    /** Creates a rewriter for one table. */
    public FileRewriter(LogStore store, java.nio.file.Path tablePath, TableWriter writer, String tableName) {
        this.store = store;
        this.tablePath = tablePath;
        this.writer = writer;
        this.tableName = tableName;
    }

    /**
     * Plans the removal of the matching rows among {@code candidates} (files of {@code base}).
     *
     * @param now deletion timestamp of the removes
     */
    public Plan plan(TableState base, Schema schema, List<String> partitionColumns, List<DataFile> candidates,
                     RowMatcher matcher, long now) {
        Map<String, Action.AddFile> byPath = new HashMap<>();
        for (Action.AddFile a : base.files().values()) {
            byPath.put(a.path(), a);
        }
        List<Action> removes = new ArrayList<>();
        List<Action.AddFile> newFiles = new ArrayList<>();
        Set<String> removed = new HashSet<>();
        long removedRows = 0;
        long keptRows = 0;
        try {
            for (DataFile f : candidates) {
                ColumnBatch all = Scans.readFile(store, tablePath, f, schema, partitionColumns, schema, null,
                        "version " + base.version() + " of table '" + tableName + "'");
                boolean[] match = matcher.matches(all);
                int[] keep = new int[match.length];
                int k = 0;
                for (int i = 0; i < match.length; i++) {
                    if (!match[i]) {
                        keep[k++] = i;
                    }
                }
                if (k == match.length) {
                    continue;
                }
                Action.AddFile old = byPath.get(f.relativePath());
                removes.add(new Action.RemoveFile(old.path(), now, true, old.partitionValues(), old.size(), null));
                removed.add(old.key());
                removedRows += match.length - k;
                if (k > 0) {
                    keptRows += k;
                    newFiles.addAll(writer.write(all.select(keep, k), schema, partitionColumns, true));
                }
            }
        } catch (RuntimeException e) {
            writer.deleteQuietly(newFiles, e);
            throw e;
        }
        List<Action> actions = new ArrayList<>(removes);
        actions.addAll(newFiles);
        return new Plan(actions, newFiles, removed, removedRows, keptRows);
    }

    /** Returns a matcher selecting the rows a predicate selects. */
    public static RowMatcher of(Predicate predicate) {
        return predicate::evaluate;
    }
}

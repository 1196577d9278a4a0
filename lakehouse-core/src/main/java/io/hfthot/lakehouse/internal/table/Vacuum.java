package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.VacuumResult;
import io.hfthot.lakehouse.internal.actions.Action;
import io.hfthot.lakehouse.internal.log.TableState;
import io.hfthot.lakehouse.storage.FileEntry;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Deletes the data files of a table that its latest version does not reference and that were removed (or, for
 * files no commit references, written) at or before a cutoff. Hidden files and directories ({@code .x},
 * {@code _delta_log}, other {@code _x} that are not partition directories) are never touched.
 */
public final class Vacuum {
    private Vacuum() {
    }

    /**
     * Runs the deletion; the caller has checked the retention and that the table is one this module writes.
     *
     * @param cutoffMillis files removed at or before this instant go
     */
    public static VacuumResult run(LogStore store, Path tablePath, String tableName, TableState state, long cutoffMillis) {
        Set<Path> live = new HashSet<>();
        for (Action.AddFile a : state.files().values()) {
            live.add(FilePaths.resolve(tablePath, a.path()).normalize());
        }
        Map<Path, Long> removedAt = new HashMap<>();
        for (Action.RemoveFile r : state.tombstones().values()) {
            removedAt.put(FilePaths.resolve(tablePath, r.path()).normalize(), r.deletionTimestamp());
        }
        List<Path> deleted = new ArrayList<>();
        int kept = 0;
        for (FileEntry e : dataFilesOnDisk(store, tablePath, tableName)) {
            Path p = e.path().normalize();
            if (live.contains(p)) {
                kept++;
                continue;
            }
            long since = removedAt.getOrDefault(p, e.modificationTime());
            if (since <= cutoffMillis) {
                try {
                    if (store.delete(p)) {
                        deleted.add(p);
                    }
                } catch (IOException ex) {
                    throw new UncheckedIOException("vacuum of table '" + tableName + "' cannot delete " + p, ex);
                }
            } else {
                kept++;
            }
        }
        return new VacuumResult(deleted, kept);
    }

    private static List<FileEntry> dataFilesOnDisk(LogStore store, Path tablePath, String tableName) {
        List<FileEntry> out = new ArrayList<>();
        try {
            for (FileEntry e : store.listRecursively(tablePath)) {
                Path rel = tablePath.relativize(e.path());
                boolean hidden = false;
                for (Path seg : rel) {
                    String s = seg.toString();
                    if (s.startsWith(".") || s.startsWith("_") && !s.contains("=")) {
                        hidden = true;
                        break;
                    }
                }
                if (!hidden) {
                    out.add(e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list table '" + tableName + "'", e);
        }
        return out;
    }
}

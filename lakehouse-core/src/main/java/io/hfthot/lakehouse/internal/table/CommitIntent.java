package io.hfthot.lakehouse.internal.table;

import io.hfthot.lakehouse.Predicate;
import java.util.Map;
import java.util.Set;

/**
 * What a commit did and read, for the commit record and for conflict checks against concurrent winners.
 *
 * @param operation        operation name for {@code commitInfo}
 * @param parameters       operation parameters
 * @param metrics          operation metrics
 * @param blindAppend      true when the commit only adds files and read nothing
 * @param readsData        true when the commit's result depends on the rows it read (delete, overwrite, erase)
 * @param readPredicate    rows read, or null for the whole table (only meaningful when {@code readsData})
 * @param removedKeys      replay keys of the files the commit removes
 * @param changesMetadata  true when the commit writes protocol or metadata
 * @param create           true for the commit creating the table (version 0)
 */
public record CommitIntent(String operation, Map<String, String> parameters, Map<String, String> metrics,
                           boolean blindAppend, boolean readsData, Predicate readPredicate, Set<String> removedKeys,
                           boolean changesMetadata, boolean create) {
    /** Copies collections. */
    public CommitIntent {
        parameters = Map.copyOf(parameters);
        metrics = Map.copyOf(metrics);
        removedKeys = Set.copyOf(removedKeys);
    }
}

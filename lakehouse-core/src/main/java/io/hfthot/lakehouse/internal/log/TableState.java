package io.hfthot.lakehouse.internal.log;

import io.hfthot.lakehouse.internal.actions.Action;
import java.util.Collections;
import java.util.Map;

/**
 * The state of a table at one version after log replay.
 *
 * @param version        the version
 * @param timestampMillis the commit timestamp of that version (epoch millis)
 * @param protocol       latest protocol
 * @param metadata       latest metadata
 * @param files          live files keyed by path and deletion-vector id, in add order
 * @param tombstones     removed files not re-added, keyed likewise
 */
public record TableState(long version, long timestampMillis, Action.Protocol protocol, Action.Metadata metadata,
                         Map<String, Action.AddFile> files, Map<String, Action.RemoveFile> tombstones) {
    /**
     * Wraps the maps read-only without copying them: the caller hands them over and never changes them afterwards
     * (replay builds them once; an incremental refresh shares an unchanged tombstone map between states, which is
     * why it is not copied here).
     */
    public TableState {
        files = Collections.unmodifiableMap(files);
        tombstones = Collections.unmodifiableMap(tombstones);
    }
}

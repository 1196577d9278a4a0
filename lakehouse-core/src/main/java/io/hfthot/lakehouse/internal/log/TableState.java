package io.hfthot.lakehouse.internal.log;

import io.hfthot.lakehouse.internal.actions.Action;
import java.util.Collections;
import java.util.LinkedHashMap;
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
    /** Wraps the maps read-only (they are built once by replay). */
    public TableState {
        files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
        tombstones = Collections.unmodifiableMap(new LinkedHashMap<>(tombstones));
    }
}

package io.hfthot.lakehouse.internal.log;

import io.hfthot.lakehouse.LakehouseException;
import io.hfthot.lakehouse.UnsupportedFeatureException;
import io.hfthot.lakehouse.storage.FileEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The newest full state (tombstones included) a {@link DeltaLog} has loaded, brought up to date by applying only the
 * commits after it, as Spark's {@code DeltaLog.update} does: on a table compacted every few minutes, reloading the
 * checkpoint would read thousands of tombstones and up to a checkpoint interval of commits for every snapshot.
 *
 * <p>Newer commits are found by reading the next version's file until one is absent: versions are contiguous (each
 * is written with put-if-absent on top of the previous one), so no directory listing is needed. The kept state is
 * trusted only while its own commit file is unchanged (same size and modification time): a table deleted and
 * recreated, or log cleanup removing that commit, makes the log replay from a checkpoint again. Thread-safe.
 */
final class KeptState {
    private static final Logger LOG = LoggerFactory.getLogger(KeptState.class);

    /** A state and the listing entry of its commit file. */
    private record Loaded(TableState state, FileEntry commit) {
    }

    private final DeltaLog log;
    private final AtomicReference<Loaded> newest = new AtomicReference<>();

    KeptState(DeltaLog log) {
        this.log = log;
    }

    /** Whether a state is kept and its commit file is still the one it was built from. */
    boolean holdsCurrent() {
        Loaded known = newest.get();
        return known != null && stillCurrent(known);
    }

    /**
     * Returns the state of {@code version} (the latest when null) from the kept one, applying the commits after it.
     *
     * @return the state, or null when nothing usable is kept: no state, an older version asked for (time travel),
     *         the kept state no longer current, or a needed commit missing; the caller then replays from a checkpoint
     * @throws UnsupportedFeatureException when a newer commit needs a feature this module does not read
     */
    TableState refresh(Long version) {
        Loaded known = newest.get();
        if (known == null || version != null && version < known.state().version()) {
            return null;
        }
        try {
            if (!stillCurrent(known)) {
                return null;
            }
            long target = version == null ? Long.MAX_VALUE : version;
            StateBuilder state = null;
            FileEntry last = known.commit();
            long v = known.state().version() + 1;
            for (; v <= target; v++) {
                Optional<FileEntry> commit = log.store().stat(log.commitPath(v));
                if (commit.isEmpty()) {
                    break;
                }
                if (state == null) {
                    state = StateBuilder.from(known.state());
                }
                state.applyCommit(log.readCommit(v), commit.get().modificationTime());
                last = commit.get();
            }
            if (version != null && v <= target) {
                return null; // the version does not exist (yet): the replay's error says so
            }
            if (state == null) {
                return known.state();
            }
            TableState s = state.build(v - 1, log.tableName());
            ProtocolSupport.checkReadable(s.protocol(), s.metadata(), log.tableName());
            remember(new Loaded(s, last));
            return s;
        } catch (UnsupportedFeatureException e) {
            throw e;
        } catch (IOException | UncheckedIOException | LakehouseException e) {
            LOG.debug("table '{}': refreshing version {} failed, replaying from a checkpoint: {}", log.tableName(),
                    known.state().version(), e.getMessage());
            return null;
        }
    }

    /** Keeps a state just replayed at the latest version (not kept when its commit file cannot be found). */
    void keep(TableState state) {
        try {
            log.store().stat(log.commitPath(state.version())).ifPresent(commit -> remember(new Loaded(state, commit)));
        } catch (IOException e) {
            LOG.debug("table '{}': not keeping version {} for refresh: {}", log.tableName(), state.version(), e.getMessage());
        }
    }

    private boolean stillCurrent(Loaded known) {
        try {
            Optional<FileEntry> now = log.store().stat(known.commit().path());
            return now.isPresent() && now.get().size() == known.commit().size()
                    && now.get().modificationTime() == known.commit().modificationTime();
        } catch (IOException e) {
            return false;
        }
    }

    private void remember(Loaded loaded) {
        newest.accumulateAndGet(loaded, (old, next) -> old == null || next.state().version() > old.state().version()
                || !stillCurrent(old) ? next : old);
    }
}

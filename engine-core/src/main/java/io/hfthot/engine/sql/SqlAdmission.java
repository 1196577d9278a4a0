package io.hfthot.engine.sql;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Admits SQL queries within {@link SqlLimits}: at most {@code perCaller} running per API key and per account (the
 * keys' owner), at most {@code concurrent} in all, a short bounded wait for a slot, and a {@code RATE_LIMITED} refusal
 * otherwise. A caller over its own share is refused at once, so one user cannot queue the server's slots; a busy
 * server refuses after {@code queueWait}, so nobody waits for tens of seconds behind someone else's slow query.
 * Thread-safe.
 */
public final class SqlAdmission {

    private final SqlLimits limits;
    private final Semaphore slots;
    private final Map<String, Integer> running = new ConcurrentHashMap<>();

    /**
     * Creates the admission for given limits.
     *
     * @param limits the limits
     */
    public SqlAdmission(SqlLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.slots = new Semaphore(limits.concurrent(), true);
    }

    /** A running query's place; {@link #close()} frees it (idempotent). */
    public final class Permit implements AutoCloseable {
        private final Principal caller;
        private boolean closed;

        private Permit(Principal caller) {
            this.caller = caller;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                slots.release();
                leave(caller);
            }
        }
    }

    /**
     * Takes a place for one query of {@code caller}, waiting at most {@code queueWait} for a free slot.
     *
     * @param caller the authenticated caller
     * @return the permit, to close when the query has finished
     * @throws EngineException RATE_LIMITED (parameter {@code sql}) when the caller already runs its share or no slot
     *                      frees up in time
     */
    public Permit admit(Principal caller) {
        Objects.requireNonNull(caller, "caller");
        if (!enter(caller)) {
            throw refused("this API key (or another key of the same account) already runs " + limits.perCaller()
                    + " SQL queries, the most allowed at once; wait for one to finish, then retry");
        }
        boolean admitted = false;
        try {
            admitted = slots.tryAcquire(limits.queueWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!admitted) {
                leave(caller);
            }
        }
        if (!admitted) {
            throw refused("all " + limits.concurrent() + " SQL query slots of this server stayed busy for "
                    + limits.queueWait().toMillis() + " ms; retry in a few seconds");
        }
        return new Permit(caller);
    }

    private boolean enter(Principal caller) {
        String key = "key:" + caller.keyId();
        String owner = "owner:" + caller.ownerId();
        synchronized (running) {
            if (running.getOrDefault(key, 0) >= limits.perCaller() || running.getOrDefault(owner, 0) >= limits.perCaller()) {
                return false;
            }
            running.merge(key, 1, Integer::sum);
            running.merge(owner, 1, Integer::sum);
            return true;
        }
    }

    private void leave(Principal caller) {
        synchronized (running) {
            for (String name : new String[] {"key:" + caller.keyId(), "owner:" + caller.ownerId()}) {
                running.computeIfPresent(name, (k, n) -> n <= 1 ? null : n - 1);
            }
        }
    }

    private static EngineException refused(String message) {
        return new EngineException(ErrorCode.RATE_LIMITED, "sql", null, message, null);
    }
}

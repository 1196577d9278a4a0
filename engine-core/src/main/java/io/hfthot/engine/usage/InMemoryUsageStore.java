package io.hfthot.engine.usage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link UsageStore} in concurrent maps with one atomic counter per subject and day; lost on restart.
 */
public final class InMemoryUsageStore implements UsageStore {
    private final ConcurrentHashMap<String, ConcurrentHashMap<Long, AtomicLong>> counters = new ConcurrentHashMap<>();

    /** Creates an empty store. */
    public InMemoryUsageStore() {
    }

    @Override
    public long add(String subject, long epochDay, long delta) {
        if (subject == null) {
            throw new IllegalArgumentException("subject must not be null");
        }
        if (delta < 0) {
            throw new IllegalArgumentException("delta must be >= 0, got " + delta);
        }
        ConcurrentHashMap<Long, AtomicLong> days = counters.get(subject);
        if (days == null) {
            days = counters.computeIfAbsent(subject, s -> new ConcurrentHashMap<>());
        }
        return days.computeIfAbsent(epochDay, d -> new AtomicLong()).addAndGet(delta);
    }

    @Override
    public long requests(String subject, long epochDay) {
        ConcurrentHashMap<Long, AtomicLong> days = counters.get(subject);
        AtomicLong count = days == null ? null : days.get(epochDay);
        return count == null ? 0 : count.get();
    }
}

package io.hfthot.engine.quota;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link StreamLimiter} with one atomic counter per subject, incremented by compare-and-set only
 * while below the maximum.
 */
public final class InMemoryStreamLimiter implements StreamLimiter {
    private final ConcurrentHashMap<String, AtomicInteger> open = new ConcurrentHashMap<>();

    /** Creates a limiter with no open streams. */
    public InMemoryStreamLimiter() {
    }

    @Override
    public Optional<StreamLease> tryOpen(String subject, int max) {
        if (subject == null) {
            throw new IllegalArgumentException("subject must not be null");
        }
        if (max < 1) {
            throw new IllegalArgumentException("max must be >= 1, got " + max);
        }
        AtomicInteger count = open.computeIfAbsent(subject, s -> new AtomicInteger());
        while (true) {
            int current = count.get();
            if (current >= max) {
                return Optional.empty();
            }
            if (count.compareAndSet(current, current + 1)) {
                return Optional.of(new Lease(subject, count));
            }
        }
    }

    @Override
    public int active(String subject) {
        AtomicInteger count = open.get(subject);
        return count == null ? 0 : count.get();
    }

    private static final class Lease implements StreamLease {
        private final String subject;
        private final AtomicInteger count;
        private final AtomicBoolean closed = new AtomicBoolean();

        Lease(String subject, AtomicInteger count) {
            this.subject = subject;
            this.count = count;
        }

        @Override
        public String subject() {
            return subject;
        }

        @Override
        public void close() {
            if (closed.compareAndSet(false, true)) {
                count.decrementAndGet();
            }
        }
    }
}

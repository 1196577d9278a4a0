package io.hfthot.engine.identity;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;

/** A settable, thread-safe clock for tests. */
public final class TestClock implements InstantSource {
    private final AtomicReference<Instant> now;

    /**
     * Creates a clock at a given time.
     *
     * @param start the initial time
     */
    public TestClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    /**
     * Creates a clock at 2026-01-15T14:00:00Z.
     *
     * @return the clock
     */
    public static TestClock fixed() {
        return new TestClock(Instant.parse("2026-01-15T14:00:00Z"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    /**
     * Moves the clock forward.
     *
     * @param by the amount
     * @return the new time
     */
    public Instant advance(Duration by) {
        return now.updateAndGet(t -> t.plus(by));
    }

    /**
     * Sets the clock.
     *
     * @param to the new time
     */
    public void set(Instant to) {
        now.set(to);
    }
}

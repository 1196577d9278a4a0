package io.hfthot.engine.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one controllable test clock: a UTC {@link Clock} (so it also serves as an {@link java.time.InstantSource})
 * that moves only when a test tells it to. Millisecond resolution, thread-safe.
 *
 * <p>It is a {@code Clock} rather than a bare {@code InstantSource} because the lakehouse takes a {@code Clock}
 * and the market an {@code InstantSource}; one class serves both.
 */
public final class TestClock extends Clock {
    private final AtomicLong millis;

    /**
     * Creates a clock at a given time (truncated to the millisecond).
     *
     * @param start the initial time
     */
    public TestClock(Instant start) {
        this(start.toEpochMilli());
    }

    /**
     * Creates a clock at a given epoch millisecond.
     *
     * @param epochMillis the initial time
     */
    public TestClock(long epochMillis) {
        this.millis = new AtomicLong(epochMillis);
    }

    /**
     * Creates a clock at 2026-01-15T14:00:00Z.
     *
     * @return the clock
     */
    public static TestClock fixed() {
        return at("2026-01-15T14:00:00Z");
    }

    /**
     * Creates a clock at an ISO-8601 instant.
     *
     * @param isoInstant for example {@code 2026-11-21T10:30:17.250Z}
     * @return the clock
     */
    public static TestClock at(String isoInstant) {
        return new TestClock(Instant.parse(isoInstant));
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.get());
    }

    /**
     * Moves the clock forward.
     *
     * @param by the amount (negative moves it back)
     * @return the new time
     */
    public Instant advance(Duration by) {
        return Instant.ofEpochMilli(millis.addAndGet(by.toMillis()));
    }

    /**
     * Moves the clock forward by a number of milliseconds.
     *
     * @param deltaMillis the amount (negative moves it back)
     */
    public void advance(long deltaMillis) {
        millis.addAndGet(deltaMillis);
    }

    /**
     * Sets the clock.
     *
     * @param to the new time
     */
    public void set(Instant to) {
        millis.set(to.toEpochMilli());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the test clock is UTC only");
    }
}

package io.hfthot.engine.lab;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A settable, thread-safe UTC {@link Clock} for tests (the lakehouse takes a Clock, the market an InstantSource). */
public final class SteppingClock extends Clock {
    private final AtomicReference<Instant> now;

    /**
     * Creates a clock.
     *
     * @param start the initial time
     */
    public SteppingClock(Instant start) {
        this.now = new AtomicReference<>(start);
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

    @Override
    public Instant instant() {
        return now.get();
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

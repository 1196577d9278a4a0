package io.hfthot.engine.market;

import java.time.Instant;
import java.time.InstantSource;

/** A test clock that moves only when told to. */
final class ManualClock implements InstantSource {
    private volatile long millis;

    ManualClock(long millis) {
        this.millis = millis;
    }

    static ManualClock at(String isoInstant) {
        return new ManualClock(Instant.parse(isoInstant).toEpochMilli());
    }

    void advance(long deltaMillis) {
        millis += deltaMillis;
    }

    @Override
    public long millis() {
        return millis;
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis);
    }
}

package io.hfthot.engine.marketmaker;

import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told to. */
final class TestClock implements InstantSource {
    private volatile long millis;

    TestClock(long millis) {
        this.millis = millis;
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

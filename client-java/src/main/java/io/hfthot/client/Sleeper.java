package io.hfthot.client;

import java.time.Duration;

/**
 * Waits between retries. The default is {@link Thread#sleep}; tests inject one that records the waits, so a
 * backoff policy is checked without waiting.
 */
@FunctionalInterface
public interface Sleeper {
    /** Sleeps with {@link Thread#sleep(long, int)}. */
    Sleeper SYSTEM = d -> Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);

    /**
     * Waits for the duration.
     *
     * @param duration how long, not negative
     * @throws InterruptedException when the waiting thread is interrupted (the call then fails at once)
     */
    void sleep(Duration duration) throws InterruptedException;
}

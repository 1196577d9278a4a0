package io.hfthot.engine.hub.candles;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * A sliding-window call budget: at most {@code limit} calls in any half-open window {@code [t, t + window)}.
 * It keeps the times of the calls still inside the window ending now, so the invariant holds exactly (no
 * fixed-bucket edge effects). Not thread-safe: {@link CandleCache} guards it.
 */
final class ProviderBudget {
    private final int limit;
    private final Duration window;
    private final Deque<Instant> calls = new ArrayDeque<>();

    ProviderBudget(int limit, Duration window) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("need limit >= 1 and a positive window, got " + limit + ", " + window);
        }
        this.limit = limit;
        this.window = window;
    }

    private void expire(Instant now) {
        while (!calls.isEmpty() && !calls.peekFirst().plus(window).isAfter(now)) {
            calls.removeFirst();
        }
    }

    /** @return calls still allowed now */
    int remaining(Instant now) {
        expire(now);
        return limit - calls.size();
    }

    /** Takes one call when allowed. */
    boolean tryAcquire(Instant now) {
        if (remaining(now) <= 0) {
            return false;
        }
        calls.addLast(now);
        return true;
    }

    /** @return how long until a call is allowed (zero when one is) */
    Duration untilNext(Instant now) {
        if (remaining(now) > 0) {
            return Duration.ZERO;
        }
        return Duration.between(now, calls.peekFirst().plus(window));
    }
}

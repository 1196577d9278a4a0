package io.hfthot.engine.quota;

/**
 * The answer of a {@link RateLimiter} for one bucket.
 *
 * @param allowed          whether the event was admitted (and recorded)
 * @param limit            events allowed per window
 * @param remaining        events still admissible in the window ending now, after this one
 * @param resetEpochSecond the epoch second (rounded up) at which the oldest event counted in the window
 *                         leaves it, so that {@code remaining} grows; when refused, a retry at that second
 *                         is admitted unless other events came first. Equal to now when the window is empty.
 */
public record RateLimitResult(boolean allowed, long limit, long remaining, long resetEpochSecond) {
    /** Validates that counts are consistent. */
    public RateLimitResult {
        if (limit < 1 || remaining < 0 || remaining > limit) {
            throw new IllegalArgumentException("need limit >= 1 and 0 <= remaining <= limit, got limit "
                    + limit + ", remaining " + remaining);
        }
    }
}

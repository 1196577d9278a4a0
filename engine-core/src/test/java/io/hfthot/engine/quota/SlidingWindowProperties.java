package io.hfthot.engine.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** Window arithmetic of {@link SlidingLogRateLimiter} checked against a brute-force definition. */
class SlidingWindowProperties {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    /** Counts admitted events in (t - window, t] by scanning all of them: the definition. */
    private static long inWindow(List<Long> admitted, long t, long window) {
        return admitted.stream().filter(a -> a > t - window && a <= t).count();
    }

    @Property(tries = 300)
    void decisionsMatchTheDefinition(@ForAll @IntRange(min = 1, max = 12) int limit,
                                     @ForAll @LongRange(min = 1, max = 5_000) long windowMillis,
                                     @ForAll @Size(min = 1, max = 120) List<@LongRange(min = 0, max = 2_000) Long> gapsMillis) {
        SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();
        Duration window = Duration.ofMillis(windowMillis);
        long windowNanos = window.toNanos();
        List<Long> admitted = new ArrayList<>();
        long t = TimeMath.epochNanos(T0);
        for (long gap : gapsMillis) {
            t += gap * 1_000_000L;
            long before = inWindow(admitted, t, windowNanos);
            RateLimitResult r = limiter.tryAcquire("k", limit, window, Instant.ofEpochSecond(0, t));
            assertEquals(before < limit, r.allowed(), "admission must follow the definition");
            if (r.allowed()) {
                admitted.add(t);
            }
            long after = inWindow(admitted, t, windowNanos);
            assertEquals(limit - after, r.remaining());
            // Reset: the second at which the oldest counted event leaves the window.
            long cutoff = t - windowNanos;
            long oldest = admitted.stream().filter(a -> a > cutoff).mapToLong(Long::longValue).min().orElseThrow();
            assertEquals(TimeMath.ceilEpochSecond(oldest + windowNanos), r.resetEpochSecond());
        }
    }

    @Property(tries = 200)
    void noWindowEverHoldsMoreThanTheLimit(@ForAll @IntRange(min = 1, max = 8) int limit,
                                           @ForAll @LongRange(min = 10, max = 1_000) long windowMillis,
                                           @ForAll @Size(min = 1, max = 200) List<@LongRange(min = 0, max = 300) Long> gapsMillis) {
        SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();
        List<Long> admitted = new ArrayList<>();
        long t = 0;
        for (long gap : gapsMillis) {
            t += gap;
            if (limiter.tryAcquire("k", limit, Duration.ofMillis(windowMillis), T0.plusMillis(t)).allowed()) {
                admitted.add(t);
            }
        }
        // The densest window starts just after some admitted event minus the window: check every one.
        for (long end : admitted) {
            assertTrue(inWindow(admitted, end, windowMillis) <= limit);
        }
    }

    @Property(tries = 200)
    void aRetryAtTheResetSecondIsAdmitted(@ForAll @IntRange(min = 1, max = 10) int limit,
                                          @ForAll @LongRange(min = 1, max = 120) long windowSeconds,
                                          @ForAll @LongRange(min = 0, max = 999_999_999) long startNanos) {
        SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();
        Duration window = Duration.ofSeconds(windowSeconds);
        Instant start = T0.plusNanos(startNanos);
        for (int i = 0; i < limit; i++) {
            assertTrue(limiter.tryAcquire("k", limit, window, start).allowed());
        }
        RateLimitResult refused = limiter.tryAcquire("k", limit, window, start);
        assertTrue(!refused.allowed());
        assertTrue(limiter.tryAcquire("k", limit, window, Instant.ofEpochSecond(refused.resetEpochSecond())).allowed());
        assertTrue(refused.resetEpochSecond() - start.plus(window).getEpochSecond() <= 1);
    }

    @Property(tries = 200)
    void ceilingOfEpochSecondsIsTheSmallestSecondNotBefore(@ForAll @LongRange(min = -4_000_000_000_000_000_000L,
            max = 4_000_000_000_000_000_000L) long nanos) {
        long s = TimeMath.ceilEpochSecond(nanos);
        assertTrue(s * 1_000_000_000L >= nanos);
        assertTrue((s - 1) * 1_000_000_000L < nanos);
    }
}

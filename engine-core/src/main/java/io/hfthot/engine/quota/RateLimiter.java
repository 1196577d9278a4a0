package io.hfthot.engine.quota;

import java.time.Duration;
import java.time.Instant;

/**
 * Counts events per bucket in a sliding window and admits an event only while the window has room.
 *
 * <p>Contract, for every bucket, every {@code limit} and {@code window}:
 * <ul>
 *   <li><b>Exactness</b>: across all admitted events of a bucket, no half-open interval
 *       {@code (t - window, t]} contains more than {@code limit} of them, whatever the concurrency.
 *       Token buckets and weighted two-window estimates do not give this guarantee; an implementation
 *       that cannot must not implement this interface.</li>
 *   <li><b>Liveness</b>: an event is admitted when fewer than {@code limit} admitted events lie in
 *       {@code (now - window, now]}.</li>
 *   <li><b>Time</b>: callers pass the time; an implementation treats a {@code now} earlier than the
 *       latest time it has seen for a bucket as that latest time (clocks of several threads or replicas
 *       interleave), which can only make it stricter.</li>
 *   <li>Refused events are not recorded. {@link #peek} records nothing.</li>
 *   <li>Thread-safe; no lock shared by different buckets is held while deciding.</li>
 * </ul>
 * Instants must lie within the range of epoch nanoseconds held by a {@code long} (years 1678 to 2262).
 */
public interface RateLimiter {
    /**
     * Admits and records one event if the window has room.
     *
     * @param bucket the bucket name (e.g. a key id, or key id and feature)
     * @param limit  events per window, at least 1
     * @param window the window length, positive
     * @param now    the event time
     * @return the decision with limit, remaining and reset
     */
    RateLimitResult tryAcquire(String bucket, long limit, Duration window, Instant now);

    /**
     * Reports what {@link #tryAcquire} would see, without recording anything.
     *
     * @param bucket the bucket name
     * @param limit  events per window
     * @param window the window length
     * @param now    the time of the report
     * @return {@code allowed} tells whether one more event would be admitted now
     */
    RateLimitResult peek(String bucket, long limit, Duration window, Instant now);
}

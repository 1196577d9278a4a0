package io.hfthot.engine.quota;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The in-memory {@link RateLimiter}: an exact sliding log per bucket.
 *
 * <p><b>Algorithm.</b> Each bucket keeps the timestamps (epoch nanoseconds) of its admitted events,
 * oldest first, in a ring buffer that holds at most {@code limit} entries. To decide at time {@code t}
 * it drops entries {@code <= t - window} from the front (each entry is dropped once, so this is
 * amortised O(1)), then admits iff fewer than {@code limit} entries remain, appending {@code t}.
 * Because the log holds exactly the admitted events of {@code (t - window, t]}, no window can ever
 * contain more than {@code limit} admitted events: the check is the definition. The reset time is the
 * oldest entry plus the window, the first instant at which it falls out.
 *
 * <p><b>Why not a two-window weighted counter.</b> That estimator (previous fixed window weighted by its
 * overlap plus the current one) assumes events were spread evenly; a burst at the end of the previous
 * window lets it admit up to about {@code 1.5 x limit} in one true window. The log costs 8 bytes per
 * admitted event (16 KB for a Professional key at its full 2000/min), grows on demand and never
 * exceeds {@code limit} entries.
 *
 * <p><b>Concurrency.</b> Buckets live in a {@link ConcurrentHashMap}; each decision locks only its own
 * bucket, so different keys never contend. Idle buckets are dropped by {@link #evictIdle}.
 */
public final class SlidingLogRateLimiter implements RateLimiter {
    /** The largest limit a single bucket accepts (a log of this size takes 8 MB). */
    public static final long MAX_LIMIT = 1L << 20;
    private static final int INITIAL_CAPACITY = 16;

    private final ConcurrentHashMap<String, SlidingLog> buckets = new ConcurrentHashMap<>();

    /** Creates a limiter with no buckets. */
    public SlidingLogRateLimiter() {
    }

    @Override
    public RateLimitResult tryAcquire(String bucket, long limit, Duration window, Instant now) {
        long windowNanos = checkedWindow(limit, window);
        long t = TimeMath.epochNanos(now);
        return log(bucket).decide((int) limit, windowNanos, t, true);
    }

    @Override
    public RateLimitResult peek(String bucket, long limit, Duration window, Instant now) {
        long windowNanos = checkedWindow(limit, window);
        long t = TimeMath.epochNanos(now);
        SlidingLog log = buckets.get(bucket);
        if (log == null) {
            return new RateLimitResult(true, limit, limit, TimeMath.ceilEpochSecond(t));
        }
        return log.decide((int) limit, windowNanos, t, false);
    }

    /**
     * Drops buckets whose every entry has left a window of the given length, to bound memory.
     * Safe to run concurrently with decisions (a bucket dropped here is recreated empty on next use,
     * which is exact because it held no event of the current window).
     *
     * @param now           the current time
     * @param longestWindow the longest window any caller uses for these buckets
     * @return the number of buckets dropped
     */
    public int evictIdle(Instant now, Duration longestWindow) {
        long cutoff = TimeMath.epochNanos(now) - longestWindow.toNanos();
        int[] dropped = {0};
        buckets.forEach((name, log) -> {
            if (log.idleSince(cutoff) && buckets.remove(name, log)) {
                dropped[0]++;
            }
        });
        return dropped[0];
    }

    /**
     * Copies the admitted events of every bucket that lie in {@code (now - longestWindow, now]}, for saving.
     * Safe to run concurrently with decisions (each bucket is copied under its own lock).
     *
     * @param now           the current time
     * @param longestWindow the longest window any caller uses for these buckets
     * @return bucket name to its event times (epoch nanoseconds, ascending); buckets with no such event are left
     *         out
     */
    public Map<String, long[]> snapshot(Instant now, Duration longestWindow) {
        long cutoff = TimeMath.epochNanos(now) - longestWindow.toNanos();
        Map<String, long[]> out = new TreeMap<>();
        buckets.forEach((name, log) -> {
            long[] times = log.copySince(cutoff);
            if (times.length > 0) {
                out.put(name, times);
            }
        });
        return out;
    }

    /**
     * Replaces a bucket's log with saved event times (a restart restoring its windows). Call before the
     * bucket is used; the times need not be sorted.
     *
     * @param bucket the bucket name
     * @param times  admitted event times, epoch nanoseconds (not modified)
     */
    public void restore(String bucket, long[] times) {
        if (bucket == null || times == null) {
            throw new IllegalArgumentException("bucket and times must not be null");
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        buckets.put(bucket, new SlidingLog(sorted));
    }

    /**
     * Returns the number of live buckets (for monitoring).
     *
     * @return bucket count
     */
    public int bucketCount() {
        return buckets.size();
    }

    private SlidingLog log(String bucket) {
        SlidingLog log = buckets.get(bucket);
        return log != null ? log : buckets.computeIfAbsent(bucket, b -> new SlidingLog());
    }

    private static long checkedWindow(long limit, Duration window) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be in [1, " + MAX_LIMIT + "], got " + limit);
        }
        if (window == null || window.isZero() || window.isNegative()) {
            throw new IllegalArgumentException("window must be a positive duration, got " + window);
        }
        return window.toNanos();
    }

    /** The admitted-event log of one bucket; all access under its own monitor. */
    private static final class SlidingLog {
        private long[] times = new long[INITIAL_CAPACITY];
        private int head;
        private int size;
        private long latest = Long.MIN_VALUE;

        SlidingLog() {
        }

        SlidingLog(long[] sorted) {
            times = Arrays.copyOf(sorted, Math.max(INITIAL_CAPACITY, sorted.length));
            size = sorted.length;
            latest = size == 0 ? Long.MIN_VALUE : sorted[size - 1];
        }

        synchronized long[] copySince(long cutoff) {
            long[] out = new long[size];
            int n = 0;
            for (int i = 0; i < size; i++) {
                int at = head + i;
                long t = times[at >= times.length ? at - times.length : at];
                if (t > cutoff) {
                    out[n++] = t;
                }
            }
            return n == out.length ? out : Arrays.copyOf(out, n);
        }

        synchronized RateLimitResult decide(int limit, long windowNanos, long now, boolean record) {
            long t = Math.max(now, latest);
            long cutoff = t - windowNanos;
            if (!record) {
                return look(limit, cutoff, t);
            }
            while (size > 0 && times[head] <= cutoff) {
                head = head + 1 == times.length ? 0 : head + 1;
                size--;
            }
            if (size >= limit) {
                return new RateLimitResult(false, limit, 0, TimeMath.ceilEpochSecond(times[head] + windowNanos));
            }
            if (size == times.length) {
                grow(limit);
            }
            int tail = head + size;
            times[tail >= times.length ? tail - times.length : tail] = t;
            size++;
            latest = t;
            return new RateLimitResult(true, limit, limit - size, TimeMath.ceilEpochSecond(times[head] + windowNanos));
        }

        /**
         * Reports without dropping anything: a look from a clock ahead of the recording ones must not remove events
         * that are still inside the window of a later decision judged at an earlier time (only recorded times move
         * {@link #latest}).
         */
        private RateLimitResult look(int limit, long cutoff, long t) {
            int gone = 0;
            while (gone < size && times[index(gone)] <= cutoff) {
                gone++;
            }
            int live = size - gone;
            long windowNanos = t - cutoff;
            if (live >= limit) {
                return new RateLimitResult(false, limit, 0, TimeMath.ceilEpochSecond(times[index(gone)] + windowNanos));
            }
            long reset = live == 0 ? t : times[index(gone)] + windowNanos;
            return new RateLimitResult(true, limit, limit - live, TimeMath.ceilEpochSecond(reset));
        }

        private int index(int i) {
            int at = head + i;
            return at >= times.length ? at - times.length : at;
        }

        synchronized boolean idleSince(long cutoff) {
            return latest <= cutoff;
        }

        private void grow(int limit) {
            int capacity = (int) Math.min(Math.max(limit, INITIAL_CAPACITY), 2L * times.length);
            if (capacity <= times.length) {
                capacity = times.length + 1;
            }
            long[] bigger = new long[capacity];
            for (int i = 0; i < size; i++) {
                int from = head + i;
                bigger[i] = times[from >= times.length ? from - times.length : from];
            }
            times = bigger;
            head = 0;
        }
    }
}

package io.hfthot.client;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When and how long the client waits before sending a request again.
 *
 * <p>Retried: 429 on every request (nothing was created or changed), 5xx and connection failures on requests
 * that are safe to repeat (GETs, the POSTs that only compute: optimise and backtest, and
 * {@code DELETE /v1/keys/{key_id}}, which is idempotent; {@code POST /v1/keys} is never repeated after a 5xx, as
 * the key may have been created). The wait before retry {@code n} (1-based) is exponential with jitter:
 * {@code base = min(maxBackoff, initialBackoff * multiplier^(n-1))}, drawn uniformly from
 * {@code [base * (1 - jitter), base]}. When the answer carries {@code Retry-After} (seconds or an HTTP date) or
 * is a 429 whose {@code X-RateLimit-Remaining} is 0 (the caller's window refused it), the wait is at least the
 * hint (until {@code X-RateLimit-Reset}); a hint longer than {@code maxRetryAfter} is not waited for and the
 * error is surfaced at once. A 429 for the server's capacity (SQL slots, the compute pool or its deadline,
 * connections per address: no {@code Retry-After}, window headers with requests left or none) waits the backoff
 * only.
 * After {@code maxAttempts} sends in all, the last error is surfaced.
 *
 * @param maxAttempts    sends in all, at least 1 (1 disables retries)
 * @param initialBackoff the base wait before the first retry, positive
 * @param maxBackoff     the largest base wait, at least {@code initialBackoff}
 * @param multiplier     growth of the base wait per retry, at least 1
 * @param jitter         fraction of the base wait that is randomised, in [0, 1]
 * @param maxRetryAfter  the longest server hint the client waits for, not negative
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter, Duration maxRetryAfter) {
    /** Validates the fields, naming the offending one. */
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts = " + maxAttempts + " is not accepted; expected at least 1");
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff = " + initialBackoff + " is not accepted; expected positive");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff = " + maxBackoff + " is not accepted; expected at least initialBackoff = "
                    + initialBackoff);
        }
        if (!(multiplier >= 1) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier = " + multiplier + " is not accepted; expected a finite number >= 1");
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter = " + jitter + " is not accepted; expected 0 to 1");
        }
        if (maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("maxRetryAfter = " + maxRetryAfter + " is not accepted; expected not negative");
        }
    }

    /**
     * The default: 4 attempts, 200 ms doubling up to 5 s, 50 % jitter, server hints honoured up to 120 s (a
     * key's request window is one minute, and {@code X-RateLimit-Reset} is a whole second rounded up, so a full
     * window's wait can exceed 60 s slightly; the SQL quota's hourly window is not waited for).
     *
     * @return the policy
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(5), 2.0, 0.5, Duration.ofSeconds(120));
    }

    /**
     * No retries: every error is surfaced on the first answer.
     *
     * @return the policy
     */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ofMillis(1), Duration.ofMillis(1), 1.0, 0.0, Duration.ZERO);
    }

    /**
     * Returns this policy with another attempt count.
     *
     * @param attempts sends in all, at least 1
     * @return the policy
     */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, initialBackoff, maxBackoff, multiplier, jitter, maxRetryAfter);
    }

    /**
     * Returns this policy with another limit on server hints.
     *
     * @param limit the longest {@code Retry-After} / {@code X-RateLimit-Reset} wait accepted
     * @return the policy
     */
    public RetryPolicy withMaxRetryAfter(Duration limit) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, limit);
    }

    /**
     * The jittered exponential wait before a retry, ignoring server hints.
     *
     * @param retry  the retry number, 1 for the first retry
     * @param random the source of jitter
     * @return the wait, in {@code [base * (1 - jitter), base]}
     */
    public Duration backoff(int retry, RandomGenerator random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry = " + retry + " is not accepted; expected at least 1");
        }
        double cap = maxBackoff.toNanos();
        // Grows in floating point and is capped before converting, so a large retry number cannot overflow.
        double base = Math.min(cap, initialBackoff.toNanos() * Math.pow(multiplier, retry - 1));
        double factor = 1 - jitter * random.nextDouble();
        return Duration.ofNanos((long) (base * factor));
    }
}

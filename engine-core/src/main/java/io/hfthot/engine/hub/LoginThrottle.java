package io.hfthot.engine.hub;

import io.hfthot.engine.quota.RateLimitResult;
import io.hfthot.engine.quota.SlidingLogRateLimiter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;

/**
 * Brute-force protection of {@code POST /auth/login}: at most {@value #PER_ADDRESS} attempts per address per
 * minute, and at most {@value #FAILURES_PER_ACCOUNT} failed attempts per account per 15 minutes (a success does
 * not reset the count, so interleaving a known password does not buy more guesses). Sliding logs, so a refused
 * client is told exactly when to retry. Thread-safe.
 */
final class LoginThrottle {
    static final int PER_ADDRESS = 20;
    static final Duration ADDRESS_WINDOW = Duration.ofMinutes(1);
    static final int FAILURES_PER_ACCOUNT = 5;
    static final Duration ACCOUNT_WINDOW = Duration.ofMinutes(15);

    private final SlidingLogRateLimiter limiter = new SlidingLogRateLimiter();

    /**
     * Counts an attempt from an address and tells whether the address or the account is locked out.
     *
     * @param email   the email as sent
     * @param address the client address
     * @param now     the time
     * @return seconds to wait, or empty when the attempt may proceed
     */
    OptionalLong admit(String email, String address, Instant now) {
        RateLimitResult byAddress = limiter.tryAcquire(addressBucket(address), PER_ADDRESS, ADDRESS_WINDOW, now);
        if (!byAddress.allowed()) {
            return OptionalLong.of(wait(byAddress, now));
        }
        RateLimitResult byAccount = limiter.peek(accountBucket(email), FAILURES_PER_ACCOUNT, ACCOUNT_WINDOW, now);
        return !byAccount.allowed() ? OptionalLong.of(wait(byAccount, now)) : OptionalLong.empty();
    }

    /**
     * Counts a failed attempt against the account.
     *
     * @param email the email as sent
     * @param now   the time
     */
    void failed(String email, Instant now) {
        limiter.tryAcquire(accountBucket(email), FAILURES_PER_ACCOUNT, ACCOUNT_WINDOW, now);
    }

    /**
     * Forgets addresses and accounts with no attempt left in their windows, bounding memory under a spray of
     * made-up emails or addresses.
     *
     * @param now the time
     */
    void evictIdle(Instant now) {
        limiter.evictIdle(now, ACCOUNT_WINDOW);
    }

    private static long wait(RateLimitResult r, Instant now) {
        return Math.max(1, r.resetEpochSecond() - now.getEpochSecond());
    }

    private static String addressBucket(String address) {
        return "hub-login-ip:" + (address == null ? "unknown" : address);
    }

    private static String accountBucket(String email) {
        return "hub-login-account:" + (email == null ? "" : email.trim().toLowerCase(Locale.ROOT));
    }
}

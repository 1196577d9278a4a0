package io.hfthot.adapters.http;

/**
 * The {@code Retry-After} value of a 429 answer (RFC 9110, section 10.2.3: a number of seconds). When the refusal
 * carries {@code X-RateLimit-Reset} (epoch seconds at which the window next admits a request) the wait is the time
 * until then; when nothing says when capacity comes back (a busy SQL pool, a connection cap, a full set of
 * stream slots), it is one second, the first step of the exponential backoff seed 000 asks clients for.
 */
public final class RetryAfter {
    /** The header name. */
    public static final String HEADER = "Retry-After";
    /** The wait when the refusal does not say when to come back. */
    static final long UNKNOWN_WAIT_SECONDS = 1;

    private RetryAfter() {
    }

    /**
     * Computes the header value.
     *
     * @param rateLimitReset the refusal's {@code X-RateLimit-Reset} header (epoch seconds), or null
     * @param nowEpochSecond the current time, epoch seconds
     * @return whole seconds, at least 1
     */
    public static String seconds(String rateLimitReset, long nowEpochSecond) {
        if (rateLimitReset != null) {
            try {
                return Long.toString(Math.max(1, Long.parseLong(rateLimitReset.trim()) - nowEpochSecond));
            } catch (NumberFormatException e) {
                // not a number: fall back to the unknown wait below
            }
        }
        return Long.toString(UNKNOWN_WAIT_SECONDS);
    }
}

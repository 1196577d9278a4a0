package io.hfthot.adapters.http.jetty;

import java.time.Duration;
import java.util.Objects;

/**
 * How long and how slowly a client may send one request, and how many connections one client address may
 * hold, on a {@link TransportServer}.
 *
 * <p>Why these exist: a connection's idle timeout restarts at every byte, so a client that sends one byte
 * every few seconds never reaches it. These budgets bound the whole request instead:
 * <ul>
 *   <li>{@code headerTimeout}: from the request's first byte to the end of its header block; past it the
 *       client gets 408 and the connection is closed (slow headers, "slowloris").</li>
 *   <li>{@code requestTimeout}: from the request's first byte to the last byte of its body; past it, 408
 *       and close.</li>
 *   <li>{@code minBodyBytesPerSecond} after {@code minRateGrace}: a body must keep arriving at this
 *       average rate, counted from the end of the headers once the grace has passed
 *       (bytes received {@code >= rate * (elapsed - grace)}); below it, 408 and close. {@code 0} turns the
 *       rate check off (the request timeout still holds).</li>
 *   <li>{@code maxConnectionsPerAddress}: open HTTP connections from one client IP address; a request on
 *       a connection over the cap is answered 429 and that connection closed.</li>
 *   <li>{@code maxBufferedBodyBytes}: request body bytes a listener holds in memory at once, over all
 *       requests (bodies are read into memory before the route runs, see {@link TransportServer}); a body
 *       that would go past it is answered 503 and its connection closed.</li>
 * </ul>
 *
 * @param headerTimeout            the longest a request's header block may take, in {@code (0, 10 min]}
 * @param requestTimeout           the longest a whole request (headers and body) may take to arrive, in
 *                                 {@code [headerTimeout, 1 h]}
 * @param minBodyBytesPerSecond    the slowest accepted average body rate, {@code >= 0} (0: no rate check)
 * @param minRateGrace             how long a body may start slowly before its rate is checked, {@code >= 0}
 * @param maxConnectionsPerAddress open connections per client IP address, in {@code [1, 1_000_000]}
 * @param maxBufferedBodyBytes     request body bytes held in memory at once per listener, in
 *                                 {@code [1 KiB, 64 GiB]}; keep it at least the surfaces' largest body limit
 */
public record RequestLimits(Duration headerTimeout, Duration requestTimeout, long minBodyBytesPerSecond,
                            Duration minRateGrace, int maxConnectionsPerAddress, long maxBufferedBodyBytes) {
    private static final Duration MAX_HEADER_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration MAX_REQUEST_TIMEOUT = Duration.ofHours(1);

    /** Validates the fields. */
    public RequestLimits {
        Objects.requireNonNull(headerTimeout, "headerTimeout");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(minRateGrace, "minRateGrace");
        if (headerTimeout.isNegative() || headerTimeout.isZero() || headerTimeout.compareTo(MAX_HEADER_TIMEOUT) > 0) {
            throw new IllegalArgumentException("headerTimeout must be in (0, 10 min], got " + headerTimeout);
        }
        if (requestTimeout.compareTo(headerTimeout) < 0 || requestTimeout.compareTo(MAX_REQUEST_TIMEOUT) > 0) {
            throw new IllegalArgumentException("requestTimeout must be in [headerTimeout (" + headerTimeout
                    + "), 1 h], got " + requestTimeout);
        }
        if (minBodyBytesPerSecond < 0) {
            throw new IllegalArgumentException("minBodyBytesPerSecond must be >= 0 (0 turns the check off), got "
                    + minBodyBytesPerSecond);
        }
        if (minRateGrace.isNegative()) {
            throw new IllegalArgumentException("minRateGrace must be >= 0, got " + minRateGrace);
        }
        if (maxConnectionsPerAddress < 1 || maxConnectionsPerAddress > 1_000_000) {
            throw new IllegalArgumentException("maxConnectionsPerAddress must be in [1, 1000000], got "
                    + maxConnectionsPerAddress);
        }
        if (maxBufferedBodyBytes < 1024 || maxBufferedBodyBytes > (64L << 30)) {
            throw new IllegalArgumentException("maxBufferedBodyBytes must be in [1024, 64 GiB], got "
                    + maxBufferedBodyBytes);
        }
    }

    /**
     * The defaults: headers within 10 s, whole request within 30 s, bodies at 1024 bytes/s or faster after a
     * 3 s grace, 256 connections per client address (room for a browser's 6 per host behind a NAT of a few
     * dozen users, far below what exhausts memory or file descriptors), 64 MiB of request bodies in memory
     * per listener (64 bodies at the default 1 MiB body limit; a small share of a 512 MiB heap).
     *
     * @return the defaults
     */
    public static RequestLimits defaults() {
        return new RequestLimits(Duration.ofSeconds(10), Duration.ofSeconds(30), 1024, Duration.ofSeconds(3), 256,
                64L << 20);
    }

    /**
     * Returns the bytes a body must have delivered by {@code sinceHeaders} after its headers ended.
     *
     * @param sinceHeadersNanos nanoseconds since the end of the headers
     * @return the minimum byte count, 0 within the grace or when the rate check is off
     */
    long requiredBodyBytes(long sinceHeadersNanos) {
        long overGrace = sinceHeadersNanos - minRateGrace.toNanos();
        if (minBodyBytesPerSecond == 0 || overGrace <= 0) {
            return 0;
        }
        // In double: a high rate times an hour of nanoseconds overflows a long; the cast saturates.
        return (long) (minBodyBytesPerSecond * (overGrace / 1e9));
    }
}

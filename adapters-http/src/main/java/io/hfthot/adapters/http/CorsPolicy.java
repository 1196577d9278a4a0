package io.hfthot.adapters.http;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Cross-origin resource sharing for browser clients: which origins may call the surface, which
 * methods and request headers a preflight admits, and which response headers scripts may read.
 *
 * @param allowedOrigins   exact origins such as {@code https://app.example}, or {@code *} for any;
 *                         empty disables CORS
 * @param allowedMethods   methods a preflight admits
 * @param allowedHeaders   request headers a preflight admits, or {@code *} to echo the requested ones
 * @param exposedHeaders   response headers readable by scripts
 * @param allowCredentials whether cookies/authorization may be sent (never combined with {@code *})
 * @param maxAge           how long browsers may cache a preflight
 */
public record CorsPolicy(Set<String> allowedOrigins, Set<String> allowedMethods, Set<String> allowedHeaders,
                         Set<String> exposedHeaders, boolean allowCredentials, Duration maxAge) {
    /** Validates and copies the fields. */
    public CorsPolicy {
        allowedOrigins = Set.copyOf(allowedOrigins);
        allowedMethods = Set.copyOf(allowedMethods);
        allowedHeaders = Set.copyOf(allowedHeaders);
        exposedHeaders = Set.copyOf(exposedHeaders);
        Objects.requireNonNull(maxAge, "maxAge");
        if (allowCredentials && allowedOrigins.contains("*")) {
            throw new IllegalArgumentException("allowCredentials cannot be combined with allowedOrigins '*'; "
                    + "list the origins explicitly");
        }
        if (maxAge.isNegative()) {
            throw new IllegalArgumentException("maxAge must be >= 0, got " + maxAge);
        }
    }

    /**
     * CORS switched off: no CORS headers, preflights are ordinary OPTIONS requests.
     *
     * @return the policy
     */
    public static CorsPolicy disabled() {
        return new CorsPolicy(Set.of(), Set.of(), Set.of(), Set.of(), false, Duration.ZERO);
    }

    /**
     * A policy for the given origins with the methods and headers the seeds' clients use, exposing
     * the request id and rate-limit headers.
     *
     * @param origins exact origins, or {@code *}
     * @return the policy
     */
    public static CorsPolicy allowing(Set<String> origins) {
        return new CorsPolicy(origins, Set.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"), Set.of("*"),
                Set.of("X-Request-Id", "X-RateLimit-Limit", "X-RateLimit-Remaining", "X-RateLimit-Reset",
                        "Retry-After"),
                false, Duration.ofMinutes(10));
    }

    /**
     * Tells whether CORS is on.
     *
     * @return true when some origin is allowed
     */
    public boolean enabled() {
        return !allowedOrigins.isEmpty();
    }

    /**
     * Returns the {@code Access-Control-Allow-Origin} value for a request origin.
     *
     * @param origin the {@code Origin} request header
     * @return the value to send, or empty when the origin is not allowed
     */
    public Optional<String> allowOriginFor(String origin) {
        if (origin == null || !enabled()) {
            return Optional.empty();
        }
        if (allowedOrigins.contains("*")) {
            return Optional.of("*");
        }
        return allowedOrigins.contains(origin) ? Optional.of(origin) : Optional.empty();
    }
}

package io.hfthot.client;

import java.net.http.HttpHeaders;
import java.util.Optional;

/**
 * The {@code X-RateLimit-*} headers of an answer (seed 000): the window's limit, what remains of it and the
 * epoch second at which {@code remaining} next grows.
 *
 * @param limit      requests per window ({@code X-RateLimit-Limit}); -1 when the header said {@code unlimited}
 * @param remaining  requests left ({@code X-RateLimit-Remaining}); -1 when unlimited
 * @param resetEpochSecond when {@code remaining} next grows ({@code X-RateLimit-Reset}), Unix seconds
 */
public record RateLimit(long limit, long remaining, long resetEpochSecond) {
    /**
     * Reads the headers, if all three are present and numeric (or {@code unlimited}).
     *
     * @param headers the response headers
     * @return the values, or empty
     */
    public static Optional<RateLimit> from(HttpHeaders headers) {
        Optional<String> limit = headers.firstValue("X-RateLimit-Limit");
        Optional<String> remaining = headers.firstValue("X-RateLimit-Remaining");
        Optional<String> reset = headers.firstValue("X-RateLimit-Reset");
        if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RateLimit(count(limit.get()), count(remaining.get()), Long.parseLong(reset.get().trim())));
        } catch (NumberFormatException e) {
            // A header we cannot read is treated as absent rather than failing a successful call.
            return Optional.empty();
        }
    }

    private static long count(String v) {
        String t = v.trim();
        return t.equalsIgnoreCase("unlimited") ? -1 : Long.parseLong(t);
    }
}

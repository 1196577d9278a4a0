package io.hfthot.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.client.HfthotApiException;
import io.hfthot.client.HfthotException;
import io.hfthot.client.RateLimit;
import io.hfthot.client.RetryAfter;
import io.hfthot.client.RetryPolicy;
import io.hfthot.client.Sleeper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Sends a request under a {@link RetryPolicy} and maps an error answer to {@link HfthotApiException}. The
 * clock, sleeper and random source are injected so the policy is tested without waiting.
 */
public final class RetryingHttp {
    private final HttpClient http;
    private final RetryPolicy policy;
    private final Clock clock;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    /**
     * Creates the sender.
     *
     * @param http    the JDK client
     * @param policy  the retry policy
     * @param clock   the clock {@code Retry-After} dates and {@code X-RateLimit-Reset} are measured from
     * @param sleeper waits between attempts
     * @param random  the source of jitter (used under a lock, so it need not be thread safe)
     */
    public RetryingHttp(HttpClient http, RetryPolicy policy, Clock clock, Sleeper sleeper, RandomGenerator random) {
        this.http = Objects.requireNonNull(http, "http");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.random = Objects.requireNonNull(random, "random");
    }

    /**
     * Sends the request until it succeeds (2xx), fails for good, or the policy's attempts are spent.
     *
     * @param request    the request (re-sendable: its body publisher is from bytes or a string)
     * @param repeatable whether a 5xx or a connection failure may be retried (the request is safe to repeat)
     * @return the successful answer, body as bytes
     * @throws HfthotApiException for an error answer that is not retried
     * @throws HfthotException    when no answer arrived
     */
    public HttpResponse<byte[]> send(HttpRequest request, boolean repeatable) {
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (!repeatable || attempt >= policy.maxAttempts()) {
                    throw new HfthotException(request.method() + " " + request.uri().getPath() + " failed after " + attempt
                            + " attempt(s): " + e, e);
                }
                pause(backoff(attempt));
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new HfthotException(request.method() + " " + request.uri().getPath() + " was interrupted", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response;
            }
            boolean retryable = status == 429 || (status >= 500 && repeatable);
            if (!retryable || attempt >= policy.maxAttempts()) {
                throw error(response, attempt);
            }
            Optional<Duration> hint = serverHint(response);
            if (hint.isPresent() && hint.get().compareTo(policy.maxRetryAfter()) > 0) {
                throw error(response, attempt); // the server asks for a longer wait than the caller accepts
            }
            Duration backoff = backoff(attempt);
            pause(hint.filter(h -> h.compareTo(backoff) > 0).orElse(backoff));
        }
    }

    private Duration backoff(int attempt) {
        // One client serves many threads, and RandomGenerator implementations are mostly not thread safe.
        synchronized (random) {
            return policy.backoff(attempt, random);
        }
    }

    /**
     * The server's own wait: {@code Retry-After}, or on a 429 without it whose {@code X-RateLimit-Remaining} is 0,
     * the time until {@code X-RateLimit-Reset}.
     *
     * <p>The server also answers 429 when its capacity rather than the caller's window is spent (all SQL slots
     * busy, the key's concurrent-query share taken, the compute pool full or its deadline passed, too many
     * connections from one address). Those answers carry no {@code Retry-After}, and the {@code X-RateLimit-*}
     * headers they carry are the REST window's of the admitted request (remaining above 0, a reset up to a minute
     * away that says nothing about when capacity frees up), or none for an unlimited tier. Waiting for that reset
     * would be wrong, so such a 429 gets no hint and is retried after the policy's jittered backoff.
     *
     * @param response the answer
     * @return the wait, or empty
     */
    Optional<Duration> serverHint(HttpResponse<?> response) {
        Optional<Duration> retryAfter = response.headers().firstValue("Retry-After").flatMap(v -> RetryAfter.parse(v, clock));
        if (retryAfter.isPresent() || response.statusCode() != 429) {
            return retryAfter;
        }
        return RateLimit.from(response.headers()).filter(r -> r.remaining() == 0).map(r -> {
            Duration d = Duration.between(clock.instant(), Instant.ofEpochSecond(r.resetEpochSecond()));
            return d.isNegative() ? Duration.ZERO : d;
        });
    }

    private void pause(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HfthotException("interrupted while waiting to retry", e);
        }
    }

    /**
     * Maps an error answer to the typed exception.
     *
     * @param response the answer
     * @param attempts how many times the request was sent
     * @return the exception
     */
    public static HfthotApiException error(HttpResponse<byte[]> response, int attempts) {
        String body = new String(response.body(), StandardCharsets.UTF_8);
        RateLimit rateLimit = RateLimit.from(response.headers()).orElse(null);
        return error(response.statusCode(), body, attempts, rateLimit);
    }

    /**
     * Maps a status and an error body to the typed exception.
     *
     * @param status    the HTTP status
     * @param body      the body
     * @param attempts  how many times the request was sent
     * @param rateLimit the rate-limit headers, or null
     * @return the exception
     */
    public static HfthotApiException error(int status, String body, int attempts, RateLimit rateLimit) {
        JsonNode node = Json.tree(body);
        if (node != null && node.path("code").isTextual() && node.path("message").isTextual()) {
            return new HfthotApiException(status, node.get("code").asText(), node.get("message").asText(), attempts, rateLimit);
        }
        return new HfthotApiException(status, "HTTP_" + status, Json.abbreviate(body), attempts, rateLimit);
    }
}

package io.hfthot.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.client.HfthotApiException;
import io.hfthot.client.HfthotException;
import io.hfthot.client.RetryPolicy;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The retry loop against a scripted loopback server; waits are recorded, not slept. */
class RetryingHttpTest {
    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final String RATE_LIMITED = "{\"code\":\"RATE_LIMITED\",\"message\":\"60 requests per minute\"}";
    private static final RetryPolicy NO_JITTER = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofSeconds(5), 2.0, 0.0,
            Duration.ofSeconds(30));

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Duration> waits = new ArrayList<>();
    private ScriptedServer server;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RetryingHttp sender(RetryPolicy policy) {
        return new RetryingHttp(http, policy, Clock.fixed(NOW, ZoneOffset.UTC), waits::add, new SplittableRandom(7));
    }

    private HttpRequest get() {
        return HttpRequest.newBuilder(server.uri().resolve("/v1/market/ticker?symbol=BTC-USDT")).GET().build();
    }

    @Test
    void fiveHundredsAreRetriedWithExponentialBackoffUntilSuccess() {
        server.then(503, Map.of(), "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"busy\"}")
                .then(500, Map.of(), "{\"code\":\"INTERNAL_ERROR\",\"message\":\"x\"}")
                .then(200, Map.of(), "{\"ok\":true}");
        HttpResponse<byte[]> r = sender(NO_JITTER).send(get(), true);
        assertEquals("{\"ok\":true}", new String(r.body(), StandardCharsets.UTF_8));
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
        assertEquals(3, server.received.size());
    }

    @Test
    void retryAfterSecondsIsWaitedForInsteadOfAShorterBackoff() {
        server.then(429, Map.of("Retry-After", "3"), RATE_LIMITED).then(200, Map.of(), "{}");
        sender(NO_JITTER).send(get(), true);
        assertEquals(List.of(Duration.ofSeconds(3)), waits);
    }

    @Test
    void retryAfterAsAnHttpDateIsMeasuredFromTheInjectedClock() {
        server.then(503, Map.of("Retry-After", "Thu, 01 Jan 2026 00:00:04 GMT"), "{}").then(200, Map.of(), "{}");
        sender(NO_JITTER).send(get(), true);
        assertEquals(List.of(Duration.ofSeconds(4)), waits);
    }

    @Test
    void withoutRetryAfterA429WaitsUntilTheRateLimitReset() {
        server.then(429, Map.of("X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 12)), RATE_LIMITED).then(200, Map.of(), "{}");
        sender(NO_JITTER).send(get(), true);
        assertEquals(List.of(Duration.ofSeconds(12)), waits);
    }

    @Test
    void aCapacity429WithWindowHeadersLeftIsRetriedAfterTheBackoffNotTheWindowsReset() {
        // The server's SQL-slot and compute 429s carry the admitted request's REST window (remaining > 0), whose
        // reset says nothing about when a slot frees up.
        server.then(429, Map.of("X-RateLimit-Limit", "2000", "X-RateLimit-Remaining", "1987",
                        "X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 55)),
                        "{\"code\":\"RATE_LIMITED\",\"message\":\"all 4 SQL query slots of this server stayed busy\"}")
                .then(429, Map.of(), "{\"code\":\"RATE_LIMITED\",\"message\":\"Compute capacity is busy\"}")
                .then(200, Map.of(), "{}");
        sender(NO_JITTER).send(get(), true);
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200)), waits);
        assertEquals(3, server.received.size());
    }

    @Test
    void aCapacity429IsRetriedEvenWhenTheCallerWouldNotWaitForALongHint() {
        server.then(429, Map.of("X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "12",
                "X-RateLimit-Reset", Long.toString(NOW.getEpochSecond() + 50)), RATE_LIMITED).then(200, Map.of(), "{}");
        RetryPolicy impatient = NO_JITTER.withMaxRetryAfter(Duration.ofSeconds(1));
        assertEquals(200, sender(impatient).send(get(), true).statusCode());
        assertEquals(List.of(Duration.ofMillis(100)), waits);
    }

    @Test
    void exhaustedRetriesSurfaceTheLastErrorWithItsCodeStatusAndAttempts() {
        for (int i = 0; i < 4; i++) {
            server.then(429, Map.of("Retry-After", "1", "X-RateLimit-Limit", "60", "X-RateLimit-Remaining", "0",
                    "X-RateLimit-Reset", "1767225660"), RATE_LIMITED);
        }
        HfthotApiException e = assertThrows(HfthotApiException.class, () -> sender(NO_JITTER).send(get(), true));
        assertEquals(429, e.status());
        assertEquals("RATE_LIMITED", e.code());
        assertEquals("60 requests per minute", e.serverMessage());
        assertEquals(4, e.attempts());
        assertEquals(60, e.rateLimit().orElseThrow().limit());
        assertEquals(0, e.rateLimit().orElseThrow().remaining());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)), waits);
    }

    @Test
    void aHintLongerThanTheCallerAcceptsIsNotWaitedFor() {
        server.then(429, Map.of("Retry-After", "31"), RATE_LIMITED);
        HfthotApiException e = assertThrows(HfthotApiException.class, () -> sender(NO_JITTER).send(get(), true));
        assertEquals(1, e.attempts());
        assertTrue(waits.isEmpty());
    }

    @Test
    void disabledRetriesSurfaceTheFirstError() {
        server.then(429, Map.of("Retry-After", "1"), RATE_LIMITED);
        HfthotApiException e = assertThrows(HfthotApiException.class, () -> sender(RetryPolicy.none()).send(get(), true));
        assertEquals(1, e.attempts());
        assertEquals(1, server.received.size());
        assertTrue(waits.isEmpty());
    }

    @Test
    void aRequestNotSafeToRepeatIsNotRetriedAfterA5xxButIsAfterA429() {
        HttpRequest post = HttpRequest.newBuilder(server.uri().resolve("/v1/keys"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build();
        server.then(500, Map.of(), "{\"code\":\"INTERNAL_ERROR\",\"message\":\"request id r-1\"}");
        HfthotApiException e = assertThrows(HfthotApiException.class, () -> sender(NO_JITTER).send(post, false));
        assertEquals("INTERNAL_ERROR", e.code());
        assertEquals(1, server.received.size());
        server.then(429, Map.of("Retry-After", "0"), RATE_LIMITED).then(201, Map.of(), "{}");
        assertEquals(201, sender(NO_JITTER).send(post, false).statusCode());
        assertEquals(3, server.received.size());
        assertEquals("{}", server.received.get(2).body(), "the body is sent again on the retry");
    }

    @Test
    void clientErrorsAreNeverRetried() {
        server.then(400, Map.of(), "{\"code\":\"INVALID_PARAMS\",\"message\":\"query parameter 'symbol' is required\"}");
        HfthotApiException e = assertThrows(HfthotApiException.class, () -> sender(NO_JITTER).send(get(), true));
        assertEquals(400, e.status());
        assertEquals("INVALID_PARAMS", e.code());
        assertTrue(e.getMessage().contains("'symbol'"), e.getMessage());
        assertFalse(e.rateLimit().isPresent());
        assertEquals(1, server.received.size());
    }

    @Test
    void aBodyNotInTheErrorShapeKeepsTheStatus() {
        server.then(404, Map.of(), "<html>not here</html>");
        HfthotApiException e = assertThrows(HfthotApiException.class, () -> sender(NO_JITTER).send(get(), true));
        assertEquals("HTTP_404", e.code());
        assertEquals("<html>not here</html>", e.serverMessage());
    }

    @Test
    void connectionFailuresAreRetriedForRepeatableRequestsOnly() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/v1/account/usage")).build();
        HfthotException e = assertThrows(HfthotException.class, () -> sender(NO_JITTER).send(get, true));
        assertFalse(e instanceof HfthotApiException);
        assertTrue(e.getMessage().contains("after 4 attempt(s)"), e.getMessage());
        assertEquals(List.of(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400)), waits);
        waits.clear();
        HfthotException once = assertThrows(HfthotException.class, () -> sender(NO_JITTER).send(get, false));
        assertTrue(once.getMessage().contains("after 1 attempt(s)"), once.getMessage());
        assertInstanceOf(java.io.IOException.class, once.getCause());
        assertTrue(waits.isEmpty());
    }
}

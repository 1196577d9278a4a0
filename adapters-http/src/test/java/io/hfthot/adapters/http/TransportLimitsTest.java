package io.hfthot.adapters.http;

import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.RequestLimits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The request budgets, the per-address connection cap, and Jetty's own answers in the surface's JSON shape.
 * Every case is a raw socket on loopback, bounded in time; each fails on a server without the limits (it
 * would wait for the connection's 30 s idle timeout, hold a thread per slow body, or answer in HTML).
 */
@Timeout(30)
class TransportLimitsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SLOW_BODY_HEAD = "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n";

    private static HttpSurface surface(ErrorShape shape) {
        return HttpSurface.builder("limits", shape)
                .get("/health", r -> Response.ok(Map.of("status", "ok")))
                .post("/echo", r -> Response.ok(Map.of("bytes", r.bodyBytes().length)))
                .build();
    }

    private static TransportServer start(RequestLimits limits, int maxThreads) throws IOException {
        TransportConfig config = new TransportConfig("127.0.0.1", 0, Optional.empty(), maxThreads, false,
                Duration.ofSeconds(30), Duration.ofSeconds(1), limits);
        return TransportServer.start(config, surface(ErrorShape.CODE_MESSAGE));
    }

    private static RequestLimits limits(long headerMs, long requestMs, long rate, long graceMs, int perAddress) {
        return new RequestLimits(Duration.ofMillis(headerMs), Duration.ofMillis(requestMs), rate,
                Duration.ofMillis(graceMs), perAddress, 64L << 20);
    }

    private static String post(int length, String body) {
        return "POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: " + length
                + "\r\n\r\n" + body;
    }

    /** Sends {@code text} one character every {@code everyMillis} on a daemon thread until done or refused. */
    private static Thread trickle(RawHttp conn, String text, long everyMillis) {
        Thread t = new Thread(() -> {
            try {
                for (char c : text.toCharArray()) {
                    conn.send(String.valueOf(c));
                    Thread.sleep(everyMillis);
                }
            } catch (IOException | InterruptedException refusedOrStopped) {
                // The server closed the connection (the point of the test) or the test ended.
            }
        }, "trickle");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static JsonNode json(RawHttp.Answer a) throws IOException {
        assertEquals("application/json", a.header("Content-Type"), a.head());
        return JSON.readTree(a.body());
    }

    @Test
    void aBodyBelowTheMinimumRateGets408AndItsConnectionClosed() throws Exception {
        try (TransportServer server = start(limits(2_000, 20_000, 200, 300, 256), 16);
             RawHttp conn = new RawHttp(server.port(), 8_000)) {
            long t0 = System.nanoTime();
            conn.send(SLOW_BODY_HEAD);
            Thread sender = trickle(conn, "x".repeat(1000), 250);
            RawHttp.Answer a = conn.read();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            sender.interrupt();
            assertEquals(408, a.status(), a.head() + a.body());
            assertEquals("REQUEST_TIMEOUT", json(a).get("code").asText());
            assertTrue(json(a).get("message").asText().contains("too slow"), a.body());
            assertEquals("close", a.header("Connection"));
            // 200 B/s after a 300 ms grace: one byte per 250 ms misses it within about a second.
            assertTrue(ms < 3_000, "answered after " + ms + " ms");
            assertTrue(conn.closedByServer(), "connection still open after the 408");
        }
    }

    @Test
    void aWholeRequestPastItsDeadlineGets408EvenAtAnAcceptedRate() throws Exception {
        try (TransportServer server = start(limits(1_000, 1_500, 0, 0, 256), 16);
             RawHttp conn = new RawHttp(server.port(), 8_000)) {
            long t0 = System.nanoTime();
            conn.send(SLOW_BODY_HEAD);
            Thread sender = trickle(conn, "x".repeat(1000), 100);
            RawHttp.Answer a = conn.read();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            sender.interrupt();
            assertEquals(408, a.status(), a.head() + a.body());
            assertTrue(json(a).get("message").asText().contains("not received within 1500 ms"), a.body());
            assertTrue(ms >= 1_400 && ms < 3_500, "answered after " + ms + " ms");
            assertTrue(conn.closedByServer());
        }
    }

    @Test
    void slowHeadersGet408AndTheirConnectionClosed() throws Exception {
        try (TransportServer server = start(limits(1_000, 5_000, 1024, 3_000, 256), 16);
             RawHttp conn = new RawHttp(server.port(), 8_000)) {
            long t0 = System.nanoTime();
            Thread sender = trickle(conn, "GET /health HTTP/1.1\r\nHost: t\r\nX-Slow: " + "y".repeat(200) + "\r\n\r\n", 150);
            RawHttp.Answer a = conn.read();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            sender.interrupt();
            assertEquals(408, a.status(), a.head() + a.body());
            assertEquals("REQUEST_TIMEOUT", json(a).get("code").asText());
            assertTrue(json(a).get("message").asText().contains("headers"), a.body());
            assertTrue(ms >= 900 && ms < 3_000, "answered after " + ms + " ms");
            assertTrue(conn.closedByServer());
        }
    }

    @Test
    void slowBodiesHoldNoRequestThreadSoOtherClientsAreServed() throws Exception {
        // 8 threads (the smallest pool accepted) and 24 bodies trickling in: a server that reads bodies on
        // request threads has none left for the health check.
        try (TransportServer server = start(limits(5_000, 20_000, 1024, 15_000, 256), 8)) {
            List<RawHttp> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 24; i++) {
                    RawHttp c = new RawHttp(server.port(), 5_000);
                    c.send(SLOW_BODY_HEAD + "x");
                    slow.add(c);
                }
                Thread.sleep(300);
                HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                    long ms = (System.nanoTime() - t0) / 1_000_000;
                    assertEquals(200, r.statusCode());
                    assertTrue(ms < 1_000, "health answered after " + ms + " ms with 24 slow bodies open");
                }
                // A complete body still reaches its route.
                HttpResponse<String> echo = client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/echo"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals("{\"bytes\":7}", echo.body());
            } finally {
                for (RawHttp c : slow) {
                    c.close();
                }
            }
        }
    }

    @Test
    void aBodyShorterThanItsContentLengthIsA400AtOnce() throws Exception {
        try (TransportServer server = start(RequestLimits.defaults(), 16);
             RawHttp conn = new RawHttp(server.port(), 5_000)) {
            long t0 = System.nanoTime();
            conn.send("POST /echo HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n"
                    + "{\"a\":12345}");
            conn.shutdownOutput();
            RawHttp.Answer a = conn.read();
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(400, a.status(), a.head() + a.body());
            JsonNode body = json(a);
            assertEquals("INVALID_PARAMS", body.get("code").asText());
            assertTrue(body.get("message").asText().contains("11 bytes of the 100 declared"), a.body());
            assertTrue(ms < 2_000, "answered after " + ms + " ms");
        }
    }

    @Test
    void connectionsPastTheCapPerAddressAreRefusedWith429AndClosed() throws Exception {
        try (TransportServer server = start(limits(5_000, 10_000, 1024, 3_000, 2), 16);
             RawHttp first = new RawHttp(server.port(), 5_000);
             RawHttp second = new RawHttp(server.port(), 5_000)) {
            String get = "GET /health HTTP/1.1\r\nHost: t\r\n\r\n";
            assertEquals(200, first.send(get).read().status());
            assertEquals(200, second.send(get).read().status());
            try (RawHttp third = new RawHttp(server.port(), 5_000)) {
                RawHttp.Answer a = third.send(get).read();
                assertEquals(429, a.status(), a.head() + a.body());
                JsonNode body = json(a);
                assertEquals("RATE_LIMITED", body.get("code").asText());
                assertTrue(body.get("message").asText().contains("at most 2"), a.body());
                assertEquals("close", a.header("Connection"));
                assertTrue(third.closedByServer());
            }
            first.close();
            // The slot is released when the server sees the close; poll briefly for it.
            long until = System.nanoTime() + 3_000_000_000L;
            int status = 0;
            while (status != 200 && System.nanoTime() < until) {
                try (RawHttp again = new RawHttp(server.port(), 5_000)) {
                    status = again.send(get).read().status();
                }
                Thread.sleep(50);
            }
            assertEquals(200, status, "a slot freed by a closed connection was not reused");
        }
    }

    @Test
    void answersJettyGivesByItselfAreTheSurfacesJson() throws Exception {
        try (TransportServer hfthot = start(RequestLimits.defaults(), 16);
             TransportServer detail = TransportServer.start(TransportConfig.of("127.0.0.1", 0),
                     surface(ErrorShape.DETAIL))) {
            Map<String, Integer> expected = Map.of(
                    "GET /" + "a".repeat(9_000) + " HTTP/1.1\r\nHost: t\r\n\r\n", 414,
                    "GET /health HTTP/1.1\r\nHost: t\r\nX-Big: " + "b".repeat(9_000) + "\r\n\r\n", 431,
                    "GET /health HTTP/7.1\r\nHost: t\r\n\r\n", 505,
                    "GET /health HTTP/1.1\r\nHost: t\r\nContent-Length: nope\r\n\r\n", 400,
                    "PUT /health HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: gzip\r\n\r\n", 400);
            for (Map.Entry<String, Integer> e : expected.entrySet()) {
                String what = e.getKey().substring(0, Math.min(40, e.getKey().length()));
                try (RawHttp conn = new RawHttp(hfthot.port(), 5_000)) {
                    RawHttp.Answer a = conn.send(e.getKey()).read();
                    assertEquals((int) e.getValue(), a.status(), what + " -> " + a.head());
                    JsonNode body = json(a);
                    assertEquals(ErrorKind.forStatus(a.status()).name(), body.get("code").asText(), a.body());
                    assertFalse(body.get("message").asText().isBlank(), a.body());
                    assertFalse(a.body().contains("<"), a.body());
                }
                try (RawHttp conn = new RawHttp(detail.port(), 5_000)) {
                    RawHttp.Answer a = conn.send(e.getKey()).read();
                    assertEquals((int) e.getValue(), a.status(), what + " -> " + a.head());
                    JsonNode body = json(a);
                    assertNotNull(body.get("detail"), a.body());
                    assertEquals(1, body.size(), a.body());
                }
            }
        }
    }

    @Test
    void bodiesHeldInMemoryAreBoundedPerListener() throws Exception {
        RequestLimits small = new RequestLimits(Duration.ofSeconds(5), Duration.ofSeconds(20), 0, Duration.ZERO, 256,
                2048);
        String json = "[" + "1,".repeat(748) + "11]"; // 1500 bytes
        try (TransportServer server = start(small, 16);
             RawHttp stalled = new RawHttp(server.port(), 5_000);
             RawHttp other = new RawHttp(server.port(), 5_000)) {
            stalled.send(post(json.length(), json.substring(0, 1400)));
            Thread.sleep(300);
            RawHttp.Answer refused = other.send(post(1000, "x".repeat(1000))).read();
            assertEquals(503, refused.status(), refused.head() + refused.body());
            assertEquals("SERVICE_UNAVAILABLE", json(refused).get("code").asText());
            assertTrue(json(refused).get("message").asText().contains("2048 bytes"), refused.body());
            assertTrue(other.closedByServer());
            RawHttp.Answer done = stalled.send(json.substring(1400)).read();
            assertEquals(200, done.status(), done.body());
            assertEquals("{\"bytes\":1500}", done.body());
            // The finished request gives its bytes back once its answer is complete on the server side, which
            // may be a moment after this client has read it: a new body fits again within a short wait.
            int status = 0;
            for (long end = System.nanoTime() + 2_000_000_000L; status != 200 && System.nanoTime() < end; ) {
                try (RawHttp again = new RawHttp(server.port(), 5_000)) {
                    status = again.send(post(json.length(), json)).read().status();
                }
                if (status != 200) {
                    Thread.sleep(20);
                }
            }
            assertEquals(200, status);
        }
    }
}

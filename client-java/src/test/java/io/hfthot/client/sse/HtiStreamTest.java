package io.hfthot.client.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.hfthot.client.HfthotApiException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The HTI stream client against a small SSE server built in the test on {@code com.sun.net.httpserver} (the
 * project has no HTI stream server yet). The server writes seed 002's four event types in chunks that split
 * lines and CRLF pairs, so the client's line handling is exercised across reads.
 */
class HtiStreamTest {
    private HttpServer server;
    private final AtomicReference<String> query = new AtomicReference<>();
    private final AtomicReference<String> accept = new AtomicReference<>();
    private final CountDownLatch release = new CountDownLatch(1);

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/client-api/hti/stream", ex -> {
            query.set(ex.getRequestURI().getRawQuery());
            accept.set(ex.getRequestHeaders().getFirst("Accept"));
            if (ex.getRequestURI().getRawQuery().contains("api_code=quiet")) {
                // Sends `ready`, then nothing until the test ends: the client blocks in a read.
                ex.sendResponseHeaders(200, 0);
                ex.getResponseBody().write("event: ready\ndata: {}\n\n".getBytes(StandardCharsets.UTF_8));
                ex.getResponseBody().flush();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                ex.close();
                return;
            }
            if (!ex.getRequestURI().getRawQuery().contains("api_code=good")) {
                byte[] body = "{\"detail\":\"Invalid API code\"}".getBytes(StandardCharsets.UTF_8);
                ex.getResponseHeaders().add("Content-Type", "application/json");
                ex.sendResponseHeaders(401, body.length);
                ex.getResponseBody().write(body);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Type", "text/event-stream");
            ex.sendResponseHeaders(200, 0);
            String stream = "retry: 2000\r\n"
                    + "event: ready\r\ndata: {\"connected_at\":\"2026-01-01T00:00:00Z\",\"poll_seconds\":2.0}\r\n\r\n"
                    + ": keep-alive comment\n\n"
                    + "event: ping\ndata: {\"ts\":\"2026-01-01T00:00:02Z\"}\n\n"
                    + "event: idea\nid: idea-1\ndata: {\"symbol\":\"BTC-USDT\",\ndata: \"side\":\"long\"}\n\n"
                    + "event: error\ndata: {\"detail\":\"stream closed by server\"}\n\n";
            byte[] bytes = stream.getBytes(StandardCharsets.UTF_8);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < bytes.length; i += 7) {
                    out.write(bytes, i, Math.min(7, bytes.length - i));
                    out.flush();
                }
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    @Test
    void readsEveryEventTypeInOrderAndEndsWithTheStream() {
        List<SseEvent> events = new ArrayList<>();
        try (HtiStream stream = HtiStream.open(HttpClient.newHttpClient(), uri(), "good code", 2.0, Duration.ofSeconds(5))) {
            stream.forEach(events::add);
            assertEquals(2000, stream.retryMillis().orElseThrow());
        }
        assertEquals(List.of(
                new SseEvent(HtiStream.READY, "{\"connected_at\":\"2026-01-01T00:00:00Z\",\"poll_seconds\":2.0}", ""),
                new SseEvent(HtiStream.PING, "{\"ts\":\"2026-01-01T00:00:02Z\"}", ""),
                new SseEvent(HtiStream.IDEA, "{\"symbol\":\"BTC-USDT\",\n\"side\":\"long\"}", "idea-1"),
                new SseEvent(HtiStream.ERROR, "{\"detail\":\"stream closed by server\"}", "idea-1")), events);
        assertEquals("api_code=good+code&poll_seconds=2.0", query.get());
        assertEquals("text/event-stream", accept.get());
    }

    @Test
    void closeFromAnotherThreadEndsABlockedRead() {
        ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor();
        try (HtiStream stream = HtiStream.open(HttpClient.newHttpClient(), uri(), "quiet", 2.0, Duration.ofSeconds(5))) {
            assertEquals(HtiStream.READY, stream.next().orElseThrow().event());
            closer.schedule(stream::close, 200, TimeUnit.MILLISECONDS);
            assertEquals(Optional.empty(), stream.next());
        } finally {
            closer.shutdownNow();
        }
    }

    @Test
    void aRefusedStreamIsTheTypedErrorWithTheDetail() {
        HfthotApiException e = assertThrows(HfthotApiException.class,
                () -> HtiStream.open(HttpClient.newHttpClient(), uri(), "bad", 2.0, Duration.ofSeconds(5)));
        assertEquals(401, e.status());
        assertEquals("Invalid API code", e.serverMessage());
    }

    @Test
    void parametersAreCheckedBeforeConnecting() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> HtiStream.open(HttpClient.newHttpClient(), uri(), "good", 0, Duration.ofSeconds(5)));
        assertTrue(e.getMessage().contains("poll_seconds = 0.0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> HtiStream.open(HttpClient.newHttpClient(), uri(), " ", 2, Duration.ofSeconds(5)));
    }
}

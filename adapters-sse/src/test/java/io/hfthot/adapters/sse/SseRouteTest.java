package io.hfthot.adapters.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.InMemoryEventBus;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTI-style stream (ready, ping, idea, error) read by real HTTP clients. */
class SseRouteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonCodec codec = JsonCodec.standard();
    private final BlockingQueue<Subscription> subscriptions = new LinkedBlockingQueue<>();
    private InMemoryEventBus bus;
    private SseRoute route;
    private TransportServer server;

    @BeforeEach
    void start() throws Exception {
        bus = InMemoryEventBus.create();
        route = new SseRoute(request -> {
            String apiCode = request.query().first("api_code").orElseThrow(() ->
                    new ApiException(ErrorKind.UNAUTHORIZED, "api_code query parameter is required"));
            double poll = request.query().optionalDouble("poll_seconds", 2.0, 0.05, 10.0);
            int capacity = request.query().optionalInt("capacity", 256, 1, 10_000);
            Subscription sub = bus.subscribe("hti.ideas", new SubscriptionOptions(capacity, OverflowPolicy.DROP_OLDEST));
            subscriptions.add(sub);
            return SseChannel.of(sub, e -> SseEvent.json("idea", codec, e.payload()).withId(Long.toString(e.sequence())))
                    .withGreeting(SseEvent.json("ready", codec, Map.of("status", "connected", "api_code", apiCode)))
                    .withHeartbeat(Duration.ofMillis((long) (poll * 1000)),
                            () -> SseEvent.json("ping", codec, Map.of("ts", "now")))
                    .withFarewell(reason -> SseEvent.json("error", codec, Map.of("detail",
                            reason == CloseReason.BUS_CLOSED ? "server shutting down" : "stream closed: " + reason)));
        });
        HttpSurface surface = HttpSurface.builder("hti", ErrorShape.DETAIL)
                .get("/client-api/hti/stream", route)
                .build();
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), surface);
    }

    @AfterEach
    void stop() {
        server.close();
        bus.close();
    }

    private String url(String query) {
        return server.baseUri() + "/client-api/hti/stream?" + query;
    }

    /** Records okhttp-sse callbacks. */
    static final class Recorder extends EventSourceListener {
        final BlockingQueue<String[]> events = new LinkedBlockingQueue<>();
        final CompletableFuture<Void> closed = new CompletableFuture<>();
        final CompletableFuture<okhttp3.Response> opened = new CompletableFuture<>();

        @Override
        public void onOpen(EventSource source, okhttp3.Response response) {
            opened.complete(response);
        }

        @Override
        public void onEvent(EventSource source, String id, String type, String data) {
            events.add(new String[] {type, data, id});
        }

        @Override
        public void onClosed(EventSource source) {
            closed.complete(null);
        }

        @Override
        public void onFailure(EventSource source, Throwable t, okhttp3.Response response) {
            closed.completeExceptionally(t == null ? new AssertionError("failed with " + response) : t);
        }

        String[] next() throws InterruptedException {
            String[] e = events.poll(10, TimeUnit.SECONDS);
            if (e == null) {
                throw new AssertionError("no SSE event within 10 s");
            }
            return e;
        }

        String[] nextOfType(String type) throws InterruptedException {
            while (true) {
                String[] e = next();
                if (e[0].equals(type)) {
                    return e;
                }
            }
        }
    }

    @Test
    void okHttpEventSourceReadsReadyIdeasWithIdsAndPings() throws Exception {
        OkHttpClient ok = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
        Recorder rec = new Recorder();
        EventSource es = EventSources.createFactory(ok).newEventSource(
                new okhttp3.Request.Builder().url(url("api_code=abc&poll_seconds=0.1")).build(), rec);
        try {
            okhttp3.Response opened = rec.opened.get(10, TimeUnit.SECONDS);
            assertTrue(opened.header("Content-Type").startsWith("text/event-stream"));
            String[] ready = rec.next();
            assertEquals("ready", ready[0]);
            assertEquals("abc", JSON.readTree(ready[1]).get("api_code").asText());
            Wait.until(() -> bus.subscriberCount("hti.ideas") == 1);
            long seq = bus.publish("hti.ideas", Map.of("TITLE", "ETH breakout", "TIMEFRAME", "1h"));
            String[] idea = rec.nextOfType("idea");
            assertEquals("ETH breakout", JSON.readTree(idea[1]).get("TITLE").asText());
            assertEquals(Long.toString(seq), idea[2]);
            assertEquals("now", JSON.readTree(rec.nextOfType("ping")[1]).get("ts").asText());
            bus.publish("hti.ideas", Map.of("TITLE", "second"));
            assertEquals("second", JSON.readTree(rec.nextOfType("idea")[1]).get("TITLE").asText());
        } finally {
            es.cancel();
            ok.dispatcher().executorService().shutdown();
            ok.connectionPool().evictAll();
        }
    }

    @Test
    void theSeedParserReadsTheLiveStreamLineByLine() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<InputStream> r = client.send(HttpRequest.newBuilder(URI.create(url("api_code=abc&poll_seconds=0.1")))
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        SeedPythonParser parser = new SeedPythonParser();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
            Wait.until(() -> bus.subscriberCount("hti.ideas") == 1);
            bus.publish("hti.ideas", Map.of("TITLE", "multi\nline\u2028title"));
            while (parser.events.stream().noneMatch(p -> p.event().equals("ping"))
                    || parser.events.stream().noneMatch(p -> p.event().equals("idea"))) {
                String line = in.readLine();
                assertTrue(line != null, "stream ended early");
                parser.feed(line + "\n");
            }
        }
        assertEquals("ready", parser.events.get(0).event());
        JsonNode idea = JSON.readTree(parser.events.stream().filter(p -> p.event().equals("idea")).findFirst()
                .orElseThrow().data());
        assertEquals("multi\nline\u2028title", idea.get("TITLE").asText());
    }

    @Test
    void aRefusedStreamIsAnErrorInTheSurfaceShapeNotAStream() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUri() + "/client-api/hti/stream")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, r.statusCode());
        assertEquals("{\"detail\":\"api_code query parameter is required\"}", r.body());
        HttpResponse<String> bad = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(url("api_code=x&poll_seconds=99"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("poll_seconds"), bad.body());
        assertEquals(0, bus.subscriberCount("hti.ideas"));
    }

    @Test
    void aDisconnectedClientIsDetectedAndUnsubscribed() throws Exception {
        try (Socket s = new Socket()) {
            s.connect(server.address());
            OutputStream out = s.getOutputStream();
            out.write(("GET /client-api/hti/stream?api_code=a&poll_seconds=0.05 HTTP/1.1\r\nHost: x\r\n"
                    + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.contains("event: ready")) {
                // skip the status line, headers and chunk sizes
            }
            assertEquals(1, route.openStreams());
        }
        Wait.until(() -> route.openStreams() == 0 && bus.subscriberCount("hti.ideas") == 0);
    }

    @Test
    void aClientThatNeverReadsKeepsTheServerQueueBounded() throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(server.address());
            s.getOutputStream().write(("GET /client-api/hti/stream?api_code=a&poll_seconds=10&capacity=32 HTTP/1.1\r\n"
                    + "Host: x\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Subscription sub = subscriptions.poll(10, TimeUnit.SECONDS);
            Wait.until(() -> route.openStreams() == 1);
            String big = "z".repeat(16 * 1024);
            int maxPending = 0;
            for (int i = 0; i < 5000 && sub.dropped() < 1000; i++) {
                bus.publish("hti.ideas", Map.of("TITLE", big, "n", i));
                maxPending = Math.max(maxPending, sub.pending());
            }
            assertTrue(sub.dropped() >= 1000, "a reader-less client must make the queue drop: " + sub.dropped());
            assertTrue(maxPending <= 32, "queue exceeded its bound: " + maxPending);
            assertEquals(1, route.openStreams(), "stream ended: subscription " + sub);
        }
    }

    @Test
    void shutdownEndsStreamsWithTheFarewellEvent() throws Exception {
        OkHttpClient ok = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30)).build();
        Recorder rec = new Recorder();
        EventSources.createFactory(ok).newEventSource(
                new okhttp3.Request.Builder().url(url("api_code=abc&poll_seconds=5")).build(), rec);
        try {
            assertEquals("ready", rec.next()[0]);
            server.close();
            String[] farewell = rec.nextOfType("error");
            assertEquals("server shutting down", JSON.readTree(farewell[1]).get("detail").asText());
            rec.closed.get(10, TimeUnit.SECONDS);
            assertEquals(0, route.openStreams());
            assertFalse(subscriptions.isEmpty() && subscriptions.peek().isActive());
        } finally {
            ok.dispatcher().executorService().shutdown();
            ok.connectionPool().evictAll();
        }
    }

    /** Polls a condition; no timing assertion, just a bounded wait. */
    static final class Wait {
        static void until(java.util.function.BooleanSupplier condition) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!condition.getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("condition not met within 10 s");
                }
                Thread.sleep(10);
            }
        }
    }
}

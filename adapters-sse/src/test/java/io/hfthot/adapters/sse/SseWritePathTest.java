package io.hfthot.adapters.sse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.jdk.SurfaceHttpHandler;
import io.hfthot.adapters.http.jetty.RequestLimits;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.InMemoryEventBus;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import okhttp3.OkHttpClient;
import okhttp3.sse.EventSources;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The pushed write path of {@link SseRoute}: streams hold no thread, events arrive in order, a client that stops
 * reading is cut off once its subscription overflows, and the JDK's own server (one thread per stream) still works.
 */
class SseWritePathTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final JsonCodec codec = JsonCodec.standard();
    private final BlockingQueue<Subscription> subscriptions = new LinkedBlockingQueue<>();
    private InMemoryEventBus bus;
    private SseRoute route;
    private HttpSurface surface;

    @BeforeEach
    void start() {
        bus = InMemoryEventBus.create();
        route = new SseRoute(request -> {
            int capacity = request.query().optionalInt("capacity", 256, 1, 10_000);
            Subscription sub = bus.subscribe("hti.ideas", new SubscriptionOptions(capacity, OverflowPolicy.CANCEL));
            subscriptions.add(sub);
            return SseChannel.of(sub, e -> SseEvent.json("idea", codec, e.payload()).withId(Long.toString(e.sequence())))
                    .withGreeting(SseEvent.json("ready", codec, Map.of("status", "connected")))
                    .withHeartbeat(Duration.ofMillis(100), () -> SseEvent.json("ping", codec, Map.of("ts", "now")))
                    .withFarewell(reason -> SseEvent.json("error", codec, Map.of("detail", "closed: " + reason)));
        });
        surface = HttpSurface.builder("hti", ErrorShape.DETAIL).get("/s", route).closeOnShutdown(route).build();
    }

    @AfterEach
    void stop() {
        bus.close();
    }

    /** 40 streams on a listener of 16 threads: with a thread per stream, most of them would never be served. */
    @Test
    void streamsOutnumberingTheServerThreadsAllReceiveEveryEventInOrder() throws Exception {
        RequestLimits d = RequestLimits.defaults();
        TransportConfig config = new TransportConfig("127.0.0.1", 0, Optional.empty(), 16, false,
                Duration.ofSeconds(30), Duration.ofSeconds(2), d);
        OkHttpClient ok = new OkHttpClient.Builder().readTimeout(Duration.ofSeconds(30))
                .dispatcher(new okhttp3.Dispatcher()).build();
        ok.dispatcher().setMaxRequests(100);
        ok.dispatcher().setMaxRequestsPerHost(100);
        try (TransportServer server = TransportServer.start(config, surface)) {
            List<SseRouteTest.Recorder> recs = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                SseRouteTest.Recorder rec = new SseRouteTest.Recorder();
                EventSources.createFactory(ok).newEventSource(
                        new okhttp3.Request.Builder().url(server.baseUri() + "/s").build(), rec);
                recs.add(rec);
            }
            for (SseRouteTest.Recorder rec : recs) {
                assertEquals("ready", rec.next()[0]);
            }
            SseRouteTest.Wait.until(() -> bus.subscriberCount("hti.ideas") == 40 && route.openStreams() == 40);
            for (int n = 1; n <= 200; n++) {
                bus.publish("hti.ideas", Map.of("n", n));
            }
            for (SseRouteTest.Recorder rec : recs) {
                for (int n = 1; n <= 200; n++) {
                    String[] idea = rec.nextOfType("idea");
                    assertEquals(n, JSON.readTree(idea[1]).get("n").asInt(), "events out of order");
                    assertEquals(Long.toString(n), idea[2]);
                }
            }
            server.close();
            for (SseRouteTest.Recorder rec : recs) {
                assertTrue(JSON.readTree(rec.nextOfType("error")[1]).get("detail").asText().contains("BUS_CLOSED"));
            }
            SseRouteTest.Wait.until(() -> route.openStreams() == 0 && bus.subscriberCount("hti.ideas") == 0);
        } finally {
            ok.dispatcher().executorService().shutdown();
            ok.connectionPool().evictAll();
        }
    }

    /** The subscription's bound holds, its overflow cancels it, and the stuck connection is cut off. */
    @Test
    void aClientThatStopsReadingIsBoundedThenCutOff() throws Exception {
        try (TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), surface);
             Socket s = new Socket()) {
            s.setReceiveBufferSize(4096);
            s.connect(server.address());
            s.getOutputStream().write(("GET /s?capacity=16 HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Subscription sub = subscriptions.poll(10, TimeUnit.SECONDS);
            SseRouteTest.Wait.until(() -> route.openStreams() == 1);
            String big = "z".repeat(16 * 1024);
            // First fill the client's and the kernel's buffers one event at a time, until a write stays pending.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            boolean stuck = false;
            while (!stuck && System.nanoTime() < deadline) {
                bus.publish("hti.ideas", Map.of("TITLE", big));
                long t0 = System.nanoTime();
                while (sub.pending() > 0 && System.nanoTime() - t0 < TimeUnit.MILLISECONDS.toNanos(200)) {
                    Thread.sleep(1);
                }
                stuck = sub.pending() > 0;
            }
            assertTrue(stuck, "the connection never filled up");
            int maxPending = 0;
            for (int i = 0; i < 1000 && sub.isActive(); i++) {
                bus.publish("hti.ideas", Map.of("TITLE", big, "n", i));
                maxPending = Math.max(maxPending, sub.pending());
            }
            long closed = System.nanoTime();
            assertEquals(Optional.of(CloseReason.OVERFLOW), sub.closeReason(), "the queue never overflowed");
            assertTrue(maxPending <= 16, "queue exceeded its bound: " + maxPending);
            assertEquals(1, route.openStreams(), "the farewell cannot have been written yet");
            // The farewell cannot reach a client that does not read: the stream is aborted after the cut-off delay
            // (2 s here: twice the 100 ms heartbeat, at least 2 s), not before.
            SseRouteTest.Wait.until(() -> route.openStreams() == 0 && bus.subscriberCount("hti.ideas") == 0);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closed);
            assertTrue(tookMs >= 1500, "cut off after " + tookMs + " ms, before the 2 s delay");
        }
    }

    /**
     * Mounted in the JDK's own {@code com.sun.net.httpserver} server, a stream cannot be pushed: it keeps its request
     * thread ({@code BlockingStreamSink}) and still greets, streams, pings and says farewell. The JDK's provider is
     * instantiated directly: jetty-http-spi on the class path registers itself as the default provider (the pom
     * exports the JDK's package to the tests).
     */
    @Test
    void theJdkServerStillStreamsWithAThreadPerStream() throws Exception {
        com.sun.net.httpserver.spi.HttpServerProvider jdkProvider = (com.sun.net.httpserver.spi.HttpServerProvider)
                Class.forName("sun.net.httpserver.DefaultHttpServerProvider").getConstructor().newInstance();
        HttpServer jdk = jdkProvider.createHttpServer(new InetSocketAddress("127.0.0.1", 0), 0);
        assertEquals("sun.net.httpserver.HttpServerImpl", jdk.getClass().getName(), "not the JDK's own server");
        int port = jdk.getAddress().getPort();
        jdk.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        jdk.createContext("/", new SurfaceHttpHandler(surface));
        jdk.start();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port));
            s.setSoTimeout(10_000);
            s.getOutputStream().write("GET /s HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(in.readLine().startsWith("HTTP/1.1 200"));
            readUntil(in, "event: ready");
            SseRouteTest.Wait.until(() -> route.openStreams() == 1);
            bus.publish("hti.ideas", Map.of("n", 1));
            readUntil(in, "event: idea");
            assertEquals("id: 1", in.readLine());
            readUntil(in, "event: ping");
            surface.shutdown();
            readUntil(in, "event: error");
            SseRouteTest.Wait.until(() -> route.openStreams() == 0 && bus.subscriberCount("hti.ideas") == 0);
        } finally {
            jdk.stop(0);
            ((java.util.concurrent.ExecutorService) jdk.getExecutor()).shutdownNow();
        }
    }

    private static void readUntil(BufferedReader in, String line) throws Exception {
        String l;
        while ((l = in.readLine()) != null) {
            if (l.equals(line)) {
                return;
            }
        }
        throw new AssertionError("stream ended before '" + line + "'");
    }
}

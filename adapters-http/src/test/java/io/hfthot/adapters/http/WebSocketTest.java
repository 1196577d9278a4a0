package io.hfthot.adapters.http;

import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.jetty.TransportConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.events.InMemoryEventBus;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.SubscriptionOptions;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** WebSocket on the REST port, driven by the JDK's {@code java.net.http.WebSocket} and a raw socket. */
class WebSocketTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();
    private final CompletableFuture<WebSocketConnection> slowOpened = new CompletableFuture<>();
    private final CompletableFuture<WebSocketConnection> dropOpened = new CompletableFuture<>();
    private final CompletableFuture<int[]> serverSawClose = new CompletableFuture<>();
    private InMemoryEventBus bus;
    private TransportServer server;
    private String ws;

    /** Seed 000's stream: {"type":"ping"} gets {"type":"pong"}; anything else is echoed back. */
    final class EchoEndpoint implements WebSocketEndpoint {
        @Override
        public void authorize(RequestContext upgrade) {
            String key = upgrade.query().first("api_key").orElseThrow(() ->
                    new ApiException(ErrorKind.UNAUTHORIZED, "missing api_key query parameter"));
            if (key.startsWith("hft_free_")) {
                throw new ApiException(ErrorKind.TIER_REQUIRED, "WebSocket streams need the Professional tier");
            }
            upgrade.attributes().put("key", key);
        }

        @Override
        public void onText(WebSocketConnection c, String text) {
            JsonNode msg = JsonCodec.standard().decode(text, JsonNode.class);
            if ("ping".equals(msg.path("type").asText())) {
                c.sendJson(Map.of("type", "pong"));
            } else if ("close".equals(msg.path("type").asText())) {
                c.close(4000, "asked to close");
            } else {
                c.sendJson(Map.of("echo", msg, "key", c.attributes().get("key")));
            }
        }

        @Override
        public void onClose(WebSocketConnection c, int code, String reason) {
            serverSawClose.complete(new int[] {code});
        }
    }

    @BeforeEach
    void start() throws Exception {
        bus = InMemoryEventBus.create();
        HttpSurface surface = HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE)
                .get("/v1/health", r -> Response.ok(Map.of("status", "ok")))
                .webSocket("/v1/stream", new EchoEndpoint())
                .webSocket("/idle", new WebSocketEndpoint() { }, WebSocketSettings.defaults()
                        .withIdleTimeout(Duration.ofMillis(300)))
                .webSocket("/quiet", new WebSocketEndpoint() { }, WebSocketSettings.defaults()
                        .withIdleTimeout(Duration.ofMillis(1500)).withKeepAlivePing(Duration.ofMillis(100)))
                .webSocket("/feed", new WebSocketEndpoint() {
                    @Override
                    public void onOpen(WebSocketConnection c) {
                        EventForwarding.toWebSocket(bus, "ticks", SubscriptionOptions.defaults(), c, e -> e.payload());
                    }
                })
                .webSocket("/slow", new WebSocketEndpoint() {
                    @Override
                    public void onOpen(WebSocketConnection c) {
                        slowOpened.complete(c);
                    }
                }, WebSocketSettings.defaults().withSendQueue(64, SlowClientPolicy.DISCONNECT))
                .webSocket("/lossy", new WebSocketEndpoint() {
                    @Override
                    public void onOpen(WebSocketConnection c) {
                        dropOpened.complete(c);
                    }
                }, WebSocketSettings.defaults().withSendQueue(64, SlowClientPolicy.DROP_OLDEST))
                .build();
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), surface);
        ws = "ws://127.0.0.1:" + server.port();
    }

    @AfterEach
    void stop() {
        server.close();
        bus.close();
    }

    @Test
    void handshakeJsonMessagesAndApplicationPing() throws Exception {
        WsClient c = WsClient.connect(client, ws + "/v1/stream?api_key=hft_pro_k");
        c.socket.sendText("{\"type\":\"subscribe\",\"stream\":\"price_feed\",\"symbol\":\"BTC-USDT\"}", true);
        JsonNode echo = JSON.readTree(c.next());
        assertEquals("BTC-USDT", echo.path("echo").path("symbol").asText());
        assertEquals("hft_pro_k", echo.path("key").asText());
        c.socket.sendText("{\"type\":\"ping\"}", true);
        assertEquals("{\"type\":\"pong\"}", c.next());
        assertEquals(1, server.surface().webSocket("/v1/stream").liveConnections());
        c.socket.sendClose(1000, "bye").get(5, TimeUnit.SECONDS);
        assertEquals(1000, c.closeCode.get(5, TimeUnit.SECONDS)[0]);
        assertEquals(1000, serverSawClose.get(5, TimeUnit.SECONDS)[0]);
    }

    @Test
    void malformedJsonMessageGetsAnErrorMessageAndTheConnectionStays() throws Exception {
        WsClient c = WsClient.connect(client, ws + "/v1/stream?api_key=hft_pro_k");
        c.socket.sendText("{not json", true);
        JsonNode err = JSON.readTree(c.next());
        assertEquals("error", err.path("type").asText());
        assertEquals("INVALID_PARAMS", err.path("code").asText());
        assertTrue(err.path("message").asText().startsWith("malformed JSON at line 1"), err.toString());
        c.socket.sendText("{\"type\":\"ping\"}", true);
        assertEquals("{\"type\":\"pong\"}", c.next());
    }

    @Test
    void protocolPingIsAnsweredWithPong() throws Exception {
        WsClient c = WsClient.connect(client, ws + "/v1/stream?api_key=hft_pro_k");
        c.socket.sendPing(ByteBuffer.wrap("hb-1".getBytes(StandardCharsets.UTF_8)));
        ByteBuffer pong = c.pong.get(5, TimeUnit.SECONDS);
        assertEquals("hb-1", StandardCharsets.UTF_8.decode(pong).toString());
    }

    @Test
    void serverInitiatedCloseCarriesItsCode() throws Exception {
        WsClient c = WsClient.connect(client, ws + "/v1/stream?api_key=hft_pro_k");
        c.socket.sendText("{\"type\":\"close\"}", true);
        assertEquals(4000, c.closeCode.get(5, TimeUnit.SECONDS)[0]);
        assertEquals("asked to close", c.closeReason);
    }

    @Test
    void upgradeIsRefusedWith401Or403InTheSurfaceShape() {
        ExecutionException missing = assertThrows(ExecutionException.class,
                () -> WsClient.connect(client, ws + "/v1/stream"));
        WebSocketHandshakeException h401 = assertInstanceOf(WebSocketHandshakeException.class, missing.getCause());
        assertEquals(401, h401.getResponse().statusCode());
        String body = h401.getResponse().body() == null ? "" : h401.getResponse().body().toString();
        assertTrue(body.isEmpty() || body.contains("UNAUTHORIZED"), body);
        ExecutionException free = assertThrows(ExecutionException.class,
                () -> WsClient.connect(client, ws + "/v1/stream?api_key=hft_free_k"));
        assertEquals(403, ((WebSocketHandshakeException) free.getCause()).getResponse().statusCode());
        assertEquals(0, server.surface().webSocket("/v1/stream").liveConnections());
    }

    @Test
    void restStillWorksOnTheSamePort() throws Exception {
        var r = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUri() + "/v1/health")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals("{\"status\":\"ok\"}", r.body());
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        WsClient c = WsClient.connect(client, ws + "/idle");
        int code = c.closeCode.get(10, TimeUnit.SECONDS)[0];
        assertEquals(1001, code, "idle timeout closes with 1001; reason " + c.closeReason);
    }

    @Test
    void keepAlivePingsHoldAQuietConnectionOpenPastTheIdleTimeout() throws Exception {
        WsClient c = WsClient.connect(client, ws + "/quiet");
        // The JDK client answers pings itself; two idle timeouts pass without a close.
        assertThrows(java.util.concurrent.TimeoutException.class, () -> c.closeCode.get(3000, TimeUnit.MILLISECONDS));
        assertEquals(1, server.surface().webSocket("/quiet").liveConnections());
    }

    @Test
    void busEventsReachTheClientAndDisconnectUnsubscribes() throws Exception {
        WsClient c = WsClient.connect(client, ws + "/feed");
        waitFor(() -> bus.subscriberCount("ticks") == 1);
        bus.publish("ticks", Map.of("type", "tick", "price", 42315.5));
        JsonNode tick = JSON.readTree(c.next());
        assertEquals(42315.5, tick.path("price").asDouble());
        c.socket.sendClose(1000, "done").get(5, TimeUnit.SECONDS);
        waitFor(() -> bus.subscriberCount("ticks") == 0);
        assertEquals(0, server.surface().webSocket("/feed").liveConnections());
    }

    @Test
    void aClientThatNeverReadsIsDisconnectedAndItsQueueStaysBounded() throws Exception {
        try (Socket raw = neverReadingClient("/slow")) {
            WebSocketConnection c = slowOpened.get(10, TimeUnit.SECONDS);
            String payload = "x".repeat(4096);
            int maxQueued = 0;
            int sent = 0;
            // 200 MB offered: far beyond socket buffers, so the queue must fill and the policy act.
            while (c.isOpen() && sent < 50_000) {
                c.send(payload);
                sent++;
                maxQueued = Math.max(maxQueued, c.queuedMessages());
            }
            assertFalse(c.isOpen(), "the slow client must be disconnected");
            assertTrue(maxQueued <= 64, "queue exceeded its bound: " + maxQueued);
            assertFalse(c.send(payload), "sending after the disconnect is refused");
            waitFor(() -> server.surface().webSocket("/slow").liveConnections() == 0);
        }
    }

    @Test
    void dropOldestKeepsASlowClientConnectedWithABoundedQueue() throws Exception {
        try (Socket raw = neverReadingClient("/lossy")) {
            WebSocketConnection c = dropOpened.get(10, TimeUnit.SECONDS);
            String payload = "y".repeat(4096);
            int maxQueued = 0;
            for (int i = 0; i < 50_000 && c.droppedMessages() < 1000; i++) {
                assertTrue(c.send(payload));
                maxQueued = Math.max(maxQueued, c.queuedMessages());
            }
            assertTrue(c.droppedMessages() >= 1000, "messages must have been dropped: " + c.droppedMessages());
            assertTrue(maxQueued <= 64, "queue exceeded its bound: " + maxQueued);
            assertTrue(c.isOpen());
        }
    }

    /** Performs the upgrade by hand and then never reads a byte. */
    private Socket neverReadingClient(String path) throws Exception {
        Socket s = new Socket();
        s.setReceiveBufferSize(4096);
        s.connect(server.address());
        OutputStream out = s.getOutputStream();
        out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(10);
        }
    }
}

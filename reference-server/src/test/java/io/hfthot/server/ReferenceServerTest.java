package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.lab.api.GeneratedKey;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newHttpClient();

    private JsonNode get(String url) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    @Test
    void servesHealthOnEverySurfaceThatHasOneAndCountsStreamConnections(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("nested/data");
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.ephemeral(data))) {
            assertTrue(Files.isDirectory(data), "the data directory is created on first start");
            assertEquals("ok", get(server.baseUri(ReferenceServer.Surface.HFTHOT) + "/v1/health").get("status").asText());
            String mm = server.baseUri(ReferenceServer.Surface.MARKET_MAKER);
            assertEquals(JSON.readTree("{\"status\":\"ok\",\"connections\":0}"), get(mm + "/health"));

            LinkedBlockingQueue<String> received = new LinkedBlockingQueue<>();
            WebSocket ws = client.newWebSocketBuilder().buildAsync(
                    URI.create("ws://127.0.0.1:" + server.port(ReferenceServer.Surface.MARKET_MAKER) + "/api/v1/ws/stream"),
                    new WebSocket.Listener() {
                        @Override
                        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                            received.add(data.toString());
                            webSocket.request(1);
                            return null;
                        }
                    }).get(10, TimeUnit.SECONDS);
            assertEquals(1, get(mm + "/health").get("connections").asInt());
            // The market maker runs: a new dashboard first gets the latest TradeData, then every tick's.
            JsonNode trade = JSON.readTree(received.poll(10, TimeUnit.SECONDS));
            assertTrue(trade.get("token_id").isTextual() && trade.get("action").isTextual(), trade.toString());
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(5, TimeUnit.SECONDS);
            waitFor(() -> {
                try {
                    return get(mm + "/health").get("connections").asInt() == 0;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            HttpResponse<String> notFound = client.send(HttpRequest.newBuilder(URI.create(mm + "/nope")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(404, notFound.statusCode());
            assertEquals("{\"detail\":\"no route for GET /nope\"}", notFound.body());
            List<String> described = server.describe();
            // Every surface that serves something is listed, with its port; the hub's demo user is printed.
            assertTrue(described.stream().anyMatch(l -> l.startsWith("HTI trade ideas")
                    && l.contains(":" + server.port(ReferenceServer.Surface.HTI))), described.toString());
            assertTrue(described.stream().anyMatch(l -> l.startsWith("agents hub")
                    && l.contains(":" + server.port(ReferenceServer.Surface.HUB))), described.toString());
            String demo = server.hub().demoUser().orElseThrow().get(1);
            assertTrue(described.stream().anyMatch(l -> l.contains(demo)), "hub demo user printed");
            assertTrue(described.stream().anyMatch(l -> l.startsWith("HFThot gRPC") && l.contains(":" + server.grpcPort())),
                    described.toString());
            for (GeneratedKey key : server.lab().demoKeys()) {
                assertTrue(described.stream().anyMatch(l -> l.contains(key.apiKey())), "demo key printed: " + key);
            }
        }
    }

    @Test
    void closeReleasesEveryPort(@TempDir Path tmp) throws Exception {
        ReferenceServer server = ReferenceServer.start(ServerConfig.ephemeral(tmp));
        Map<ReferenceServer.Surface, Integer> ports = new EnumMap<>(ReferenceServer.Surface.class);
        for (ReferenceServer.Surface s : ReferenceServer.Surface.values()) {
            ports.put(s, server.port(s));
        }
        int grpcPort = server.grpcPort();
        server.close();
        for (int port : concat(ports.values(), grpcPort)) {
            try (ServerSocket again = new ServerSocket()) {
                again.bind(new InetSocketAddress("127.0.0.1", port));
            }
        }
    }

    @Test
    void aBusyPortFailsTheStartAndStopsTheListenersAlreadyStarted(@TempDir Path tmp) throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress("127.0.0.1", 0));
            ServerConfig base = ServerConfig.ephemeral(tmp);
            ServerConfig clash = new ServerConfig(base.bindHost(), 0, taken.getLocalPort(), 0, base.dataDir(),
                    base.tls(), base.corsOrigins(), false, base.shutdownGrace(), base.seed(), base.history(), false, base.storage(),
                    base.labLimits(), base.sql(), base.requestLimits(), base.operations(), 0, base.hub());
            IOException e = assertThrows(IOException.class, () -> ReferenceServer.start(clash));
            assertTrue(e.getMessage().contains("mm") && e.getMessage().contains(Integer.toString(taken.getLocalPort())),
                    e.getMessage());
        }
    }

    private static List<Integer> concat(java.util.Collection<Integer> ports, int more) {
        List<Integer> all = new java.util.ArrayList<>(ports);
        all.add(more);
        return all;
    }

    static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            Thread.sleep(20);
        }
    }
}

package io.hfthot.server.ops;

import static io.hfthot.server.ops.PrometheusText.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Context;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.adapters.grpc.proto.Tick;
import io.hfthot.adapters.grpc.proto.TickerRequest;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.server.ReferenceServer;
import io.hfthot.server.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The management listener of a running reference server: a Prometheus scrape taken while the server is under a
 * small, bounded load (REST successes, 404s, 429s, a key creation, a WebSocket stream, gRPC unary and stream) shows
 * every metric moving; readiness really checks; gRPC health and reflection answer real client stubs.
 */
class OperationsEndToEndTest {
    @TempDir
    static Path data;
    private static ReferenceServer server;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() throws Exception {
        server = ReferenceServer.start(ServerConfig.ephemeral(data));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (management("/health/ready").statusCode() != 200) {
            assertTrue(System.nanoTime() < deadline, "the server became ready within 30 s: " + management("/health/ready").body());
            Thread.sleep(100);
        }
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static HttpResponse<String> management(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.managementPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static PrometheusText scrape() throws Exception {
        HttpResponse<String> r = management("/metrics");
        assertEquals(200, r.statusCode());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/plain; version=0.0.4"));
        return PrometheusText.parse(r.body());
    }

    private static int api(String method, String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT) + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("X-HFThot-API-Key", key);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String key(String prefix) {
        return server.lab().demoKeys().stream().map(GeneratedKey::apiKey).filter(k -> k.startsWith(prefix)).findFirst()
                .orElseThrow();
    }

    private static Metadata apiKey(String key) {
        Metadata m = new Metadata();
        m.put(Metadata.Key.of("x-hfthot-api-key", Metadata.ASCII_STRING_MARSHALLER), key);
        return m;
    }

    @Test
    void aScrapeUnderLoadShowsEveryMetricMoving() throws Exception {
        PrometheusText before = scrape();
        String pro = key("hft_pro_");
        String regimeRoute = "/v1/signals/regime";
        for (int i = 0; i < 20; i++) {
            assertEquals(200, api("GET", "/v1/signals/regime?symbol=BTC-USDT", pro));
        }
        assertEquals(404, api("GET", "/v1/no-such-route", pro));
        assertEquals(201, api("POST", "/v1/keys", pro), "a key creation commits to the lakehouse");
        // The free tier allows 60 requests a minute: the 61st and later are refused.
        String free = key("hft_free_");
        Set<Integer> freeStatuses = new java.util.HashSet<>();
        for (int i = 0; i < 65; i++) {
            freeStatuses.add(api("GET", "/v1/market/ticker?symbol=BTC-USDT", free));
        }
        assertTrue(freeStatuses.contains(429), "free tier refused past its limit: " + freeStatuses);

        CountDownLatch wsMessage = new CountDownLatch(1);
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT)
                .replaceFirst("^http", "ws") + "/v1/stream?api_key=" + pro), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence text, boolean last) {
                        wsMessage.countDown();
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        ws.sendText("{\"type\":\"subscribe\",\"stream\":\"price_feed\",\"symbol\":\"BTC-USDT\"}", true).get(5, TimeUnit.SECONDS);
        assertTrue(wsMessage.await(10, TimeUnit.SECONDS), "the WebSocket delivers");

        String code = server.htiService().demoCodes().get(0).code();
        CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> sse = HTTP.sendAsync(HttpRequest.newBuilder(
                URI.create(server.baseUri(ReferenceServer.Surface.HTI) + "/client-api/hti/stream?api_code=" + code
                        + "&poll_seconds=1")).build(), HttpResponse.BodyHandlers.ofLines());
        sse.get(10, TimeUnit.SECONDS);

        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        try (Context.CancellableContext stream = Context.current().withCancellation()) {
            MarketServiceGrpc.MarketServiceBlockingStub market = MarketServiceGrpc.newBlockingStub(channel)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(apiKey(pro)));
            market.withDeadlineAfter(10, TimeUnit.SECONDS).getTicker(TickerRequest.newBuilder().setSymbol("ETH-USDT").build());
            Iterator<Tick> ticks = stream.call(() -> market.streamTicks(SubscribeRequest.newBuilder().setSymbol("BTC-USDT").build()));
            stream.run(ticks::next);

            PrometheusText during = scrape();
            assertTrue(during.sum("hfthot_http_server_requests_seconds_count", label("route", regimeRoute).and(label("status", "200")))
                    - before.sum("hfthot_http_server_requests_seconds_count", label("route", regimeRoute).and(label("status", "200"))) >= 20);
            assertTrue(during.sum("hfthot_http_server_requests_seconds_bucket", label("route", regimeRoute).and(label("le", "+Inf")))
                    >= 20, "a latency histogram per route");
            assertMoved(before, during, "hfthot_http_server_errors_total", label("status", "404").and(label("route", "unmatched")));
            assertMoved(before, during, "hfthot_rate_limit_refusals_total", label("transport", "http"));
            assertMoved(before, during, "hfthot_access_log_lines_total", l -> true);
            assertTrue(during.has("hfthot_access_log_lost_lines_total"), "lost access lines are counted (at 0)");
            assertTrue(during.sum("hfthot_streams_open", label("transport", "websocket")) >= 1, "open WebSocket counted");
            assertTrue(during.sum("hfthot_streams_open", label("transport", "grpc")) >= 1, "open gRPC stream counted");
            assertTrue(during.sum("hfthot_streams_open", label("transport", "sse").and(label("surface", "hti"))) >= 1,
                    "open HTI event stream counted");
            assertMoved(before, during, "hfthot_grpc_server_calls_seconds_count", label("method", "GetTicker").and(label("code", "OK")));
            assertMoved(before, during, "hfthot_event_bus_lag_seconds_count", l -> true);
            assertTrue(during.sum("hfthot_event_bus_subscribers", label("symbol", "BTC-USDT")) >= 3,
                    "probe, WebSocket and gRPC subscribers of BTC-USDT ticks");
            assertMoved(before, during, "hfthot_lakehouse_commits_total", l -> true);
            assertTrue(during.has("hfthot_lakehouse_commit_conflicts_total"),
                    "conflicts are exported per committed table (MeteredLogStoreTest provokes real ones)");
            assertTrue(during.sum("hfthot_lakehouse_files") > 0, "file counts of the tables");
            assertMoved(before, during, "process_uptime_seconds", l -> true);
            assertTrue(during.sum("jvm_memory_used_bytes") > 0 && during.has("jvm_threads_live_threads")
                    && during.has("jvm_classes_loaded_classes"), "JVM metrics");
        } finally {
            sse.get().body().close();
            ws.abort();
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (scrape().sum("hfthot_streams_open") > 0) {
            assertTrue(System.nanoTime() < deadline, "closed streams are no longer counted");
            Thread.sleep(50);
        }
    }

    private static void assertMoved(PrometheusText before, PrometheusText after, String name,
                                    java.util.function.Predicate<java.util.Map<String, String>> labels) {
        double b = before.sum(name, labels);
        double a = after.sum(name, labels);
        assertTrue(a > b, name + " moved: before " + b + ", after " + a);
    }

    @Test
    void livenessAndReadinessAnswerWithTheirChecks() throws Exception {
        HttpResponse<String> live = management("/health/live");
        assertEquals(200, live.statusCode());
        HttpResponse<String> ready = management("/health/ready");
        assertEquals(200, ready.statusCode(), ready.body());
        assertTrue(ready.body().contains("\"lakehouse\":{\"ok\":true") && ready.body().contains("\"feed\":{\"ok\":true"),
                ready.body());
        HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.managementPort()
                + "/metrics")).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(405, post.statusCode());
        assertEquals("GET, HEAD", post.headers().firstValue("Allow").orElse(""));
        assertEquals(404, management("/metricsx").statusCode());
        HttpResponse<String> head = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.managementPort()
                + "/health/live")).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
        assertEquals(live.body().length(), Integer.parseInt(head.headers().firstValue("Content-Length").orElse("-1")));
    }

    @Test
    void grpcHealthAndReflectionAnswerRealStubs() throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", server.grpcPort()).usePlaintext().build();
        try {
            HealthGrpc.HealthBlockingStub health = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
            // gRPC's health follows readiness once a second, so it may trail /health/ready by up to that second.
            HealthCheckResponse.ServingStatus overall = health.check(HealthCheckRequest.newBuilder().setService("").build())
                    .getStatus();
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (overall != HealthCheckResponse.ServingStatus.SERVING && System.nanoTime() < until) {
                Thread.sleep(100);
                overall = health.check(HealthCheckRequest.newBuilder().setService("").build()).getStatus();
            }
            assertEquals(HealthCheckResponse.ServingStatus.SERVING, overall, "no API key needed");
            assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                    health.check(HealthCheckRequest.newBuilder().setService("hfthot.v1.SignalService").build()).getStatus());

            CompletableFuture<List<String>> services = new CompletableFuture<>();
            StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(channel)
                    .serverReflectionInfo(new StreamObserver<>() {
                        @Override
                        public void onNext(ServerReflectionResponse r) {
                            services.complete(r.getListServicesResponse().getServiceList().stream()
                                    .map(s -> s.getName()).collect(Collectors.toList()));
                        }

                        @Override
                        public void onError(Throwable t) {
                            services.completeExceptionally(t);
                        }

                        @Override
                        public void onCompleted() {
                        }
                    });
            requests.onNext(ServerReflectionRequest.newBuilder().setListServices("").build());
            List<String> names = services.get(10, TimeUnit.SECONDS);
            requests.onCompleted();
            assertTrue(names.containsAll(List.of("hfthot.v1.MarketService", "hfthot.v1.SignalService",
                    "hfthot.v1.PortfolioService", "grpc.health.v1.Health")), names.toString());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}

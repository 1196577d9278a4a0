package io.hfthot.adapters.http.lab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * A real lab engine (small simulated history, in-memory keys) behind a real transport server on
 * 127.0.0.1:0, with helpers for the JDK HTTP client. Each test class starts and closes its own.
 */
final class LabServerFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    final LabService engine;
    final TransportServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;
    private final java.util.concurrent.atomic.AtomicInteger accounts = new java.util.concurrent.atomic.AtomicInteger();

    LabServerFixture(Path dataDir, LabHttpOptions options) throws IOException {
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dataDir, 7L), Clock.systemUTC(), null);
        HttpSurface.Builder builder = HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE)
                .get("/v1/health", r -> Response.ok(Map.of("status", "ok")));
        LabHttpSurface.mount(builder, engine, engine.access(), Clock.systemUTC(), options);
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), builder.build());
        base = server.baseUri();
    }

    /** Issues a fresh key of a tier in its own account (fresh accounts have fresh quotas). */
    String key(Tier tier) {
        return engine.access().keys().issue("test-" + tier.id() + "-" + accounts.incrementAndGet(), tier).rawKey();
    }

    HttpResponse<String> delete(String path, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("X-HFThot-API-Key", key);
        }
        return client.send(b.DELETE().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery, String key) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60));
        if (key != null) {
            b.header("X-HFThot-API-Key", key);
        }
        return client.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String pathAndQuery, String key) throws IOException, InterruptedException {
        HttpRequest r = HttpRequest.newBuilder(URI.create(base + pathAndQuery)).timeout(Duration.ofSeconds(60))
                .header("X-HFThot-API-Key", key).GET().build();
        return client.send(r, HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String key, String json) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json");
        if (key != null) {
            b.header("X-HFThot-API-Key", key);
        }
        return client.send(b.POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    @Override
    public void close() {
        server.close();
        engine.close();
    }
}

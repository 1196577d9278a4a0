package io.hfthot.adapters.http.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.Engine;
import io.hfthot.engine.hub.HubOptions;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.auth.Argon2idPasswords;
import io.hfthot.engine.lab.LabConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * A real engine (small simulated history) and hub behind a real transport server on 127.0.0.1:0, with a clock
 * that tests can move forward, and JDK HTTP client helpers. Each test starts and closes its own.
 */
final class HubFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ADMIN = "alice@example.com";
    static final String PASSWORD = "correct-horse-battery";
    static final String INTERNAL = "internal-secret-for-tests-0123";

    final AtomicLong shiftMillis = new AtomicLong();
    final InstantSource clock = () -> Instant.now().plusMillis(shiftMillis.get());
    final Engine engine;
    final HubService hub;
    final TransportServer server;
    final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    final String base;

    HubFixture(Path dataDir) throws IOException {
        this(dataDir, UnaryOperator.identity());
    }

    HubFixture(Path dataDir, UnaryOperator<HubOptions> tweak) throws IOException {
        engine = Engine.builder(LabConfig.forTests(dataDir, 7L)).clock(clock).inMemoryIdentity().build();
        hub = HubService.start(engine, tweak.apply(HubOptions.defaults().withAdmin(ADMIN, PASSWORD)
                .withPasswords(new Argon2idPasswords(1024, 1, 1)).withInternalSecret(INTERNAL)));
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), HubHttpSurface.surface(hub,
                CorsPolicy.disabled()));
        base = server.baseUri();
    }

    /** Logs in and returns the token pair. */
    JsonNode login(String email, String password) throws Exception {
        HttpResponse<String> r = post("/auth/login", null, "{\"email\":\"" + email + "\",\"password\":\"" + password
                + "\"}");
        if (r.statusCode() != 200) {
            throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
        }
        return json(r);
    }

    HttpResponse<String> send(String method, String path, String auth, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (auth != null) {
            if (auth.startsWith("hub_")) {
                b.header("X-API-Key", auth);
            } else {
                b.header("Authorization", "Bearer " + auth);
            }
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String auth) throws Exception {
        return send("GET", path, auth, null);
    }

    HttpResponse<String> post(String path, String auth, String json) throws Exception {
        return send("POST", path, auth, json);
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

package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.keys.MasterKeySource;
import io.hfthot.engine.storage.StorageOptions;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * A really full disk (a small tmpfs filled to ENOSPC): writes answer 503 with seed 000's error shape, reads go
 * on, {@code /v1/health} says degraded with the reason (still 200), a restart on the full disk works
 * (read-only), and freeing space makes the server writable again by itself.
 */
class DiskFullTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROBE = Duration.ofMillis(200);
    private final HttpClient client = HttpClient.newHttpClient();

    private HttpResponse<String> send(ReferenceServer server, String method, String path, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT) + path))
                .method(method, HttpRequest.BodyPublishers.noBody());
        if (key != null) {
            b.header("X-HFThot-API-Key", key);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode health(ReferenceServer server) throws Exception {
        HttpResponse<String> r = send(server, "GET", "/v1/health", null);
        assertEquals(200, r.statusCode(), r.body());
        return JSON.readTree(r.body());
    }

    private void awaitHealth(ReferenceServer server, String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!status.equals(health(server).get("status").asText())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("health did not become " + status + ": " + health(server));
            }
            Thread.sleep(50);
        }
    }

    private void assertReadsWork(ReferenceServer server, String key) throws Exception {
        HttpResponse<String> bars = send(server, "GET", "/v1/market/ohlcv?symbol=BTC-USDT&interval=1m&limit=10", key);
        assertEquals(200, bars.statusCode(), bars.body());
        assertEquals(10, JSON.readTree(bars.body()).get("bars").size());
        String sql = URLEncoder.encode("SELECT count(*) AS n FROM market.ohlcv", StandardCharsets.UTF_8);
        HttpResponse<String> query = send(server, "GET", "/v1/lakehouse/query?sql=" + sql + "&format=json", key);
        assertEquals(200, query.statusCode(), query.body());
        assertEquals(200, send(server, "GET", "/v1/account/usage", key).statusCode());
    }

    private void assertWriteRefused(ReferenceServer server, String key) throws Exception {
        HttpResponse<String> refused = send(server, "POST", "/v1/keys", key);
        assertEquals(503, refused.statusCode(), refused.body());
        JsonNode body = JSON.readTree(refused.body());
        assertEquals("SERVICE_UNAVAILABLE", body.get("code").asText(), refused.body());
        assertTrue(body.get("message").asText().startsWith("creating an API key needs to write to the server's data "
                + "directory, which is read-only for now: "), refused.body());
    }

    /**
     * With a reserve the server stops writing before the disk is full (health turns degraded by itself); with
     * none, the first write that meets ENOSPC is the one refused, and the kernel's "No space left on device"
     * is recognised through the lakehouse's wrapping.
     */
    @ParameterizedTest(name = "reserve {0} bytes")
    @ValueSource(longs = {1 << 20, 0})
    void writesAnswer503ReadsGoOnHealthSaysDegradedARestartWorksAndFreeingSpaceRecovers(long reserve, @TempDir Path tmp)
            throws Exception {
        try (TmpfsMount disk = TmpfsMount.mount(tmp.resolve("disk"), "160m")) {
            Path data = disk.dir().resolve("data");
            ServerConfig config = ServerConfig.ephemeral(data)
                    .withStorage(new StorageOptions(MasterKeySource.inDataDirectory(), reserve, PROBE));
            Path filler = disk.dir().resolve("filler");
            String pro;
            try (ReferenceServer server = ReferenceServer.start(config)) {
                pro = server.lab().demoKeys().stream().map(GeneratedKey::apiKey).filter(k -> k.startsWith("hft_pro_"))
                        .findFirst().orElseThrow();
                assertEquals(JSON.readTree("{\"status\":\"ok\"}"), health(server));
                assertEquals(201, send(server, "POST", "/v1/keys", pro).statusCode());

                TmpfsMount.fill(filler);
                if (reserve > 0) {
                    awaitHealth(server, "degraded");
                }
                assertWriteRefused(server, pro);
                String reason = health(server).get("reason").asText();
                assertTrue(reason.contains(reserve > 0 ? "bytes are free on the data directory's file system"
                        : "a write failed: No space left on device"), reason);
                assertFalse(reason.contains(tmp.toString()), "the public health route shows no server path: " + reason);
                assertReadsWork(server, pro);
            }
            try (ReferenceServer again = ReferenceServer.start(config)) {
                assertTrue(Files.exists(filler), "the disk is still full");
                assertEquals("degraded", health(again).get("status").asText(), "read-only from the start");
                assertWriteRefused(again, pro);
                assertReadsWork(again, pro);

                Files.delete(filler);
                awaitHealth(again, "ok");
                assertEquals(JSON.readTree("{\"status\":\"ok\"}"), health(again));
                HttpResponse<String> created = send(again, "POST", "/v1/keys", pro);
                assertEquals(201, created.statusCode(), created.body());
            }
        }
    }
}

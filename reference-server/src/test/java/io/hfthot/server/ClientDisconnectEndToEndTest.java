package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.sql.SqlLimits;
import io.hfthot.server.wiring.SqlConfig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SQL query whose HTTP client disconnects is cancelled on the reference server: the key's one concurrent-query
 * slot is free again within a few polls, where a query left running would hold it until its 20 s time limit (and
 * the follow-up query would get 429 {@code RATE_LIMITED} "already runs 1 SQL queries").
 */
@Timeout(60)
class ClientDisconnectEndToEndTest {
    private static final String SLOW_SQL = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r "
            + "WHERE n < 1000000000) SELECT max(n) FROM r";

    @Test
    void aQueryWhoseClientLeftStopsAndFreesItsSlot(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "the kernel publishes no TCP table here (not Linux)");
        Map<Tier, Duration> timeouts = SqlLimits.defaultTimeouts();
        timeouts.put(Tier.ENTERPRISE, Duration.ofSeconds(20));
        SqlConfig sql = new SqlConfig("256MB", 1, "256MB", new SqlLimits(1, 4, Duration.ofMillis(500), timeouts));
        try (ReferenceServer server = ReferenceServer.start(ServerConfig.ephemeral(dir).withSql(sql))) {
            String key = server.lab().demoKeys().stream().map(GeneratedKey::apiKey)
                    .filter(k -> k.startsWith("hft_ent_")).findFirst().orElseThrow();
            URI base = URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT));
            try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), base.getPort())) {
                OutputStream out = socket.getOutputStream();
                out.write(("GET /v1/lakehouse/query?format=json&sql=" + URLEncoder.encode(SLOW_SQL, StandardCharsets.UTF_8)
                        + " HTTP/1.1\r\nHost: t\r\nX-HFThot-API-Key: " + key + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(1_000);
            }
            HttpClient client = HttpClient.newHttpClient();
            HttpRequest probe = HttpRequest.newBuilder(URI.create(base + "/v1/lakehouse/query?format=json&sql="
                    + URLEncoder.encode("SELECT 1 AS one", StandardCharsets.UTF_8))).header("X-HFThot-API-Key", key).build();
            long t0 = System.nanoTime();
            HttpResponse<String> answer = client.send(probe, HttpResponse.BodyHandlers.ofString());
            while (answer.statusCode() == 429 && System.nanoTime() - t0 < Duration.ofSeconds(5).toNanos()) {
                Thread.sleep(100);
                answer = client.send(probe, HttpResponse.BodyHandlers.ofString());
            }
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(ms < 5_000, "the slot was free " + ms + " ms after the client left");
        }
    }
}

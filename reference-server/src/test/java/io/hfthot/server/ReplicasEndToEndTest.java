package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.redis.RedisServer;
import io.hfthot.lakehouse.ColumnBatch;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.Snapshot;
import io.hfthot.server.wiring.Replicas;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes started with {@code --redis} on one redis-server and one data directory (issue 18's "must
 * show"): keys, hub keys and secrets, the sliding-window limit and live ticks are shared; Redis unreachable means 503, never 500 and never
 * an unmetered request; killing the market writer hands its lease to the other replica within 10 s and
 * {@code market.ohlcv} holds no duplicate (symbol, interval, ts). Real processes, because the lease must survive a
 * SIGKILL. The steps share the two processes and run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasEndToEndTest {
    private static final Pattern TICK = Pattern.compile(
            "\"price\":([-0-9.Ee]+),\"qty\":([-0-9.Ee]+),\"side\":\"[a-z]+\",\"ts_ms\":(\\d+)");
    private static final Pattern REPLICA = Pattern.compile("^\\s*replica\\s+(\\S+) on Redis");

    @TempDir
    static Path tmp;

    private static RedisServer redis;
    private static ServerProcess a;
    private static ServerProcess b;
    private static String baseA;
    private static String baseB;
    private static Map<String, String> demoKeys;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startTwoReplicas() throws Exception {
        redis = RedisServer.start();
        Path data = Files.createDirectories(tmp.resolve("data"));
        a = replica(data, "a");
        a.awaitStarted(180);
        // B starts once A has written the history, as a rolling deployment would.
        b = replica(data, "b");
        b.awaitStarted(180);
        baseA = "http://127.0.0.1:" + a.port("HFThot REST");
        baseB = "http://127.0.0.1:" + b.port("HFThot REST");
        demoKeys = new java.util.HashMap<>();
        for (String line : Files.readAllLines(data.resolve("demo-keys.txt"))) {
            if (!line.isBlank() && !line.startsWith("#")) {
                String[] parts = line.trim().split("\\s+");
                demoKeys.put(parts[0], parts[1]);
            }
        }
    }

    private static ServerProcess replica(Path data, String name) throws Exception {
        return ServerProcess.startMain(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                List.of("--redis", redis.uri(), "--data-dir", data.toString(), "--http-port", "0", "--mm-port", "0", "--hti-port", "0",
                        "--grpc-port", "0", "--hub-port", "0", "--management-port", "0", "--history", "small", "--append-interval", "2s", "--sql-threads", "1"),
                Map.of(), Files.createDirectories(Path.of("target", "replicas")).resolve(name + ".log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (b != null) {
            b.close();
        }
        if (a != null) {
            a.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static HttpResponse<String> get(String base, String path, String key) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("X-HFThot-API-Key", key)
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void aKeyCreatedOnAWorksOnBAtOnce() throws Exception {
        HttpResponse<String> created = HTTP.send(HttpRequest.newBuilder(URI.create(baseA + "/v1/keys"))
                .header("X-HFThot-API-Key", demoKeys.get("professional")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"tier\":\"hobbyist\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode(), created.body());
        Matcher m = Pattern.compile("\"api_key\":\"([^\"]+)\"").matcher(created.body());
        assertTrue(m.find(), created.body());
        HttpResponse<String> onB = get(baseB, "/v1/account/usage", m.group(1));
        assertEquals(200, onB.statusCode(), onB.body());
    }

    @Test
    @Order(2)
    void aHubApiKeyCreatedOnAWorksOnBAndRegeneratedOnBStopsOnA() throws Exception {
        assertTrue(Files.exists(tmp.resolve("data").resolve(Replicas.CARRIED_OVER)),
                "the first replica's start recorded that the directory's identity rows are in Redis");
        String[] demo = Files.readString(tmp.resolve("data").resolve("hub-demo-user.txt")).trim().split("\\s+");
        String hubA = "http://127.0.0.1:" + a.port("agents hub");
        String hubB = "http://127.0.0.1:" + b.port("agents hub");
        HttpResponse<String> login = post(hubA + "/auth/login", Map.of(),
                "{\"email\":\"" + demo[0] + "\",\"password\":\"" + demo[1] + "\"}");
        assertEquals(200, login.statusCode(), login.body());
        String bearer = "Bearer " + field(login.body(), "access_token");
        HttpResponse<String> created = post(hubA + "/api/keys", Map.of("Authorization", bearer), "{}");
        assertEquals(201, created.statusCode(), created.body());
        String key = field(created.body(), "api_key");
        HttpResponse<String> secret = post(hubA + "/api/secrets", Map.of("X-API-Key", key),
                "{\"key_name\":\"OPENAI_API_KEY\",\"encrypted_value\":\"sk-replica-test\"}");
        assertEquals(201, secret.statusCode(), secret.body());
        HttpResponse<String> onB = HTTP.send(HttpRequest.newBuilder(URI.create(hubB + "/api/secrets"))
                .header("X-API-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, onB.statusCode(), "the key created on A, used on B: " + onB.body());
        assertTrue(onB.body().contains("OPENAI_API_KEY"), "the secret stored through A, listed by B: " + onB.body());
        HttpResponse<String> regenerated = post(hubB + "/api/keys", Map.of("X-API-Key", key), "{}");
        assertEquals(201, regenerated.statusCode(), regenerated.body());
        HttpResponse<String> oldOnA = HTTP.send(HttpRequest.newBuilder(URI.create(hubA + "/api/secrets"))
                .header("X-API-Key", key).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(401, oldOnA.statusCode(), "regenerated away on B, refused on A: " + oldOnA.body());
    }

    private static HttpResponse<String> post(String url, Map<String, String> headers, String json) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(r::header);
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertTrue(m.find(), name + " in " + json);
        return m.group(1);
    }

    @Test
    @Order(3)
    void aFreeKeyGetsExactlySixtyRequestsPerSlidingMinuteAcrossBothReplicas() throws Exception {
        String free = demoKeys.get("free_beta");
        int ok = 0;
        int limited = 0;
        for (int i = 0; i < 80; i++) {
            HttpResponse<String> r = get(i % 2 == 0 ? baseA : baseB, "/v1/account/usage", free);
            if (r.statusCode() == 200) {
                ok++;
            } else {
                assertEquals(429, r.statusCode(), r.body());
                limited++;
            }
        }
        assertEquals(60, ok, "admitted across both replicas");
        assertEquals(20, limited);
    }

    @Test
    @Order(4)
    void aWebSocketSubscriberOnBReceivesTheWritersTicksInOrderWithoutGaps() throws Exception {
        LinkedBlockingQueue<String> messages = new LinkedBlockingQueue<>();
        WebSocket ws = HTTP.newWebSocketBuilder().buildAsync(URI.create(baseB.replace("http", "ws") + "/v1/stream?api_key="
                + demoKeys.get("professional")), new WebSocket.Listener() {
                    private final StringBuilder partial = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                        partial.append(data);
                        if (last) {
                            messages.add(partial.toString());
                            partial.setLength(0);
                        }
                        socket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            ws.sendText("{\"type\":\"subscribe\",\"stream\":\"price_feed\",\"symbol\":\"BTC-USDT\"}", true);
            List<String> received = new ArrayList<>();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (received.size() < 40 && System.nanoTime() < deadline) {
                String msg = messages.poll(1, TimeUnit.SECONDS);
                if (msg != null && msg.contains("\"type\":\"tick\"")) {
                    Matcher m = TICK.matcher(msg);
                    assertTrue(m.find(), msg);
                    received.add(m.group(3) + "@" + Double.parseDouble(m.group(1)) + "x" + Double.parseDouble(m.group(2)));
                }
            }
            assertEquals(40, received.size(), "ticks received on B");
            // The writer (A) stores every tick it published in market.ticks: B's stream must be exactly the stored
            // ticks of that time range, in their order (no gap, no reordering, nothing foreign).
            long firstMs = Long.parseLong(received.get(0).substring(0, received.get(0).indexOf('@')));
            long lastMs = Long.parseLong(received.get(received.size() - 1).substring(0,
                    received.get(received.size() - 1).indexOf('@')));
            List<String> stored = List.of();
            long storedDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < storedDeadline) {
                stored = storedTicks("BTC-USDT", firstMs, lastMs);
                if (stored.size() >= received.size()) {
                    break;
                }
                Thread.sleep(500);
            }
            assertEquals(stored, received, "B's stream equals the ticks A wrote between " + firstMs + " and " + lastMs);
        } finally {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    @Order(5)
    void redisUnreachableGives503NeverA500AndServiceResumes() throws Exception {
        String pro = demoKeys.get("professional");
        assertEquals(200, get(baseB, "/v1/account/usage", pro).statusCode());
        redis.pause();
        try {
            for (String base : List.of(baseA, baseB)) {
                HttpResponse<String> r = get(base, "/v1/account/usage", pro);
                assertEquals(503, r.statusCode(), r.body());
                assertTrue(r.body().contains("Redis"), r.body());
                HttpResponse<String> noKey = get(base, "/v1/market/ticker?symbol=BTC-USDT", "hft_free_not_a_key");
                assertEquals(503, noKey.statusCode(), "an unknown key cannot be judged either: " + noKey.body());
            }
        } finally {
            redis.resume();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        int status = 0;
        while (System.nanoTime() < deadline && status != 200) {
            status = get(baseB, "/v1/account/usage", pro).statusCode();
            assertTrue(status == 200 || status == 503, "only 200 or 503, got " + status);
            Thread.sleep(200);
        }
        assertEquals(200, status, "service resumes when Redis returns");
    }

    @Test
    @Order(6)
    void killingTheWriterHandsTheLeaseToTheOtherWithinTenSecondsWithoutDuplicateBars() throws Exception {
        String leaseKey = "hfthot:lease:market-writer";
        RedisClient client = RedisClient.create(redis.uri());
        try (StatefulRedisConnection<String, String> c = client.connect()) {
            // A wrote first; the Redis pause of the previous step may have moved the lease (a holder that cannot
            // renew gives it up), so the writer is whichever holds it now.
            String holder = c.sync().get(leaseKey);
            boolean aWrites = replicaId(a).equals(holder);
            assertTrue(aWrites || replicaId(b).equals(holder), "one of the two holds the lease: " + holder);
            ServerProcess writer = aWrites ? a : b;
            String idB = replicaId(aWrites ? b : a);
            Path lake = tmp.resolve("data").resolve("lakehouse");
            writer.process().destroyForcibly();
            assertTrue(writer.process().waitFor(10, TimeUnit.SECONDS));
            long before = Lakehouse.open(lake).read("market.ohlcv").version();
            long killed = System.nanoTime();
            while (!idB.equals(c.sync().get(leaseKey)) && System.nanoTime() - killed < TimeUnit.SECONDS.toNanos(10)) {
                Thread.sleep(100);
            }
            long tookMs = (System.nanoTime() - killed) / 1_000_000;
            assertEquals(idB, c.sync().get(leaseKey), "the other holds the lease " + tookMs + " ms after the kill");
            assertTrue(tookMs <= 10_000, "takeover took " + tookMs + " ms");
            // The new writer appends every 2 s, a commit once a minute closes: wait for one of its own.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            long version = before;
            while (version <= before && System.nanoTime() < deadline) {
                Thread.sleep(500);
                version = Lakehouse.open(lake).read("market.ohlcv").version();
            }
            assertTrue(version > before, "the new writer appended after the takeover (versions " + before + " -> " + version + ")");
            assertNoDuplicateBars(Lakehouse.open(lake).read("market.ohlcv"));
        } finally {
            client.shutdown();
        }
    }

    /** The stored ticks of a symbol with ts in [fromMs, toMs], by seq, as "ts@price x qty". */
    private static List<String> storedTicks(String symbol, long fromMs, long toMs) {
        ColumnBatch rows = Lakehouse.open(tmp.resolve("data").resolve("lakehouse")).read("market.ticks").read();
        List<long[]> picked = new ArrayList<>();
        List<String> text = new ArrayList<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            long tsMs = rows.column("ts").getLong(i) / 1000;
            if (symbol.equals(rows.column("symbol").getString(i)) && tsMs >= fromMs && tsMs <= toMs) {
                picked.add(new long[] {rows.column("seq").getLong(i), i});
            }
        }
        picked.sort(java.util.Comparator.comparingLong(r -> r[0]));
        for (long[] r : picked) {
            int i = (int) r[1];
            text.add(rows.column("ts").getLong(i) / 1000 + "@" + rows.column("price").getDouble(i) + "x"
                    + rows.column("qty").getDouble(i));
        }
        return text;
    }

    private static String replicaId(ServerProcess p) throws Exception {
        for (String line : p.output()) {
            Matcher m = REPLICA.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        throw new AssertionError("no replica line in:\n" + String.join("\n", p.output()));
    }

    private static void assertNoDuplicateBars(Snapshot ohlcv) {
        ColumnBatch rows = ohlcv.read();
        Set<String> keys = new HashSet<>();
        List<String> duplicates = new ArrayList<>();
        for (int i = 0; i < rows.rowCount(); i++) {
            String key = rows.column("symbol").getString(i) + "|" + rows.column("interval").getString(i) + "|"
                    + rows.column("ts").getLong(i);
            if (!keys.add(key) && duplicates.size() < 10) {
                duplicates.add(key);
            }
        }
        assertTrue(rows.rowCount() > 0);
        assertEquals(List.of(), duplicates, "duplicate (symbol, interval, ts) in " + rows.rowCount() + " rows");
    }
}

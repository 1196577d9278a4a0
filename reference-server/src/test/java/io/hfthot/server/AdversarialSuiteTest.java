package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.engine.keys.MasterKeySource;
import io.hfthot.engine.keys.MasterKeys;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.opentest4j.TestAbortedException;

/**
 * Attacks on a real server process ({@code java -Xmx512m -jar target/hfthot-server.jar}, run in the
 * {@code verify} phase after the jar is built), each one test method. After every attack the process is
 * alive, {@code /v1/health} answers {@code ok} within a second, its resident memory stays under
 * {@value #RSS_BOUND_MB} MB (read from {@code /proc/<pid>/status}), and no response was a 5xx other than the
 * documented 503 {@code SERVICE_UNAVAILABLE} of a read-only data directory.
 *
 * <p>To add an attack: a new {@code @Test} method that sends its requests through {@link #send} (which records
 * every status) and leaves the server as it found it; the checks after each test do the rest. Every attack is
 * bounded in count and time and targets loopback only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialSuiteTest {
    /**
     * The resident-memory bound: the 512 MB heap at most, plus metaspace, thread stacks, Jetty/Netty/Arrow direct
     * buffers and DuckDB's native memory. Measured here after every attack, two runs: 325 to 346 MB.
     */
    static final long RSS_BOUND_MB = 900;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<String> unexpected5xx = new ConcurrentLinkedQueue<>();
    private Path root;
    private TmpfsMount disk;
    private String noDiskReason;
    private Path data;
    private ServerProcess server;
    private String base;
    private Map<String, String> keys;

    @BeforeAll
    void startServer() throws Exception {
        root = Files.createTempDirectory("hfthot-adversarial");
        try {
            disk = TmpfsMount.mount(root.resolve("disk"), "128m");
            data = disk.dir().resolve("data");
        } catch (TestAbortedException notRoot) {
            // Only the full-disk attack needs the small file system; the others run anyway.
            noDiskReason = notRoot.getMessage();
            data = root.resolve("data");
        }
        server = ServerProcess.start(List.of("-Xmx512m"), List.of("--http-port", "0", "--mm-port", "0", "--grpc-port",
                "0", "--history", "small", "--min-free-disk", "8m", "--data-dir", data.toString()), Map.of(),
                root.resolve("server.log"));
        server.awaitStarted(90);
        base = "http://127.0.0.1:" + server.port("HFThot REST");
        keys = DemoKeyFile.read(data);
    }

    @AfterAll
    void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
        if (disk != null) {
            disk.close();
        }
        try (java.util.stream.Stream<Path> files = Files.walk(root)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** The checks after every attack. */
    @AfterEach
    void serverIsAliveHealthyBoundedAndAnsweredNo5xx() throws Exception {
        assertTrue(server.process().isAlive(), "the server died:\n" + String.join("\n", tail()));
        // Healthy: within 10 s of the attack's end, a health check answers ok in under a second.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        String last = "no answer";
        boolean healthy = false;
        while (!healthy && System.nanoTime() < deadline) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(base + "/v1/health"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            long micros = TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - t0);
            last = r.statusCode() + " in " + micros + " us: " + r.body();
            healthy = r.statusCode() == 200 && "ok".equals(JSON.readTree(r.body()).get("status").asText())
                    && micros < 1_000_000;
            if (!healthy) {
                Thread.sleep(100);
            }
        }
        assertTrue(healthy, "not healthy within 10 s; last health answer " + last);
        long rssMb = server.rssBytes() >> 20;
        assertTrue(rssMb < RSS_BOUND_MB, "RSS " + rssMb + " MB >= " + RSS_BOUND_MB + " MB");
        System.out.println("after attack: RSS " + rssMb + " MB");
        assertEquals(List.of(), new ArrayList<>(unexpected5xx), "5xx answers other than the documented 503s");
    }

    // ------------------------------------------------------------------ attacks

    @Test
    void garbageJsonBodies() throws Exception {
        String pro = keys.get("professional");
        List<byte[]> bodies = new ArrayList<>();
        for (String s : List.of("", "{", "}", "null", "[]", "\"str\"", "{\"method\":", "{\"method\":42}",
                "{\"method\":\"cara\",\"symbols\":\"BTC-USDT\"}", "{\"symbols\":[null,null]}",
                "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\"],\"gamma\":1e400}", "{\"a\":1,\"a\":2}",
                "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\",\"ETH-USDT\"],\"lookback_days\":-5}")) {
            bodies.add(s.getBytes(StandardCharsets.UTF_8));
        }
        bodies.add("[".repeat(5000).getBytes(StandardCharsets.UTF_8));
        bodies.add(("{\"symbols\":" + "[".repeat(3000) + "]".repeat(3000) + "}").getBytes(StandardCharsets.UTF_8));
        bodies.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1, 2, (byte) 0xc3, 0x28});
        bodies.add(("{\"method\":\"" + "x".repeat(200_000) + "\"}").getBytes(StandardCharsets.UTF_8));
        SecureRandom random = new SecureRandom();
        for (int i = 0; i < 20; i++) {
            byte[] noise = new byte[1 + random.nextInt(4096)];
            random.nextBytes(noise);
            bodies.add(noise);
        }
        for (String path : List.of("/v1/portfolio/optimize", "/v1/portfolio/backtest", "/v1/keys")) {
            for (byte[] body : bodies) {
                HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                        .header("X-HFThot-API-Key", pro).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
                if (!path.equals("/v1/keys")) {
                    assertTrue(r.statusCode() >= 400 && r.statusCode() < 500, path + " answered " + r.statusCode()
                            + " to garbage: " + r.body());
                }
            }
        }
    }

    @Test
    void hugeQueryStringsAndHeaders() throws Exception {
        String pro = keys.get("professional");
        for (int size : new int[] {1_000, 8_000, 64_000, 1_000_000}) {
            String junk = "A".repeat(size);
            send(HttpRequest.newBuilder(URI.create(base + "/v1/market/ohlcv?symbol=" + junk + "&interval=1m"))
                    .header("X-HFThot-API-Key", pro));
            send(HttpRequest.newBuilder(URI.create(base + "/v1/market/ticker?" + "symbol=BTC-USDT&".repeat(size / 17)))
                    .header("X-HFThot-API-Key", pro));
            if (size <= 64_000) {
                send(HttpRequest.newBuilder(URI.create(base + "/v1/market/ticker?symbol=BTC-USDT"))
                        .header("X-HFThot-API-Key", pro).header("X-Junk", junk));
            }
        }
    }

    @Test
    void manyParallelRequests() throws Exception {
        String ent = keys.get("enterprise");
        String free = keys.get("free_beta");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                String key = t % 4 == 0 ? free : ent; // the Free key runs into its rate limit: 429s, never 5xx
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 60; i++) {
                        String path = i % 3 == 0 ? "/v1/market/ohlcv?symbol=ETH-USDT&interval=5m&limit=500"
                                : i % 3 == 1 ? "/v1/market/ticker?symbol=BTC-USDT" : "/v1/market/orderbook?symbol=SOL-USDT";
                        send(HttpRequest.newBuilder(URI.create(base + path)).header("X-HFThot-API-Key", key));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void webSocketFloods() throws Exception {
        String ent = keys.get("enterprise");
        List<WebSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                CompletableFuture<WebSocket> ws = client.newWebSocketBuilder().buildAsync(
                        URI.create(base.replace("http://", "ws://") + "/v1/stream?api_key=" + ent),
                        new WebSocket.Listener() { });
                try {
                    open.add(ws.get(10, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException refused) {
                    // Over the tier's stream slots: refused at the upgrade, as documented.
                }
            }
            assertFalse(open.isEmpty(), "no WebSocket could be opened");
            WebSocket flood = open.get(0);
            for (int i = 0; i < 2000; i++) {
                String msg = i % 2 == 0 ? "{\"type\":\"subscribe\",\"stream\":\"price_feed\",\"symbol\":\"BTC-USDT\"}"
                        : "garbage " + i;
                flood.sendText(msg, true).get(10, TimeUnit.SECONDS);
            }
            // A 2 MB frame: closed with 1009 (too big) by the server, which keeps running.
            WebSocket big = open.get(open.size() - 1);
            big.sendText("x".repeat(2 << 20), true).handle((w, e) -> null).get(10, TimeUnit.SECONDS);
        } finally {
            for (WebSocket ws : open) {
                ws.abort();
            }
        }
    }

    @Test
    void aSecondServerOnTheSameDataDirectoryIsRefusedNamingTheFirst() throws Exception {
        Path log = root.resolve("second.log");
        ServerProcess second = ServerProcess.start(List.of("-Xmx256m"), List.of("--http-port", "0", "--mm-port", "0",
                "--grpc-port", "0", "--history", "small", "--data-dir", data.toString()), Map.of(), log);
        try {
            assertEquals(1, second.awaitExit(60));
            String out = String.join("\n", second.output());
            assertTrue(out.contains("is in use by another process: pid " + server.process().pid() + " on host "), out);
            assertFalse(out.contains("\tat ") || out.contains("Exception"), "a sentence, not a stack trace:\n" + out);
        } finally {
            second.close();
        }
    }

    @Test
    void aWrongMasterKeyIsRefusedAtStartWithASentence() throws Exception {
        Path other = Files.createDirectories(root.resolve("sealed"));
        MasterKeys.load(MasterKeySource.base64("the test", randomKey()), other, new SecureRandom());
        ServerProcess wrong = ServerProcess.start(List.of("-Xmx256m"), List.of("--http-port", "0", "--mm-port", "0",
                "--grpc-port", "0", "--history", "small", "--data-dir", other.toString()),
                Map.of("HFTHOT_MASTER_KEY", randomKey()), root.resolve("wrong-key.log"));
        try {
            assertEquals(1, wrong.awaitExit(60));
            String out = String.join("\n", wrong.output());
            assertTrue(out.contains("hfthot-server: the master key from HFTHOT_MASTER_KEY is not the key that sealed "
                    + "the provider keys of this data directory"), out);
            assertFalse(out.contains("\tat ") || out.contains("Exception"), "a sentence, not a stack trace:\n" + out);
        } finally {
            wrong.close();
        }
    }

    @Test
    void aFullDiskMakesWritesAnswer503WhileReadsGoOnAndRecovers() throws Exception {
        Assumptions.assumeTrue(disk != null, () -> noDiskReason);
        String pro = keys.get("professional");
        Path filler = disk.dir().resolve("filler");
        try {
            TmpfsMount.fill(filler);
            JsonNode health = awaitHealth("degraded");
            assertTrue(health.get("reason").asText().contains("under the 8388608-byte reserve"), health.toString());
            HttpResponse<String> write = send(HttpRequest.newBuilder(URI.create(base + "/v1/keys"))
                    .header("X-HFThot-API-Key", pro).POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(503, write.statusCode(), write.body());
            HttpResponse<String> read = send(HttpRequest.newBuilder(URI.create(base
                    + "/v1/market/ohlcv?symbol=BTC-USDT&interval=1m&limit=100")).header("X-HFThot-API-Key", pro));
            assertEquals(200, read.statusCode(), read.body());
        } finally {
            Files.deleteIfExists(filler);
        }
        awaitHealth("ok");
    }

    // ------------------------------------------------------------------ harness

    /**
     * Sends a request and records a 5xx unless it is the documented 503 of a read-only data directory; a
     * connection the server closed (e.g. after a 414) counts as an answer, not a failure.
     */
    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() >= 500 && !(r.statusCode() == 503 && r.body().contains("\"SERVICE_UNAVAILABLE\""))) {
                unexpected5xx.add(r.statusCode() + " " + r.request().method() + " "
                        + abbreviate(r.request().uri().toString()) + ": " + abbreviate(r.body()));
            }
            return r;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitHealth(String status) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = JSON.readTree(client.send(HttpRequest.newBuilder(URI.create(base + "/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            if (status.equals(last.get("status").asText())) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("health did not become " + status + ": " + last);
    }

    private List<String> tail() throws IOException {
        List<String> lines = server.output();
        return lines.subList(Math.max(0, lines.size() - 60), lines.size());
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "...";
    }

    private static String randomKey() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return Base64.getEncoder().encodeToString(k);
    }
}

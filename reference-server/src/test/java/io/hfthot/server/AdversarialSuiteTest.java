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
import java.net.URLEncoder;
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
 * every status; raw connections go through {@link RawConnection} and {@link #record}) and leaves the server as it
 * found it; the checks after each test do the rest. Every attack is bounded in count and time and targets loopback
 * only. The server runs with a 256 MB SQL memory limit and no spilling, and with short SQL, header and body limits
 * so that the attacks running into them end within the suite's budget of about a minute (measured 42 to 56 s).
 *
 * <p>Why one class of this length: every attack must run against the same server process, one after another, with
 * the checks above after each; JUnit runs an {@code @AfterEach} of one class around each of its methods, and
 * starting a process per group of attacks would multiply the suite's time by the process's start-up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdversarialSuiteTest {
    /**
     * The resident-memory bound: the 512 MB heap at most, plus metaspace, thread stacks, Jetty/Netty/Arrow direct
     * buffers and DuckDB's native memory (256 MB). Measured here after every attack, three runs of the 19 attacks:
     * 328 to 436 MB.
     */
    static final long RSS_BOUND_MB = 900;
    /** Open connections per client address the server is started with (its default is 256). */
    private static final int CONNECTION_CAP = 128;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ConcurrentLinkedQueue<String> unexpected5xx = new ConcurrentLinkedQueue<>();
    private Path root;
    private TmpfsMount disk;
    private String noDiskReason;
    private Path data;
    private ServerProcess server;
    private String base;
    private int port;
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
        server = ServerProcess.start(List.of("-Xmx512m"), List.of("--http-port", "0", "--mm-port", "0", "--hti-port", "0", "--hub-port", "0", "--management-port", "0", "--grpc-port",
                "0", "--history", "small", "--min-free-disk", "8m", "--data-dir", data.toString(),
                // The budget: 256 MB for DuckDB next to the 512 MB heap. No spilling: the data directory may
                // be the 128 MB tmpfs above, which spill files would fill (and tmpfs pages are memory anyway).
                "--sql-memory-limit", "256MB", "--sql-spill-max", "0",
                // Short limits so that the attacks that run into them end within the suite's time budget.
                "--sql-timeouts", "professional=3s,enterprise=5s", "--header-timeout", "2s",
                "--request-timeout", "5s", "--min-body-rate-grace", "1s",
                "--max-connections-per-address", Integer.toString(CONNECTION_CAP)), Map.of(),
                root.resolve("server.log"));
        server.awaitStarted(90);
        port = server.port("HFThot REST");
        base = "http://127.0.0.1:" + port;
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
        // The Hobbyist key, not the Free one: the key attack below needs the Free account's minute window unspent.
        String hobbyist = keys.get("hobbyist");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 32; t++) {
                String key = t % 4 == 0 ? hobbyist : ent; // 480 requests for 300 a minute: 429s, never 5xx
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
        ServerProcess second = ServerProcess.start(List.of("-Xmx256m"), List.of("--http-port", "0", "--mm-port", "0", "--hti-port", "0", "--hub-port", "0",
                "--grpc-port", "0", "--management-port", "0", "--history", "small", "--data-dir", data.toString()), Map.of(), log);
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
        ServerProcess wrong = ServerProcess.start(List.of("-Xmx256m"), List.of("--http-port", "0", "--mm-port", "0", "--hti-port", "0", "--hub-port", "0",
                "--grpc-port", "0", "--management-port", "0", "--history", "small", "--data-dir", other.toString()),
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
            // Either the free-space probe or a background write (market appends, HTI ideas, the market maker's and
            // the hub's journals) meets the full disk first; both make the server read-only with the reason.
            String reason = health.get("reason").asText();
            assertTrue(reason.contains("under the 8388608-byte reserve") || reason.contains("No space left on device"),
                    health.toString());
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


    // ---------------------------------------------------------------- SQL (Enterprise and Professional keys only)

    @Test
    void sqlFunctionsThatSizeTheirOwnAllocationsAreRefused() throws Exception {
        String ent = keys.get("enterprise");
        // list_resize([1], 2000000000) took the JVM past 8 GB: DuckDB allocates such vectors outside memory_limit.
        for (String sql : List.of("SELECT list_resize([1], 2000000000)", "SELECT array_resize([1], 2000000000)",
                "SELECT repeat('x', 2000000000)", "SELECT lpad('x', 2000000000, 'y')",
                "SELECT list_aggregate([1], 'bitstring_agg', 0, 2000000000)")) {
            JsonNode body = sqlRefused(ent, sql, 400, "INVALID_PARAMS");
            assertTrue(body.get("message").asText().contains("is not allowed"), sql + " -> " + body);
        }
    }

    @Test
    void sqlOverTheMemoryLimitFailsWithA400AndTheNextQueryRuns() throws Exception {
        String ent = keys.get("enterprise");
        // A hash table over 300 million distinct values: far over 256 MB with spilling off.
        JsonNode body = sqlRefused(ent, "SELECT count(*) FROM (SELECT DISTINCT range FROM range(300000000))", 400,
                "INVALID_PARAMS");
        String message = body.get("message").asText();
        assertTrue(message.contains("memory") || message.contains("time limit"), message);
        System.out.println("DISTINCT over range(300000000): " + abbreviate(message));
        HttpResponse<String> next = sql(ent, "SELECT 42 AS answer");
        assertEquals(200, next.statusCode(), next.body());
    }

    @Test
    void sqlIntrospectionIsRefusedWithoutLeakingTheConfiguration() throws Exception {
        String ent = keys.get("enterprise");
        for (String sql : List.of(
                // a CTE declared in an inner scope must not hide the outer bare name
                "SELECT name, setting FROM pg_settings WHERE EXISTS (WITH pg_settings AS (SELECT 1) SELECT 1 FROM pg_settings)",
                "SELECT current_query() FROM market.ohlcv", "SELECT setseed(0.5)", "SELECT current_setting('temp_directory')",
                "SELECT * FROM duckdb_settings()", "SELECT * FROM information_schema.tables", "SELECT * FROM pg_catalog.pg_class",
                "SELECT * FROM duckdb_databases()", "SELECT * FROM read_csv('/etc/passwd')", "SELECT version()")) {
            sqlRefused(ent, sql, 400, "INVALID_PARAMS");
        }
        // random() stays deterministic-free but stateless: a seed set by one caller could not reach the next anyway.
        HttpResponse<String> r = sql(ent, "SELECT random() AS r");
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void deeplyNestedSqlRunsOrAnswersA400() throws Exception {
        String ent = keys.get("enterprise");
        HttpResponse<String> shallow = sql(ent, "SELECT " + "1+".repeat(500) + "1 AS n");
        assertEquals(200, shallow.statusCode(), shallow.body());
        // Deeper than DuckDB's 1,000 levels (each within the 8 KiB request line once URL-encoded).
        for (String sql : List.of("SELECT " + "1+".repeat(1000) + "1", "SELECT " + "(".repeat(1000) + "1" + ")".repeat(1000),
                "SELECT " + "-".repeat(1500) + "1", "SELECT " + "NOT ".repeat(1500) + "true")) {
            sqlRefused(ent, sql, 400, "INVALID_PARAMS");
        }
        // Nested subqueries over a table: they run or are refused, never a 5xx.
        HttpResponse<String> subqueries = sql(ent, "SELECT count(*) FROM " + "(SELECT * FROM ".repeat(300)
                + "market.ohlcv" + ")".repeat(300));
        assertTrue(subqueries.statusCode() == 200 || subqueries.statusCode() == 400, subqueries.body());
    }

    @Test
    void concurrentRecursiveQueriesOfOneKeyDoNotStarveAnotherKey() throws Exception {
        String pro = keys.get("professional");
        String ent = keys.get("enterprise");
        String recursive = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000) "
                + "SELECT max(n) FROM r";
        List<CompletableFuture<HttpResponse<String>>> hogs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            hogs.add(CompletableFuture.supplyAsync(() -> sql(pro, recursive)));
        }
        Thread.sleep(500);
        // Another key's trivial query answers at once: the Professional key holds at most 2 of the 4 slots.
        long t0 = System.nanoTime();
        HttpResponse<String> other = sql(ent, "SELECT 1 AS one");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertEquals(200, other.statusCode(), other.body());
        assertTrue(millis < 3000, "another key's SELECT 1 took " + millis + " ms");
        int limited = 0;
        for (CompletableFuture<HttpResponse<String>> hog : hogs) {
            HttpResponse<String> r = hog.get(30, TimeUnit.SECONDS);
            String code = JSON.readTree(r.body()).get("code").asText();
            if (r.statusCode() == 429) {
                assertEquals("RATE_LIMITED", code, r.body());
                limited++;
            } else {
                assertEquals(400, r.statusCode(), r.body());
                assertTrue(r.body().contains("time limit of 3000 ms"), r.body());
            }
        }
        assertTrue(limited >= 2, limited + " of 4 concurrent queries of one key were refused; expected at least 2");
    }

    // ---------------------------------------------------------------- transport

    @Test
    void slowBodiesGet408AndOthersAreServedMeanwhile() throws Exception {
        String head = "POST /v1/portfolio/optimize HTTP/1.1\r\nHost: 127.0.0.1\r\nX-HFThot-API-Key: "
                + keys.get("professional") + "\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";
        assertAllCutOffWith408(head, "\"");
    }

    @Test
    void slowHeadersGet408AndOthersAreServedMeanwhile() throws Exception {
        assertAllCutOffWith408("GET /v1/market/ticker?symbol=BTC-USDT HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ", "a");
    }

    @Test
    void shortAndBrokenBodiesAreA400() throws Exception {
        String head = "POST /v1/portfolio/optimize HTTP/1.1\r\nHost: 127.0.0.1\r\nX-HFThot-API-Key: "
                + keys.get("professional") + "\r\nContent-Type: application/json\r\n";
        for (String request : List.of(head + "Content-Length: 100\r\n\r\n{\"method\":",
                head + "Transfer-Encoding: chunked\r\n\r\n10\r\n{\"met", head + "Transfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            try (RawConnection c = new RawConnection(port, Duration.ofSeconds(10))) {
                c.send(request);
                c.shutdownOutput();
                int status = record(c.status(), "short body");
                assertEquals(400, status, request);
            }
        }
    }

    @Test
    void connectionsBeyondTheCapOfOneAddressAreRefusedWith429() throws Exception {
        List<RawConnection> held = new ArrayList<>();
        int ok = 0;
        int refused = 0;
        try {
            for (int i = 0; i < CONNECTION_CAP + 40; i++) {
                held.add(new RawConnection(port, Duration.ofSeconds(10)));
            }
            for (RawConnection c : held) {
                c.send("GET /v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
            }
            for (RawConnection c : held) {
                int status = record(c.status(), "connection cap");
                if (status == 200) {
                    ok++;
                } else if (status == 429) {
                    refused++;
                }
            }
        } finally {
            held.forEach(RawConnection::close);
        }
        assertTrue(ok <= CONNECTION_CAP, ok + " connections answered 200; at most " + CONNECTION_CAP + " may be open");
        assertTrue(refused >= 40, refused + " refusals; expected at least the 40 connections past the cap");
        assertEquals(CONNECTION_CAP + 40, ok + refused, "every connection got 200 or 429");
    }

    // ---------------------------------------------------------------- keys and quotas

    @Test
    void sixtyKeyCreationsFromOneFreeKeyStopAtTheCapAndShareOneWindow() throws Exception {
        String free = keys.get("free_beta");
        List<String> minted = new ArrayList<>();
        int limited = 0;
        for (int i = 0; i < 60; i++) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/keys"))
                    .header("X-HFThot-API-Key", free).POST(HttpRequest.BodyPublishers.noBody()));
            if (r.statusCode() == 201) {
                assertEquals(0, limited, "a key was created after a refusal: " + r.body());
                minted.add(JSON.readTree(r.body()).get("api_key").asText());
            } else {
                assertEquals(429, r.statusCode(), r.body());
                assertTrue(r.body().contains("Live key limit reached"), r.body());
                limited++;
            }
        }
        // Free Beta: 3 live keys per account, the demo key included.
        assertTrue(!minted.isEmpty() && minted.size() <= 3, minted.size() + " keys minted");
        // The 60 creations spent the account's 60-a-minute window: every minted key is refused with it.
        for (String key : minted) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/market/ticker?symbol=BTC-USDT"))
                    .header("X-HFThot-API-Key", key));
            assertEquals(429, r.statusCode(), r.body());
            assertEquals("0", r.headers().firstValue("X-RateLimit-Remaining").orElse(""), r.headers().toString());
            assertTrue(r.body().contains("shared by every key of the account"), r.body());
        }
    }

    @Test
    void aRevokedKeyIsRefusedFromItsNextRequest() throws Exception {
        String ent = keys.get("enterprise");
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/v1/keys"))
                .header("X-HFThot-API-Key", ent).POST(HttpRequest.BodyPublishers.ofString("{\"tier\":\"hobbyist\"}")));
        assertEquals(201, created.statusCode(), created.body());
        JsonNode key = JSON.readTree(created.body());
        String raw = key.get("api_key").asText();
        HttpRequest.Builder use = HttpRequest.newBuilder(URI.create(base + "/v1/account/usage")).header("X-HFThot-API-Key", raw);
        assertEquals(200, send(use).statusCode());
        // Another account cannot revoke it, and cannot tell it from an unknown id.
        HttpResponse<String> foreign = send(HttpRequest.newBuilder(URI.create(base + "/v1/keys/" + key.get("key_id").asText()))
                .header("X-HFThot-API-Key", keys.get("professional")).DELETE());
        assertEquals(404, foreign.statusCode(), foreign.body());
        HttpResponse<String> revoked = send(HttpRequest.newBuilder(URI.create(base + "/v1/keys/" + key.get("key_id").asText()))
                .header("X-HFThot-API-Key", ent).DELETE());
        assertEquals(200, revoked.statusCode(), revoked.body());
        HttpResponse<String> after = send(use);
        assertEquals(401, after.statusCode(), after.body());
        for (String id : List.of("..%2F..%2Fetc", "0".repeat(5000), "%00", "DEADBEEFDEADBEEF")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + "/v1/keys/" + id))
                    .header("X-HFThot-API-Key", ent).DELETE());
            assertTrue(r == null || (r.statusCode() >= 400 && r.statusCode() < 500), id + " -> " + r);
        }
    }

    // ---------------------------------------------------------------- compute

    @Test
    void computeBeyondTheValidatedRangesIsA400() throws Exception {
        String pro = keys.get("professional");
        // The request: 91 s of CPU before the ranges existed.
        HttpResponse<String> mfg = send(HttpRequest.newBuilder(URI.create(base
                + "/v1/signals/mfg?symbol=BTC-USDT&n_agents=100000&horizon_min=1440")).header("X-HFThot-API-Key", pro));
        assertEquals(400, mfg.statusCode(), mfg.body());
        assertEquals("INVALID_PARAMS", JSON.readTree(mfg.body()).get("code").asText());
        String backtest = "{\"method\":\"cara\",\"symbols\":[\"BTC-USDT\",\"ETH-USDT\"],\"start_time\":0,"
                + "\"end_time\":" + System.currentTimeMillis() + ",\"rebalance_days\":1}";
        HttpResponse<String> bt = send(HttpRequest.newBuilder(URI.create(base + "/v1/portfolio/backtest"))
                .header("X-HFThot-API-Key", pro).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(backtest)));
        assertEquals(400, bt.statusCode(), bt.body());
        // The largest accepted MFG requests, several at once: each answers 200 or 429 (pool full or deadline).
        List<CompletableFuture<HttpResponse<String>>> big = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            big.add(CompletableFuture.supplyAsync(() -> send(HttpRequest.newBuilder(URI.create(base
                    + "/v1/signals/mfg?symbol=ETH-USDT&n_agents=5000&horizon_min=60")).header("X-HFThot-API-Key", pro))));
        }
        for (CompletableFuture<HttpResponse<String>> f : big) {
            HttpResponse<String> r = f.get(30, TimeUnit.SECONDS);
            assertTrue(r.statusCode() == 200 || r.statusCode() == 429, r.statusCode() + " " + r.body());
        }
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

    private HttpResponse<String> sql(String key, String sql) {
        return send(HttpRequest.newBuilder(URI.create(base + "/v1/lakehouse/query?format=json&sql="
                + URLEncoder.encode(sql, StandardCharsets.UTF_8))).header("X-HFThot-API-Key", key));
    }

    /** Runs a query that must be refused; the refusal must not name a server path. */
    private JsonNode sqlRefused(String key, String sql, int status, String code) throws IOException {
        HttpResponse<String> r = sql(key, sql);
        String shown = abbreviate(sql);
        assertTrue(r != null, shown + " got no answer");
        assertEquals(status, r.statusCode(), () -> shown + " -> " + r.body());
        JsonNode body = JSON.readTree(r.body());
        assertEquals(code, body.get("code").asText(), r.body());
        assertFalse(r.body().contains(root.toString()) || r.body().contains(data.toString()),
                "a server path leaked: " + r.body());
        return body;
    }

    /**
     * Opens 40 connections that send {@code head} and then one {@code drip} every 300 ms, checks meanwhile that
     * {@code /v1/health} keeps answering within a second, and expects every slow connection to be answered 408
     * within 10 s (the suite starts the server with a 2 s header timeout and a 1 s grace for the body rate).
     */
    private void assertAllCutOffWith408(String head, String drip) throws Exception {
        List<RawConnection> slow = new ArrayList<>();
        List<Integer> statuses = new ArrayList<>();
        try {
            for (int i = 0; i < 40; i++) {
                RawConnection c = new RawConnection(port, Duration.ofSeconds(5));
                c.send(head);
                slow.add(c);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            List<RawConnection> open = new ArrayList<>(slow);
            while (!open.isEmpty() && System.nanoTime() < deadline) {
                for (java.util.Iterator<RawConnection> it = open.iterator(); it.hasNext(); ) {
                    RawConnection c = it.next();
                    if (c.answered()) {
                        statuses.add(record(c.status(), "slow client"));
                        it.remove();
                    } else {
                        c.send(drip);
                    }
                }
                long t0 = System.nanoTime();
                HttpResponse<String> health = send(HttpRequest.newBuilder(URI.create(base + "/v1/health")));
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
                assertTrue(health != null && health.statusCode() == 200 && millis < 1000,
                        "health under slow clients: " + (health == null ? "no answer" : health.statusCode()) + " in "
                                + millis + " ms");
                Thread.sleep(300);
            }
            assertEquals(List.of(), open.stream().map(Object::toString).toList(), "slow connections still open after 10 s");
        } finally {
            slow.forEach(RawConnection::close);
        }
        assertEquals(40, statuses.size());
        assertTrue(statuses.stream().allMatch(s -> s == 408 || s == -1), "statuses: " + statuses);
        assertTrue(statuses.contains(408), "no 408 was read: " + statuses);
    }

    /** Records a raw answer's 5xx as {@link #send} does, and returns the status. */
    private int record(int status, String what) {
        if (status >= 500) {
            unexpected5xx.add(status + " on a raw connection (" + what + ")");
        }
        return status;
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

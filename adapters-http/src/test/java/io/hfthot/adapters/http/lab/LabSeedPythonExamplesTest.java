package io.hfthot.adapters.http.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.jetty.TlsConfig;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's own Python examples (requests, websockets), with only the host and the key replaced, against
 * the server on 127.0.0.1: over plain HTTP/WS and over HTTPS/WSS with a self-signed certificate that the
 * Python side trusts through {@code REQUESTS_CA_BUNDLE} / {@code SSL_CERT_FILE}, so even the scheme stays
 * as the seed wrote it. Needs Debian's {@code python3-requests} and {@code python3-websockets}.
 */
class LabSeedPythonExamplesTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    /** Runs an example unchanged, then reports the status and the decoded body it obtained. */
    private static final String HARNESS = String.join("\n",
            "import sys, json",
            "src = open(sys.argv[1], encoding='utf-8').read()",
            "g = {'__name__': '__main__'}",
            "exec(compile(src, sys.argv[1], 'exec'), g)",
            "if 'resp' in g: print('HARNESS_STATUS', g['resp'].status_code)",
            "if 'data' in g: print('HARNESS_JSON', json.dumps(g['data']))");

    @TempDir
    static Path dir;
    static LabService engine;
    static TransportServer plain;
    static TransportServer tls;
    static Path caPem;
    static String key;

    @BeforeAll
    static void start() throws Exception {
        engine = LabService.startInMemoryIdentity(LabConfig.forTests(dir.resolve("lab"), 11L), Clock.systemUTC(), null);
        key = engine.access().keys().issue("python", Tier.PROFESSIONAL).rawKey();
        plain = TransportServer.start(TransportConfig.of("127.0.0.1", 0), surface());
        Path ks = dir.resolve("server.p12");
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        run(List.of(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", ks.toString(), "-storepass", "changeit"));
        caPem = dir.resolve("server.pem");
        run(List.of(keytool.toString(), "-exportcert", "-rfc", "-alias", "server", "-keystore", ks.toString(),
                "-storepass", "changeit", "-file", caPem.toString()));
        tls = TransportServer.start(TransportConfig.of("127.0.0.1", 0).withTls(new TlsConfig(ks, "changeit")), surface());
    }

    private static HttpSurface surface() {
        return LabHttpSurface.mount(HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE), engine, engine.access(),
                Clock.systemUTC(), LabHttpOptions.defaults()).build();
    }

    @AfterAll
    static void stop() {
        if (plain != null) {
            plain.close();
        }
        if (tls != null) {
            tls.close();
        }
        engine.close();
    }

    private static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, command.get(0) + " failed: " + out);
    }

    private static void assumePython() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "Debian's /usr/bin/python3 is not installed");
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import requests, websockets").start();
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0,
                "python3-requests / python3-websockets are not installed");
    }

    /** Writes the seed example with only the host and the key replaced. */
    private static Path example(String name, TransportServer server) throws IOException {
        String source;
        try (InputStream in = LabSeedPythonExamplesTest.class.getResourceAsStream("seed000/" + name)) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String host = "127.0.0.1:" + server.port();
        String scheme = server == tls ? "https://" : "http://";
        String ws = server == tls ? "wss://" : "ws://";
        String edited = source.replace("https://api.hfthot-lab.eu", scheme + host)
                .replace("wss://api.hfthot-lab.eu", ws + host)
                .replace("hft_pro_your_key", key);
        Path file = dir.resolve((server == tls ? "tls-" : "plain-") + name);
        Files.writeString(file, edited);
        return file;
    }

    private static ProcessBuilder python(Path script, boolean harness) {
        List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), "-u"));
        if (harness) {
            cmd.add("-c");
            cmd.add(HARNESS);
        }
        cmd.add(script.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("REQUESTS_CA_BUNDLE", caPem.toString());
        env.put("SSL_CERT_FILE", caPem.toString());
        env.put("PYTHONIOENCODING", "utf-8");
        env.remove("HTTPS_PROXY");
        env.remove("https_proxy");
        env.remove("HTTP_PROXY");
        env.remove("http_proxy");
        env.put("NO_PROXY", "127.0.0.1,localhost");
        return pb;
    }

    private static List<String> runExample(String name, TransportServer server) throws Exception {
        Process p = python(example(name, server), true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), name + " did not finish");
        assertEquals(0, p.exitValue(), name + " failed:\n" + out);
        return out.lines().toList();
    }

    private static String line(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in " + lines));
    }

    @Test
    void ohlcvExampleOverHttpAndHttps() throws Exception {
        assumePython();
        for (TransportServer server : List.of(plain, tls)) {
            List<String> out = runExample("ohlcv.py", server);
            assertEquals("HARNESS_STATUS 200", line(out, "HARNESS_STATUS"));
            JsonNode data = LabServerFixture.JSON.readTree(line(out, "HARNESS_JSON").substring("HARNESS_JSON ".length()));
            assertTrue(data.path("bars").size() > 0 && data.path("bars").size() <= 100);
            assertTrue(data.path("bars").get(0).has("volume"));
        }
    }

    @Test
    void optimizeExamplePrintsTheWeights() throws Exception {
        assumePython();
        for (TransportServer server : List.of(plain, tls)) {
            List<String> out = runExample("optimize.py", server);
            String weights = line(out, "{'BTC-USDT': ");
            assertTrue(weights.contains("'ETH-USDT': ") && weights.contains("'SOL-USDT': "), weights);
            assertEquals("HARNESS_STATUS 200", line(out, "HARNESS_STATUS"));
        }
    }

    @Test
    void usageExamplePrintsTheSeedFields() throws Exception {
        assumePython();
        List<String> out = runExample("usage.py", tls);
        assertTrue(line(out, "Requests today: ").matches("Requests today: \\d+/\\d+"), out.toString());
        assertTrue(line(out, "WS connections: ").matches("WS connections: \\d+/10"), out.toString());
        assertTrue(line(out, "Tier: ").startsWith("Tier: professional — renews "), out.toString());
    }

    @Test
    void streamExampleReceivesTicksOverWsAndWss() throws Exception {
        assumePython();
        for (TransportServer server : List.of(plain, tls)) {
            Process p = python(example("stream.py", server), false).start();
            List<String> ticks = new ArrayList<>();
            List<String> all = new ArrayList<>();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String l; (l = r.readLine()) != null; ) {
                        synchronized (all) {
                            all.add(l);
                            if (l.startsWith("{'type': 'tick'")) {
                                ticks.add(l);
                            }
                        }
                    }
                } catch (IOException ignored) {
                    // The process was stopped.
                }
            });
            reader.start();
            try {
                for (int i = 0; i < 100; i++) {
                    Thread.sleep(200);
                    engine.runMaintenance();
                    synchronized (all) {
                        if (ticks.size() >= 3 || !p.isAlive()) {
                            break;
                        }
                    }
                }
            } finally {
                p.destroy();
                p.waitFor(10, TimeUnit.SECONDS);
                reader.join(10_000);
            }
            synchronized (all) {
                assertTrue(ticks.size() >= 3, "ticks printed by the seed example: " + all);
                assertTrue(all.get(0).startsWith("{'type': 'subscribed', 'stream': 'price_feed', 'symbol': 'BTC-USDT'}"),
                        all.get(0));
                assertTrue(ticks.get(0).matches("\\{'type': 'tick', 'symbol': 'BTC-USDT', 'price': [0-9.]+, 'qty': [0-9.e-]+,"
                        + " 'side': '(buy|sell)', 'ts_ms': \\d+, 'latency_us': \\d+\\}"), ticks.get(0));
            }
        }
    }
}

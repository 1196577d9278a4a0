package io.hfthot.adapters.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hfthot.adapters.grpc.tls.GrpcTls;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabTopics;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs seed 000's own Python gRPC example against the server over TLS: stubs generated from
 * {@code src/main/proto/hfthot.proto} at test time with Debian's {@code python3-grpc-tools}, the seed's
 * snippet ({@code src/test/resources/seed000/grpc_example.py}, indentation restored where the seed's page
 * flattened it) with only the host and the key replaced. {@code grpc.ssl_channel_credentials()} with no
 * arguments uses the default roots, which gRPC core reads from {@code GRPC_DEFAULT_SSL_ROOTS_FILE_PATH};
 * pointing it at the test's self-signed certificate is what lets the unchanged snippet verify the server.
 *
 * <p>Needs {@code /usr/bin/python3} with the {@code grpc} and {@code grpc_tools} modules
 * ({@code apt-get install python3-grpcio python3-grpc-tools}); without them the test is skipped (reported
 * as skipped, not passed).
 */
class SeedPythonClientTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Pattern REGIME_LINE =
            Pattern.compile("Regime: (trending|mean_reverting|volatile) \\(\\d{1,3}%\\) → \\w+");
    private static final Pattern TICK_LINE = Pattern.compile("\\d{13}: \\d+(\\.\\d+)?(e[+-]?\\d+)? \\((buy|sell)\\)");

    @Test
    void seedExampleGetsTheRegimeAndStreamsTicksOverTls(@TempDir Path dir) throws Exception {
        assumeTrue(pythonHasGrpc(), "/usr/bin/python3 with grpc and grpc_tools is not installed");
        Path stubs = Files.createDirectories(dir.resolve("stubs"));
        run(List.of(PYTHON.toString(), "-m", "grpc_tools.protoc", "-I" + Path.of("src/main/proto").toAbsolutePath(),
                "--python_out=" + stubs, "--grpc_python_out=" + stubs, "hfthot.proto"), Map.of());
        Path tls = Files.createDirectories(dir.resolve("tls"));
        SelfSignedCertificate certificate = SelfSignedCertificate.create(tls);
        try (LabFixture lab = new LabFixture(dir.resolve("lab"));
             LabGrpcServer server = LabGrpcServer.start(GrpcServerConfig.defaults().withAddress("127.0.0.1", 0)
                     .withTls(new GrpcTls.PemFiles(certificate.certificatePem(), certificate.privateKeyPem())),
                     lab.engine, lab.clock)) {
            String snippet = Files.readString(Path.of("src/test/resources/seed000/grpc_example.py"))
                    .replace("api.hfthot-lab.eu:50053", "localhost:" + server.port())
                    .replace("hft_pro_your_key", lab.key(Tier.PROFESSIONAL));
            Path script = Files.writeString(dir.resolve("grpc_example.py"), snippet);
            ProcessBuilder pb = new ProcessBuilder(PYTHON.toString(), script.toString()).redirectErrorStream(true);
            pb.environment().put("PYTHONPATH", stubs.toString());
            pb.environment().put("GRPC_DEFAULT_SSL_ROOTS_FILE_PATH", certificate.certificatePem().toString());
            Process python = pb.start();
            BlockingQueue<String> lines = new LinkedBlockingQueue<>();
            Thread reader = startReader(python.getInputStream(), lines);
            try {
                String first = lines.poll(60, TimeUnit.SECONDS);
                assertTrue(first != null && REGIME_LINE.matcher(first).matches(), "first line: " + first);
                // The snippet now sits in its StreamTicks loop; make the market trade until it printed ticks.
                awaitSubscriber(lab, LabTopics.ticks("BTC-USDT"));
                List<String> ticks = new ArrayList<>();
                for (int round = 0; round < 50 && ticks.size() < 20; round++) {
                    lab.clock.advance(Duration.ofSeconds(1));
                    lab.engine.runMaintenance();
                    String line;
                    while ((line = lines.poll(200, TimeUnit.MILLISECONDS)) != null) {
                        ticks.add(line);
                    }
                }
                assertTrue(ticks.size() >= 20, "tick lines: " + ticks);
                for (String line : ticks) {
                    assertTrue(TICK_LINE.matcher(line).matches(), "not a tick line: " + line);
                }
            } finally {
                python.destroy();
                python.waitFor(10, TimeUnit.SECONDS);
                reader.join(5000);
            }
        }
    }

    private static void awaitSubscriber(LabFixture lab, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (lab.engine.bus().subscriberCount(topic) == 0) {
            assertTrue(System.nanoTime() < deadline, "the Python client never subscribed to " + topic);
            Thread.sleep(10);
        }
    }

    private static boolean pythonHasGrpc() throws InterruptedException {
        if (!Files.isExecutable(PYTHON)) {
            return false;
        }
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import grpc, grpc_tools.protoc")
                    .redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static void run(List<String> command, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, p.exitValue(), command + " failed: " + output);
    }

    private static Thread startReader(InputStream in, BlockingQueue<String> lines) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    lines.add(line);
                }
            } catch (IOException e) {
                // The process was destroyed: nothing more to read.
            }
        }, "python-stdout");
        t.setDaemon(true);
        t.start();
        return t;
    }
}

package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code target/hfthot-server.jar} as a real child process with {@code java -jar}, reads where it
 * says it listens, asks both health routes, stops it with SIGTERM and checks it released its ports.
 */
class ServerJarSmokeTest {
    private static final Pattern LISTEN = Pattern.compile("^\\s+(.+?)\\s+http://127\\.0\\.0\\.1:(\\d+)");

    /** Waits until the log holds a line starting with a prefix, or the process dies. */
    private static List<String> awaitLine(Path log, String prefix, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            List<String> lines = Files.exists(log) ? Files.readAllLines(log) : List.of();
            if (lines.stream().anyMatch(l -> l.startsWith(prefix))) {
                return lines;
            }
            if (!p.isAlive()) {
                throw new AssertionError("the server exited with " + p.exitValue() + ":\n" + String.join("\n", lines));
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no '" + prefix + "' line within 60 s:\n" + String.join("\n", Files.readAllLines(log)));
    }

    @Test
    void theJarStartsAnswersHealthAndStopsOnSigterm(@TempDir Path tmp) throws Exception {
        Path jar = Path.of("target", "hfthot-server.jar");
        assertTrue(Files.isRegularFile(jar), "build the jar first: " + jar.toAbsolutePath());
        Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
        Path data = tmp.resolve("data");
        ProcessBuilder pb = new ProcessBuilder(javaBin.toString(), "-jar", jar.toString(),
                "--http-port", "0", "--mm-port", "0", "--grpc-port", "0",
                "--history", "small",
                "--data-dir", data.toString()).redirectErrorStream(true);
        // A file, not a pipe: the whole output stays readable after the process has exited.
        Path log = tmp.resolve("server.log");
        pb.redirectOutput(log.toFile());
        pb.environment().put("HFTHOT_ACCESS_LOG", "OFF");
        Process p = pb.start();
        int httpPort = -1;
        int mmPort = -1;
        Set<Integer> ports = new LinkedHashSet<>();
        try {
            List<String> output = awaitLine(log, "Stop with", p);
            for (String line : new ArrayList<>(output)) {
                Matcher m = LISTEN.matcher(line);
                if (m.find()) {
                    int port = Integer.parseInt(m.group(2));
                    ports.add(port);
                    if (m.group(1).startsWith("HFThot REST")) {
                        httpPort = port;
                    } else if (m.group(1).startsWith("market maker")) {
                        mmPort = port;
                    }
                }
            }
            assertEquals(3, ports.size(), "expected the HFThot and market-maker listeners and gRPC in:\n"
                    + String.join("\n", output));
            assertTrue(Files.isDirectory(data));
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\"}", health.body());
            HttpResponse<String> mm = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + mmPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\",\"connections\":0}", mm.body());

            p.destroy(); // SIGTERM on Unix: runs the shutdown hook
            assertTrue(p.waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
            List<String> after = Files.readAllLines(log);
            assertTrue(after.contains("HFThot reference server stopped"), String.join("\n", after));
            for (int port : ports) {
                try (ServerSocket again = new ServerSocket()) {
                    again.bind(new InetSocketAddress("127.0.0.1", port));
                }
            }
        } finally {
            p.destroyForcibly();
        }
    }
}

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code target/hfthot-server.jar} as a real child process with {@code java -jar}, reads where it
 * says it listens, asks both health routes, stops it with SIGTERM and checks it released its ports.
 */
class ServerJarSmokeTest {
    @Test
    void theJarStartsAnswersHealthAndStopsOnSigterm(@TempDir Path tmp) throws Exception {
        Path data = tmp.resolve("data");
        ServerProcess server = ServerProcess.start(List.of(), List.of("--http-port", "0", "--mm-port", "0", "--hti-port", "0", "--hub-port", "0",
                "--grpc-port", "0", "--management-port", "0", "--history", "small", "--data-dir", data.toString()), Map.of(), tmp.resolve("server.log"));
        try {
            List<String> output = server.awaitStarted(60);
            int httpPort = server.port("HFThot REST");
            int mmPort = server.port("market maker");
            int grpcPort = server.port("HFThot gRPC");
            // Every surface the server binds is listed with its own port (each one serves routes).
            List<Integer> ports = List.of(httpPort, mmPort, grpcPort, server.port("HTI trade ideas"),
                    server.port("agents hub"), server.port("management"));
            assertEquals(6, ports.stream().distinct().count(), String.join("\n", output));
            assertTrue(Files.isDirectory(data));
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/v1/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\"}", health.body());
            HttpResponse<String> mm = client.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + mmPort + "/health")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"status\":\"ok\",\"connections\":0}", mm.body());

            server.process().destroy(); // SIGTERM on Unix: runs the shutdown hook
            assertTrue(server.process().waitFor(30, TimeUnit.SECONDS), "the server did not stop on SIGTERM");
            List<String> after = server.output();
            assertTrue(after.contains("HFThot reference server stopped"), String.join("\n", after));
            for (int port : ports) {
                try (ServerSocket again = new ServerSocket()) {
                    again.bind(new InetSocketAddress("127.0.0.1", port));
                }
            }
        } finally {
            server.process().destroyForcibly();
        }
    }
}

package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * The access log's writer is asynchronous: a server stopped (SIGTERM) right after its last answer still has one
 * access line per request, written by the logging shutdown, none lost and none cut.
 */
class AccessLogShutdownTest {
    private static final int CLIENTS = 4;
    private static final int PER_CLIENT = 500;

    @Test
    void aServerStoppedRightAfterNRequestsHasNAccessLines() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "access-log-shutdown")).resolve("server.log");
        Path data = Files.createTempDirectory("hfthot-access-shutdown");
        ServerProcess server = ServerProcess.startMain(List.of("-Xmx384m", "-XX:TieredStopAtLevel=1"),
                List.of("--data-dir", data.toString(), "--http-port", "0", "--mm-port", "0", "--hti-port", "0",
                        "--grpc-port", "0", "--hub-port", "0", "--management-port", "0", "--history", "small",
                        "--sql-threads", "1"),
                Map.of("HFTHOT_ACCESS_LOG", "INFO"), log);
        try {
            server.awaitStarted(120);
            URI health = URI.create("http://127.0.0.1:" + server.port("HFThot REST") + "/v1/health");
            HttpClient http = HttpClient.newHttpClient();
            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            List<Future<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < PER_CLIENT; i++) {
                        HttpResponse<Void> r = http.send(HttpRequest.newBuilder(health).build(),
                                HttpResponse.BodyHandlers.discarding());
                        ok += r.statusCode() == 200 ? 1 : 0;
                    }
                    return ok;
                }));
            }
            int answered = 0;
            for (Future<Integer> f : clients) {
                answered += f.get();
            }
            pool.shutdown();
            assertEquals(CLIENTS * PER_CLIENT, answered);
        } finally {
            server.close(); // SIGTERM right after the last answer
        }
        long lines = server.output().stream()
                .filter(l -> l.matches("\\S+Z ACCESS hfthot \\S+ GET /v1/health 200 \\d+B \\d+us")).count();
        assertEquals(CLIENTS * PER_CLIENT, lines, "one whole access line per request, see " + log.toAbsolutePath());
    }
}

package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A surface hands its {@link AccessLog} one record per exchange, refusals and unknown paths included. */
class AccessLogTest {
    record Line(String surface, String requestId, String method, String rawPath, int status, long bytes,
                long micros) {
    }

    @Test
    void everyExchangeIsRecordedWithWhatWasAnswered() throws Exception {
        HttpSurface surface = HttpSurface.builder("t", ErrorShape.CODE_MESSAGE)
                .get("/v1/health", r -> Response.ok(Map.of("status", "ok")))
                .get("/v1/limited", r -> {
                    throw new ApiException(ErrorKind.RATE_LIMITED, "rate limit of 1 request per minute exceeded");
                })
                .build();
        List<Line> lines = new CopyOnWriteArrayList<>();
        surface.accessLog((s, id, method, path, status, bytes, micros) ->
                lines.add(new Line(s, id, method, path, status, bytes, micros)));
        HttpClient client = HttpClient.newHttpClient();
        try (TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), surface)) {
            List<HttpResponse<byte[]>> answers = List.of(
                    client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/health?verbose=1"))
                            .header("X-Request-Id", "abc-1").build(), HttpResponse.BodyHandlers.ofByteArray()),
                    client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/limited")).build(),
                            HttpResponse.BodyHandlers.ofByteArray()),
                    client.send(HttpRequest.newBuilder(URI.create(server.baseUri() + "/v1/no%20such")).build(),
                            HttpResponse.BodyHandlers.ofByteArray()));
            // The record is made after the response is written, so it may trail the client's receipt a little.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (lines.size() < answers.size() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertEquals(answers.size(), lines.size(), lines::toString);
            List<String> paths = List.of("/v1/health", "/v1/limited", "/v1/no%20such");
            List<Integer> statuses = List.of(200, 429, 404);
            for (int i = 0; i < answers.size(); i++) {
                Line line = lines.get(i);
                HttpResponse<byte[]> answer = answers.get(i);
                assertEquals("t", line.surface());
                assertEquals(answer.headers().firstValue("X-Request-Id").orElse(null), line.requestId());
                assertEquals("GET", line.method());
                assertEquals(paths.get(i), line.rawPath(), "the raw path, without the query");
                assertEquals(statuses.get(i), line.status());
                assertEquals(answer.statusCode(), line.status());
                assertEquals(answer.body().length, line.bytes());
                assertTrue(line.micros() >= 0, line::toString);
            }
            assertEquals("abc-1", lines.get(0).requestId());
            assertNotNull(lines.get(1).requestId());
        }
    }
}

package io.hfthot.benchmarks.http;

import com.sun.net.httpserver.HttpHandler;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * The server {@code benchmarks/load/wrk-health.sh} loads: one Jetty listener on 127.0.0.1 serving the
 * same health body twice, through the full adapter at {@code /v1/health} (request id, routing, filter
 * chain, JSON codec, access log) and through a bare {@code HttpHandler} at {@code /bare/health} (the
 * peer: the least any handler on this server can do), so both are measured in the same run.
 */
public final class TransportLoadServer {
    private TransportLoadServer() {
    }

    /**
     * Starts the server and blocks until killed.
     *
     * @param args the port (default 18080)
     * @throws Exception when the port cannot be bound
     */
    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 18080;
        HttpSurface surface = HttpSurface.builder("bench", ErrorShape.CODE_MESSAGE)
                .filter(request -> request.attributes().put("principal", "anonymous"))
                .get("/v1/health", r -> Response.ok(Map.of("status", "ok")))
                .build();
        TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", port), surface);
        byte[] body = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        HttpHandler bare = exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        };
        server.httpServer().createContext("/bare", bare);
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        System.out.println("load server ready on " + server.baseUri());
        System.out.flush();
        new CountDownLatch(1).await();
    }
}

package io.hfthot.server.ops;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management listener: {@code GET /metrics} (Prometheus text format), {@code GET /health/live} (200 while
 * the process answers) and {@code GET /health/ready} (200 or 503 with each check's outcome, see
 * {@link Readiness}). HEAD is answered like GET without a body; other methods get 405.
 *
 * <p>Why a bare Jetty server and not the API transport: it serves a scraper every few seconds on loopback, needs
 * none of the API's guards, and must keep answering when the API listeners are saturated (its own small pool).
 * Not the JDK's {@code HttpServer.create} either: with jetty-http-spi on the class path that factory returns Jetty's
 * adapter (found through {@code ServiceLoader}), which reports port -1 for an ephemeral bind.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ManagementServer.class);
    /** The media type of the Prometheus text exposition format 0.0.4. */
    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final Server server;
    private final ServerConnector connector;
    private final String host;

    private ManagementServer(Server server, ServerConnector connector, String host) {
        this.server = server;
        this.connector = connector;
        this.host = host;
    }

    /**
     * Binds and starts the listener.
     *
     * @param config    where to bind
     * @param scrape    renders the metrics in the text format
     * @param readiness the readiness checks
     * @return the running listener
     * @throws IOException when the port cannot be bound (the message names it and the flag to change it)
     */
    public static ManagementServer start(OperationsConfig config, Supplier<String> scrape, Readiness readiness)
            throws IOException {
        Objects.requireNonNull(scrape, "scrape");
        Objects.requireNonNull(readiness, "readiness");
        QueuedThreadPool pool = new QueuedThreadPool(6, 2);
        pool.setName("hfthot-management");
        pool.setDaemon(true);
        Server server = new Server(pool);
        ServerConnector connector = new ServerConnector(server, 1, 1);
        connector.setHost(config.managementBind());
        connector.setPort(config.managementPort());
        server.addConnector(connector);
        Map<String, Supplier<Body>> routes = Map.of(
                "/metrics", () -> new Body(200, PROMETHEUS_TEXT, scrape.get()),
                "/health/live", () -> new Body(200, "application/json", "{\"status\":\"up\"}"),
                "/health/ready", () -> ready(readiness.check()));
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                answer(request, response, callback, routes);
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            try {
                server.stop();
            } catch (Exception ignored) {
                // the start failure is what matters
            }
            throw new IOException("cannot listen for management on " + config.managementBind() + ":" + config.managementPort() + " ("
                    + e.getMessage() + "); choose another port with --management-port", e);
        }
        ManagementServer started = new ManagementServer(server, connector, config.managementBind());
        LOG.info("management listening on {}", started.baseUri());
        return started;
    }

    private record Body(int status, String contentType, String text) {
    }

    private static Body ready(Readiness.Report report) {
        StringBuilder sb = new StringBuilder("{\"status\":\"").append(report.ready() ? "ready" : "not_ready")
                .append("\",\"checks\":{");
        boolean first = true;
        for (Map.Entry<String, Readiness.Check> e : report.checks().entrySet()) {
            if (!first) {
                sb.append(',');
            }
            first = false;
            sb.append('"').append(e.getKey()).append("\":{\"ok\":").append(e.getValue().ok())
                    .append(",\"detail\":\"").append(jsonEscape(e.getValue().detail())).append("\"}");
        }
        sb.append("}}");
        return new Body(report.ready() ? 200 : 503, "application/json", sb.toString());
    }

    private static String jsonEscape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static void answer(Request request, Response response, Callback callback, Map<String, Supplier<Body>> routes) {
        String method = request.getMethod();
        Supplier<Body> route = routes.get(request.getHttpURI().getPath());
        Body b;
        if (route == null) {
            b = new Body(404, "application/json", "{\"error\":\"no such path; served: /metrics, /health/live, /health/ready\"}");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD");
            b = new Body(405, "application/json", "{\"error\":\"method " + jsonEscape(method)
                    + " not allowed; allowed: GET, HEAD\"}");
        } else {
            try {
                b = route.get();
            } catch (RuntimeException e) {
                LOG.warn("management {} failed", request.getHttpURI().getPath(), e);
                b = new Body(500, "application/json", "{\"error\":\"" + jsonEscape(String.valueOf(e.getMessage())) + "\"}");
            }
        }
        byte[] bytes = b.text().getBytes(StandardCharsets.UTF_8);
        response.setStatus(b.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, b.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        // For HEAD, Jetty sends the headers (Content-Length included) and drops the body itself.
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    /** @return the bound port */
    public int port() {
        return connector.getLocalPort();
    }

    /** @return {@code http://host:port} */
    public String baseUri() {
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    /** Stops the listener and its threads. */
    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the management listener failed", e);
        }
    }
}

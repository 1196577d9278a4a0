package io.hfthot.adapters.http;

import io.hfthot.adapters.http.ExchangeFilter.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPOutputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One API surface (HFThot, HTI, market maker, hub): its routes, filters, WebSocket endpoints, error
 * shape, JSON codec, CORS policy and limits. It knows no transport: a transport hands it each request as a
 * {@link ServerExchange} ({@link #handle(ServerExchange)}). {@code io.hfthot.adapters.http.jdk} mounts it in any
 * {@code com.sun.net.httpserver} server (REST and SSE); {@code io.hfthot.adapters.http.jetty.TransportServer}
 * runs it on Jetty and adds the WebSocket endpoints on the same port.
 *
 * <p>Per request: request id and {@code X-Request-Id}; the exchange filters (the access log outermost, one
 * record per request to the surface's {@link AccessLog} (by default a line through slf4j logger
 * {@code io.hfthot.access}); then CORS when enabled, which answers
 * preflights); routing (404, 405 with {@code Allow}; HEAD on every GET route, answered with the GET's headers and
 * no body); declared body size check (413); the request filters; handler; encoding with gzip when the client
 * accepts it and the body is at least {@code gzipMinBytes}. Every failure goes through {@link ErrorMapper} and is
 * written in the surface's {@link ErrorShape}, with {@code Retry-After} on every 429. After the exchange closes,
 * the {@link RequestObserver} (metrics) is told the route, status and time. Route handlers
 * that implement {@link AutoCloseable} (such as SSE streams) are closed by {@link #shutdown()}.
 *
 * <p>Why this class is longer than the house limit: a little over a quarter of it is its {@link Builder} (a nested
 * class every surface factory names as {@code HttpSurface.Builder}), and the rest is the one request pipeline above
 * (routing, HEAD, body limits, filters, encoding, errors with {@code Retry-After}, the observer), whose steps share
 * the exchange, the request id and the outcome written; CORS and the access log already live in their own filters.
 */
public final class HttpSurface {
    private static final Logger LOG = LoggerFactory.getLogger(HttpSurface.class);

    private final String name;
    private final ErrorShape errorShape;
    private final Router router;
    private final List<RequestFilter> filters;
    private final Map<String, WebSocketRoute> webSockets;
    private final JsonCodec codec;
    private final CorsPolicy cors;
    private final int maxBodyBytes;
    private final int gzipMinBytes;
    private final List<AutoCloseable> closeables;
    private final List<StreamingRoute> streamingRoutes;
    private final Stage pipeline;
    private final AccessLogFilter accessLogFilter;
    private volatile boolean draining;
    private volatile RequestObserver observer = RequestObserver.NONE;

    private HttpSurface(Builder b, Router router) {
        this.name = b.name;
        this.errorShape = b.errorShape;
        this.router = router;
        this.filters = List.copyOf(b.filters);
        this.webSockets = Map.copyOf(b.webSockets);
        this.codec = b.codec;
        this.cors = b.cors;
        this.maxBodyBytes = b.maxBodyBytes;
        this.gzipMinBytes = b.gzipMinBytes;
        this.closeables = List.copyOf(b.closeables);
        this.streamingRoutes = List.copyOf(b.streamingRoutes);
        Stage routing = new Stage(null, null);
        Stage corsStage = cors.enabled() ? new Stage(new CorsFilter(cors, router), routing) : routing;
        this.accessLogFilter = new AccessLogFilter(name);
        this.pipeline = new Stage(accessLogFilter, corsStage);
    }

    /**
     * Starts a surface definition.
     *
     * @param name       a short name for logs and thread names, e.g. {@code hfthot}
     * @param errorShape how errors are spelled on this surface
     * @return a builder
     */
    public static Builder builder(String name, ErrorShape errorShape) {
        return new Builder(name, errorShape);
    }

    /** @return the surface name */
    public String name() {
        return name;
    }

    /** @return the error shape */
    public ErrorShape errorShape() {
        return errorShape;
    }

    /** @return the JSON codec */
    public JsonCodec codec() {
        return codec;
    }

    /** @return the filters, in order */
    public List<RequestFilter> filters() {
        return filters;
    }

    /** @return the CORS policy */
    public CorsPolicy cors() {
        return cors;
    }

    /**
     * Returns the largest accepted request body.
     *
     * @return the limit in bytes
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /** @return the router */
    public Router router() {
        return router;
    }

    /**
     * Returns the WebSocket endpoints by exact path.
     *
     * @return the routes
     */
    public Map<String, WebSocketRoute> webSockets() {
        return webSockets;
    }

    /**
     * Returns the WebSocket route mounted at a path.
     *
     * @param path the exact path
     * @return the route
     * @throws IllegalArgumentException when nothing is mounted there
     */
    public WebSocketRoute webSocket(String path) {
        WebSocketRoute r = webSockets.get(path);
        if (r == null) {
            throw new IllegalArgumentException("no WebSocket endpoint at '" + path + "'; mounted: " + webSockets.keySet());
        }
        return r;
    }

    /**
     * Encodes an error in this surface's shape.
     *
     * @param kind    the kind
     * @param message the message
     * @return the JSON bytes
     */
    public byte[] errorBody(ErrorKind kind, String message) {
        return codec.encode(errorShape.body(kind, message));
    }

    /**
     * Tells whether any route streams its responses ({@link StreamingRoute}).
     *
     * @return true when there is one
     */
    public boolean hasStreamingRoutes() {
        return !streamingRoutes.isEmpty();
    }

    /**
     * Returns the open responses of its streaming routes (server-sent events), for metrics.
     *
     * @return the count
     */
    public int openStreamingResponses() {
        return streamingRoutes.stream().mapToInt(StreamingRoute::openStreams).sum();
    }

    /**
     * Stops accepting requests (new ones get 503 in the surface's shape) and closes closeable handlers
     * so long-lived streams end. Idempotent.
     */
    public void shutdown() {
        if (draining) {
            return;
        }
        draining = true;
        for (AutoCloseable c : closeables) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} on surface {} failed", c, name, e);
            }
        }
    }

    /**
     * Tells whether {@link #shutdown()} was called.
     *
     * @return true while draining
     */
    public boolean isShuttingDown() {
        return draining;
    }

    /**
     * Serves one exchange: the transport's single entry point. Never throws: every failure is written in the
     * surface's error shape (or, when the client is gone, dropped).
     *
     * @param exchange the exchange; closed before this method returns
     */
    public void handle(ServerExchange exchange) {
        long start = System.nanoTime();
        String requestId = RequestIds.fromHeaderOrNew(exchange.header("X-Request-Id"));
        exchange.setResponseHeader("X-Request-Id", requestId);
        String method = exchange.method().toUpperCase(Locale.ROOT);
        Outcome outcome;
        try {
            outcome = pipeline.proceed(new ExchangeFilter.Call(exchange, requestId, method, exchange.rawPath()));
        } finally {
            exchange.close();
        }
        try {
            observer.completed(name, method, outcome.route(), outcome.status(), System.nanoTime() - start);
        } catch (RuntimeException e) {
            LOG.warn("request observer failed on surface {}", name, e);
        }
    }

    /**
     * Sets who is told about each answered request (metrics); replaces the previous observer. Any surface can be
     * observed this way without its factory knowing, which is why this is a setter and not a builder option.
     *
     * @param observer the observer, {@link RequestObserver#NONE} to stop observing
     */
    public void observe(RequestObserver observer) {
        this.observer = Objects.requireNonNull(observer, "observer");
    }

    /**
     * Sets where the access log goes; replaces the previous one. The default, {@link AccessLog#SLF4J}, suits any
     * SLF4J backend; a server that knows its backend may hand records to it more cheaply. A setter for the same
     * reason as {@link #observe}.
     *
     * @param accessLog the access log
     */
    public void accessLog(AccessLog accessLog) {
        accessLogFilter.use(accessLog);
    }

    /** A filter and what follows it; the last stage routes. Built once, so a request allocates no chain. */
    private final class Stage implements ExchangeFilter.Chain {
        private final ExchangeFilter filter;
        private final Stage next;

        Stage(ExchangeFilter filter, Stage next) {
            this.filter = filter;
            this.next = next;
        }

        @Override
        public Outcome proceed(ExchangeFilter.Call call) {
            try {
                return filter == null ? dispatch(call) : filter.filter(call, next);
            } catch (Throwable t) {
                return writeError(call, t);
            }
        }

        @Override
        public Outcome respond(ExchangeFilter.Call call, Response response) throws IOException {
            return write(call.exchange(), response, false);
        }
    }

    /**
     * Reads and drops what is left of a request body the handler did not read (an error answered before
     * the body, a route that ignores it), so the connection can carry the next request. Without this,
     * Jetty closes a connection whose request content is unread at completion; a client that already has
     * the whole response returns that connection to its pool and its next request fails with no bytes.
     * A body larger than the limit is not drained: the connection is closed instead.
     */
    private void discardUnreadBody(ServerExchange exchange) {
        String length = exchange.header("Content-Length");
        boolean hasBody = exchange.header("Transfer-Encoding") != null || (length != null && !"0".equals(length.trim()));
        if (!hasBody || "close".equalsIgnoreCase(exchange.responseHeader("Connection"))) {
            return;
        }
        try (InputStream body = exchange.requestBody()) {
            byte[] buf = new byte[8192];
            long left = maxBodyBytes;
            int n;
            while ((n = body.read(buf)) >= 0) {
                left -= n;
                if (left < 0) {
                    exchange.setResponseHeader("Connection", "close");
                    return;
                }
            }
        } catch (IOException | RuntimeException e) {
            exchange.setResponseHeader("Connection", "close");
        }
    }

    private Outcome dispatch(ExchangeFilter.Call call) throws Exception {
        ServerExchange exchange = call.exchange();
        String method = call.method();
        String rawPath = call.rawPath();
        if (draining) {
            exchange.setResponseHeader("Connection", "close");
            throw new ApiException(ErrorKind.SERVICE_UNAVAILABLE, "the server is shutting down");
        }
        List<String> segments = decodeSegments(rawPath);
        Router.Match match = router.match(method, segments);
        boolean head = "HEAD".equals(method) && !match.found();
        if (head) {
            // HEAD is GET without the body (RFC 9110, 9.3.2): the GET route runs, filters and quotas included.
            Router.Match get = router.match("GET", segments);
            match = get.found() ? get : match;
            head = get.found();
        }
        if (!match.found()) {
            if (match.methodNotAllowed()) {
                String allow = allowHeader(match.allowed());
                exchange.setResponseHeader("Allow", allow);
                if ("OPTIONS".equals(method)) {
                    return write(exchange, Response.noContent(), false);
                }
                throw new ApiException(ErrorKind.METHOD_NOT_ALLOWED, "method " + method + " is not allowed on "
                        + rawPath + "; allowed: " + allow);
            }
            throw new ApiException(ErrorKind.NOT_FOUND, "no route for " + method + " " + rawPath);
        }
        try {
            return routed(call, match, head).withRoute(match.pattern());
        } catch (Throwable t) {
            return writeError(call, t).withRoute(match.pattern());
        }
    }

    /** The matched route's part of {@link #dispatch}: body size, request filters, handler, answer. */
    private Outcome routed(ExchangeFilter.Call call, Router.Match match, boolean head) throws Exception {
        ServerExchange exchange = call.exchange();
        String declaredLength = exchange.header("Content-Length");
        if (declaredLength != null) {
            try {
                if (Long.parseLong(declaredLength.trim()) > maxBodyBytes) {
                    exchange.setResponseHeader("Connection", "close");
                    throw Request.tooLarge(maxBodyBytes);
                }
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Content-Length '" + declaredLength + "' is not a number");
            }
        }
        Request request = new Request(exchange, call.requestId(), match.pattern(), match.pathParams(), codec,
                maxBodyBytes);
        for (RequestFilter f : filters) {
            f.filter(request);
        }
        Response response = match.handler().handle(request);
        if (response == null) {
            throw new IllegalStateException("route " + match.pattern() + " returned no response");
        }
        discardUnreadBody(exchange);
        return head ? writeHead(exchange, response) : write(exchange, response, acceptsGzip(exchange.header("Accept-Encoding")));
    }

    /**
     * Answers a HEAD with the headers the GET would send, {@code Content-Length} included (of the identity-encoded
     * body), and no body; a streaming body is not started.
     */
    private Outcome writeHead(ServerExchange exchange, Response response) throws IOException {
        response.headers().forEach(exchange::setResponseHeader);
        if (response.contentType() != null) {
            exchange.setResponseHeader("Content-Type", response.contentType());
        }
        if (!response.isStream() && response.status() != 204 && response.status() != 304) {
            long length;
            if (response.jsonBody() != null) {
                BodyBuffer json = BodyBuffer.acquire();
                try {
                    codec.encodeTo(response.jsonBody(), json);
                    length = json.size();
                } finally {
                    json.release();
                }
            } else {
                length = response.rawBody() == null ? 0 : response.rawBody().length;
            }
            exchange.setResponseHeader("Content-Length", Long.toString(length));
        }
        exchange.sendResponseHeaders(response.status(), -1).close();
        return new Outcome(response.status(), 0);
    }

    static String allowHeader(java.util.Set<String> methods) {
        java.util.TreeSet<String> sorted = new java.util.TreeSet<>(methods);
        sorted.add("OPTIONS");
        if (sorted.contains("GET")) {
            sorted.add("HEAD");
        }
        return String.join(", ", sorted);
    }

    private Outcome writeError(ExchangeFilter.Call call, Throwable t) {
        ServerExchange exchange = call.exchange();
        ErrorMapper.MappedError e = ErrorMapper.map(t, call.requestId());
        try {
            discardUnreadBody(exchange);
            byte[] body = errorBody(e.kind(), e.message());
            exchange.setResponseHeader("Content-Type", "application/json");
            if (errorShape.status(e.kind()) == 429 && exchange.responseHeader(RetryAfter.HEADER) == null) {
                exchange.setResponseHeader(RetryAfter.HEADER, RetryAfter.seconds(
                        exchange.responseHeader("X-RateLimit-Reset"), Instant.now().getEpochSecond()));
            }
            try (OutputStream os = exchange.sendResponseHeaders(errorShape.status(e.kind()), body.length)) {
                os.write(body);
            }
            return new Outcome(errorShape.status(e.kind()), body.length);
        } catch (IOException | RuntimeException writeFailure) {
            // Headers were already sent (a failing stream) or the client left: nothing more can be said.
            LOG.debug("request {}: could not write the error response", call.requestId(), writeFailure);
            return new Outcome(errorShape.status(e.kind()), -1);
        }
    }

    private Outcome write(ServerExchange exchange, Response response, boolean gzip) throws IOException {
        response.headers().forEach(exchange::setResponseHeader);
        if (response.pushBody() != null) {
            return push(exchange, response);
        }
        if (response.streamingBody() != null) {
            exchange.setResponseHeader("Content-Type", response.contentType());
            exchange.setResponseHeader("Cache-Control", "no-cache");
            CountingStream counting = new CountingStream(exchange.sendResponseHeaders(response.status(), 0));
            try (OutputStream os = counting) {
                response.streamingBody().writeTo(os);
            } catch (IOException clientLeft) {
                LOG.debug("stream ended: {}", clientLeft.toString());
            }
            return new Outcome(response.status(), counting.count);
        }
        if (response.jsonBody() == null) {
            byte[] raw = response.rawBody();
            return writeBytes(exchange, response, raw, raw == null ? 0 : raw.length, gzip);
        }
        BodyBuffer json = BodyBuffer.acquire();
        try {
            codec.encodeTo(response.jsonBody(), json);
            return writeBytes(exchange, response, json.array(), json.size(), gzip);
        } finally {
            json.release();
        }
    }

    /**
     * Starts a pushed body. On a transport that writes without blocking, this returns at once and the stream goes
     * on without the request's thread (the outcome then counts no body bytes); otherwise the thread writes what the
     * body hands over until it ends.
     */
    private Outcome push(ServerExchange exchange, Response response) throws IOException {
        exchange.setResponseHeader("Content-Type", response.contentType());
        exchange.setResponseHeader("Cache-Control", "no-cache");
        java.util.Optional<StreamSink> sink = exchange.sendPushedHeaders(response.status());
        if (sink.isPresent()) {
            response.pushBody().start(sink.get());
            return new Outcome(response.status(), 0);
        }
        try (OutputStream os = exchange.sendResponseHeaders(response.status(), 0)) {
            BlockingStreamSink blocking = new BlockingStreamSink(os);
            response.pushBody().start(blocking);
            try {
                blocking.run();
            } catch (IOException clientLeft) {
                LOG.debug("stream ended: {}", clientLeft.toString());
            }
            return new Outcome(response.status(), blocking.written());
        } catch (IOException clientLeft) {
            LOG.debug("stream ended: {}", clientLeft.toString());
            return new Outcome(response.status(), -1);
        }
    }

    /** Writes the first {@code length} bytes of {@code body} (null: no body), gzipped when asked and worth it. */
    private Outcome writeBytes(ServerExchange exchange, Response response, byte[] body, int length, boolean gzip)
            throws IOException {
        if (body == null || response.status() == 204 || response.status() == 304) {
            exchange.sendResponseHeaders(response.status(), -1).close();
            return new Outcome(response.status(), 0);
        }
        exchange.setResponseHeader("Content-Type", response.contentType());
        if (gzip && length >= gzipMinBytes) {
            ByteArrayOutputStream buf = new ByteArrayOutputStream(length / 3 + 64);
            try (GZIPOutputStream z = new GZIPOutputStream(buf)) {
                z.write(body, 0, length);
            }
            body = buf.toByteArray();
            length = body.length;
            exchange.setResponseHeader("Content-Encoding", "gzip");
            exchange.addResponseHeader("Vary", "Accept-Encoding");
        }
        try (OutputStream os = exchange.sendResponseHeaders(response.status(), length)) {
            os.write(body, 0, length);
        }
        return new Outcome(response.status(), length);
    }

    /** Counts bytes written to a stream for the access log. */
    private static final class CountingStream extends java.io.FilterOutputStream {
        private long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }

    /**
     * Tells whether an {@code Accept-Encoding} header admits gzip (a {@code q=0} weight refuses it).
     *
     * @param acceptEncoding the header, possibly null
     * @return true when gzip is acceptable
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String part : acceptEncoding.split(",")) {
            String[] tokens = part.trim().split(";");
            String coding = tokens[0].trim().toLowerCase(Locale.ROOT);
            if (coding.equals("gzip") || coding.equals("*")) {
                for (int i = 1; i < tokens.length; i++) {
                    String p = tokens[i].trim().toLowerCase(Locale.ROOT);
                    if (p.startsWith("q=")) {
                        try {
                            return Double.parseDouble(p.substring(2)) > 0;
                        } catch (NumberFormatException e) {
                            return false;
                        }
                    }
                }
                return true;
            }
        }
        return false;
    }

    static List<String> decodeSegments(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return List.of();
        }
        List<String> raw = PathPattern.split(rawPath);
        List<String> out = new ArrayList<>(raw.size());
        for (String s : raw) {
            out.add(decodePercent(s, "path segment"));
        }
        return out;
    }

    /**
     * Decodes percent-escapes (UTF-8) in a path or path segment; {@code +} stays a literal plus, as it
     * is in paths.
     *
     * @param raw  the encoded text
     * @param what what it is, for the error message
     * @return the decoded text ({@code raw} itself when it has no escapes)
     * @throws ApiException INVALID_PARAMS when an escape is malformed
     */
    static String decodePercent(String raw, String what) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            // URLDecoder decodes form encoding, where '+' means a space: protect literal pluses first.
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(what + " '" + raw + "' has malformed percent-encoding");
        }
    }

    /** Collects a surface's definition; not thread-safe, build once at startup. */
    public static final class Builder {
        private final String name;
        private final ErrorShape errorShape;
        private final Router.Builder routes = new Router.Builder();
        private final List<RequestFilter> filters = new ArrayList<>();
        private final Map<String, WebSocketRoute> webSockets = new LinkedHashMap<>();
        private final List<AutoCloseable> closeables = new ArrayList<>();
        private final List<StreamingRoute> streamingRoutes = new ArrayList<>();
        private JsonCodec codec = JsonCodec.standard();
        private CorsPolicy cors = CorsPolicy.disabled();
        private int maxBodyBytes = 1024 * 1024;
        private int gzipMinBytes = 1024;

        private Builder(String name, ErrorShape errorShape) {
            if (name == null || !name.matches("[a-z][a-z0-9-]{0,31}")) {
                throw new IllegalArgumentException("surface name must match [a-z][a-z0-9-]{0,31}, got '" + name + "'");
            }
            this.name = name;
            this.errorShape = Objects.requireNonNull(errorShape, "errorShape");
        }

        /**
         * Registers a route.
         *
         * @param method  the HTTP method
         * @param pattern the path pattern, e.g. {@code /api/agents/{id}}
         * @param handler the handler; closed at shutdown when it is {@link AutoCloseable}
         * @return this builder
         */
        public Builder route(String method, String pattern, RouteHandler handler) {
            routes.add(method, pattern, handler);
            if (handler instanceof StreamingRoute streaming && !streamingRoutes.contains(streaming)) {
                streamingRoutes.add(streaming);
            }
            if (handler instanceof AutoCloseable c && !closeables.contains(c)) {
                closeables.add(c);
            }
            return this;
        }

        /**
         * Registers a GET route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder get(String pattern, RouteHandler handler) {
            return route("GET", pattern, handler);
        }

        /**
         * Registers a POST route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder post(String pattern, RouteHandler handler) {
            return route("POST", pattern, handler);
        }

        /**
         * Registers a PUT route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder put(String pattern, RouteHandler handler) {
            return route("PUT", pattern, handler);
        }

        /**
         * Registers a PATCH route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder patch(String pattern, RouteHandler handler) {
            return route("PATCH", pattern, handler);
        }

        /**
         * Registers a DELETE route.
         *
         * @param pattern the path pattern
         * @param handler the handler
         * @return this builder
         */
        public Builder delete(String pattern, RouteHandler handler) {
            return route("DELETE", pattern, handler);
        }

        /**
         * Adds a filter run before every handler and WebSocket upgrade, in registration order.
         *
         * @param filter the filter
         * @return this builder
         */
        public Builder filter(RequestFilter filter) {
            filters.add(Objects.requireNonNull(filter, "filter"));
            return this;
        }

        /**
         * Mounts a WebSocket endpoint at an exact path with default settings.
         *
         * @param path     the path, e.g. {@code /api/v1/ws/stream}
         * @param endpoint the endpoint
         * @return this builder
         */
        public Builder webSocket(String path, WebSocketEndpoint endpoint) {
            return webSocket(path, endpoint, WebSocketSettings.defaults());
        }

        /**
         * Mounts a WebSocket endpoint at an exact path.
         *
         * @param path     the path
         * @param endpoint the endpoint
         * @param settings idle timeout, send queue bound, slow-client policy
         * @return this builder
         */
        public Builder webSocket(String path, WebSocketEndpoint endpoint, WebSocketSettings settings) {
            if (webSockets.containsKey(path)) {
                throw new IllegalArgumentException("a WebSocket endpoint is already mounted at '" + path + "'");
            }
            webSockets.put(path, new WebSocketRoute(path, endpoint, settings));
            return this;
        }

        /**
         * Replaces the JSON codec (default {@link JsonCodec#standard()}).
         *
         * @param codec the codec
         * @return this builder
         */
        public Builder codec(JsonCodec codec) {
            this.codec = Objects.requireNonNull(codec, "codec");
            return this;
        }

        /**
         * Sets the CORS policy (default {@link CorsPolicy#disabled()}).
         *
         * @param cors the policy
         * @return this builder
         */
        public Builder cors(CorsPolicy cors) {
            this.cors = Objects.requireNonNull(cors, "cors");
            return this;
        }

        /**
         * Sets the largest accepted request body (default 1 MiB).
         *
         * @param bytes the limit, in {@code [1, 1 GiB]}
         * @return this builder
         */
        public Builder maxBodyBytes(int bytes) {
            if (bytes < 1 || bytes > (1 << 30)) {
                throw new IllegalArgumentException("maxBodyBytes must be in [1, 2^30], got " + bytes);
            }
            this.maxBodyBytes = bytes;
            return this;
        }

        /**
         * Sets the smallest body compressed when the client accepts gzip (default 1024 bytes).
         *
         * @param bytes the threshold, at least 0
         * @return this builder
         */
        public Builder gzipMinBytes(int bytes) {
            if (bytes < 0) {
                throw new IllegalArgumentException("gzipMinBytes must be >= 0, got " + bytes);
            }
            this.gzipMinBytes = bytes;
            return this;
        }

        /**
         * Registers something to close when the surface shuts down (e.g. a stream registry).
         *
         * @param closeable the resource
         * @return this builder
         */
        public Builder closeOnShutdown(AutoCloseable closeable) {
            closeables.add(Objects.requireNonNull(closeable, "closeable"));
            return this;
        }

        /**
         * Builds the surface.
         *
         * @return the surface
         */
        public HttpSurface build() {
            return new HttpSurface(this, routes.build());
        }
    }
}

package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.RetryAfter;
import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.ErrorMapper;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.RequestFilter;
import io.hfthot.adapters.http.RequestIds;
import io.hfthot.adapters.http.WebSocketConnection;
import io.hfthot.adapters.http.WebSocketRoute;
import io.hfthot.adapters.http.jdk.SurfaceHttpHandler;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.http.spi.JettyHttpServer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.VirtualThreads;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One listener serving one {@link HttpSurface}: its REST routes and SSE streams through Jetty's
 * implementation of the {@code com.sun.net.httpserver} API, and its WebSocket endpoints through Jetty
 * WebSocket on the same connector and port, optionally over TLS.
 *
 * <p>Wiring (found by experiment, see DEPENDENCIES.md): one Jetty {@link Server} with one
 * {@link ServerConnector}; a {@link WebSocketUpgradeHandler} whose child is a
 * {@link ContextHandlerCollection}, wrapped in a {@link GracefulHandler}; after start, a
 * {@link JettyHttpServer} sharing that server is bound to the connector's port and given the surface
 * as the handler of context {@code /}. Requests that are not upgrades for a mounted path fall through
 * the upgrade handler to the surface.
 *
 * <p>In front of that, the transport's own guards ({@link RequestLimits}): the {@code AddressConnectionCap}
 * gate (429 for a connection past its address's cap), then {@code BufferedBodyHandler} (bodies read without
 * a thread, under the request deadline, the minimum rate and the memory budget), with
 * {@code HeaderDeadline} sweeping the connector for slow headers and {@code SurfaceErrorHandler} writing
 * Jetty's own error answers in the surface's JSON shape. TLS is limited to 1.2+ with AEAD suites.
 */
public final class TransportServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransportServer.class);
    /** The TLS versions a listener accepts. */
    private static final List<String> TLS_PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    /**
     * The cipher suites a listener accepts, as Jetty's regular expressions: the TLS 1.3 suites (all AEAD)
     * and the TLS 1.2 ECDHE suites with AES-GCM or ChaCha20-Poly1305.
     */
    private static final List<String> AEAD_SUITES = List.of(
            "^TLS_AES_(128|256)_GCM_SHA(256|384)$",
            "^TLS_CHACHA20_POLY1305_SHA256$",
            "^TLS_ECDHE_(ECDSA|RSA)_WITH_AES_(128|256)_GCM_SHA(256|384)$",
            "^TLS_ECDHE_(ECDSA|RSA)_WITH_CHACHA20_POLY1305_SHA256$");

    private final HttpSurface surface;
    private final TransportConfig config;
    private final Server server;
    private final JettyHttpServer httpServer;
    private final ServerConnector connector;
    private final HeaderDeadline headerDeadline;
    private volatile boolean closed;

    private TransportServer(HttpSurface surface, TransportConfig config, Server server, JettyHttpServer httpServer,
                            ServerConnector connector, HeaderDeadline headerDeadline) {
        this.surface = surface;
        this.config = config;
        this.server = server;
        this.httpServer = httpServer;
        this.connector = connector;
        this.headerDeadline = headerDeadline;
    }

    /**
     * Starts a listener.
     *
     * @param config  where and how to listen
     * @param surface what to serve
     * @return the running server; close it to stop
     * @throws IOException when the port cannot be bound or the keystore cannot be read
     */
    public static TransportServer start(TransportConfig config, HttpSurface surface) throws IOException {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(surface, "surface");
        QueuedThreadPool pool = new QueuedThreadPool(config.maxThreads(), Math.min(8, config.maxThreads()));
        pool.setName("hfthot-" + surface.name());
        if (config.virtualThreads() && VirtualThreads.areSupported()) {
            pool.setVirtualThreadsExecutor(VirtualThreads.getNamedVirtualThreadsExecutor("hfthot-" + surface.name() + "-vt"));
        }
        Server server = new Server(pool);
        server.setStopTimeout(config.shutdownGrace().toMillis());
        HttpConfiguration httpConfig = new HttpConfiguration();
        httpConfig.setSendServerVersion(false);
        httpConfig.setSendDateHeader(true);
        ServerConnector connector;
        if (config.tls().isPresent()) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // Clients reach a loopback or LAN server by IP; the certificate's name check is theirs to do.
            secure.setSniHostCheck(false);
            httpConfig.addCustomizer(secure);
            connector = new ServerConnector(server, new SslConnectionFactory(sslContext(config.tls().get()), "http/1.1"),
                    new HttpConnectionFactory(httpConfig));
        } else {
            connector = new ServerConnector(server, new HttpConnectionFactory(httpConfig));
        }
        connector.setHost(config.bindHost());
        connector.setPort(config.port());
        connector.setIdleTimeout(config.idleTimeout().toMillis());
        AddressConnectionCap cap = new AddressConnectionCap(config.limits().maxConnectionsPerAddress());
        connector.addBean(cap);
        server.addConnector(connector);
        server.setErrorHandler(new SurfaceErrorHandler(surface, httpConfig.getRequestHeaderSize()));

        ContextHandlerCollection contexts = new ContextHandlerCollection();
        WebSocketUpgradeHandler upgrades = WebSocketUpgradeHandler.from(server, container -> mount(container, surface));
        upgrades.setHandler(JettyIncomingRequest.publishing(contexts));
        BufferedBodyHandler bodies = new BufferedBodyHandler(surface, config.limits(), server.getScheduler(), upgrades);
        server.setHandler(new GracefulHandler(cap.gate(surface, bodies)));
        try {
            server.start();
        } catch (IOException e) {
            stopQuietly(server);
            throw e;
        } catch (Exception e) {
            stopQuietly(server);
            throw new IOException("starting the " + surface.name() + " listener on " + config.bindHost() + ":"
                    + config.port() + " failed: " + e.getMessage(), e);
        }
        HeaderDeadline headers = HeaderDeadline.start(connector, server.getScheduler(), config.limits(), surface);
        JettyHttpServer http = new JettyHttpServer(server, true);
        http.bind(new InetSocketAddress(config.bindHost(), connector.getLocalPort()), 0);
        http.createContext("/", new SurfaceHttpHandler(surface));
        TransportServer ts = new TransportServer(surface, config, server, http, connector, headers);
        LOG.info("{} listening on {}", surface.name(), ts.baseUri());
        return ts;
    }

    private static void mount(ServerWebSocketContainer container, HttpSurface surface) {
        for (WebSocketRoute route : surface.webSockets().values()) {
            container.addMapping(route.path(), (req, resp, cb) -> {
                String requestId = RequestIds.fromHeaderOrNew(req.getHeaders().get("X-Request-Id"));
                resp.getHeaders().put("X-Request-Id", requestId);
                UpgradeRequestContext ctx = new UpgradeRequestContext(req, resp, requestId, route.path());
                try {
                    if (surface.isShuttingDown()) {
                        throw new ApiException(ErrorKind.SERVICE_UNAVAILABLE, "the server is shutting down");
                    }
                    for (RequestFilter f : surface.filters()) {
                        f.filter(ctx);
                    }
                    route.endpoint().authorize(ctx);
                } catch (Throwable t) {
                    ErrorMapper.MappedError e = ErrorMapper.map(t, requestId);
                    byte[] body = surface.errorBody(e.kind(), e.message());
                    int status = surface.errorShape().status(e.kind());
                    if (status == 429) {
                        resp.getHeaders().put(RetryAfter.HEADER, RetryAfter.seconds(resp.getHeaders().get("X-RateLimit-Reset"),
                                java.time.Instant.now().getEpochSecond()));
                    }
                    LOG.info("{} {} upgrade refused on {}: {} {}", surface.name(), requestId, route.path(), status,
                            e.message());
                    SurfaceErrorHandler.write(resp, cb, status, body, false);
                    return null;
                }
                return new JettyWebSocketConnection(route, ctx, surface.codec());
            });
        }
    }

    private static SslContextFactory.Server sslContext(TlsConfig tls) throws IOException {
        KeyStore ks;
        try (var in = Files.newInputStream(tls.keystore())) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(in, tls.password().toCharArray());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read PKCS#12 keystore '" + tls.keystore() + "': " + e.getMessage(), e);
        }
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        // TLS 1.2+ with AEAD suites only (AES-GCM, ChaCha20-Poly1305): Jetty's default exclusions still let
        // ECDHE CBC suites through, whose MAC-then-encrypt construction is what padding-oracle attacks exploit.
        ssl.setIncludeProtocols(TLS_PROTOCOLS.toArray(String[]::new));
        ssl.setIncludeCipherSuites(AEAD_SUITES.toArray(String[]::new));
        ssl.setKeyStore(ks);
        ssl.setKeyStorePassword(tls.password());
        ssl.setKeyManagerPassword(tls.password());
        return ssl;
    }

    /**
     * Returns the bound address (with the real port when configured with port 0).
     *
     * @return the address
     */
    public InetSocketAddress address() {
        return new InetSocketAddress(config.bindHost(), connector.getLocalPort());
    }

    /**
     * Returns the bound port.
     *
     * @return the port
     */
    public int port() {
        return connector.getLocalPort();
    }

    /**
     * Returns {@code http://host:port} or {@code https://host:port}.
     *
     * @return the base URI
     */
    public String baseUri() {
        String host = config.bindHost().contains(":") ? "[" + config.bindHost() + "]" : config.bindHost();
        return (config.tls().isPresent() ? "https" : "http") + "://" + host + ":" + port();
    }

    /**
     * Returns the JDK-API view of this server, e.g. to mount an extra raw {@code HttpHandler} context.
     *
     * @return the server
     */
    public HttpServer httpServer() {
        return httpServer;
    }

    /** @return the surface served */
    public HttpSurface surface() {
        return surface;
    }

    /**
     * Stops gracefully: new requests get 503, WebSocket connections close with 1001 (going away),
     * streams end, in-flight requests get up to the shutdown grace, then the port is released.
     * Idempotent.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        surface.shutdown();
        for (WebSocketRoute route : surface.webSockets().values()) {
            for (WebSocketConnection c : route.connections()) {
                c.close(StatusCode.SHUTDOWN, "server shutting down");
            }
        }
        headerDeadline.stop();
        stopQuietly(server);
        LOG.info("{} stopped", surface.name());
    }

    private static void stopQuietly(Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping the server failed", e);
        }
    }
}

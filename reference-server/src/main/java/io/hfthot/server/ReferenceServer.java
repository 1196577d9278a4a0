package io.hfthot.server;

import io.hfthot.adapters.grpc.GrpcServerConfig;
import io.hfthot.adapters.grpc.LabGrpcServer;
import io.hfthot.adapters.grpc.service.LabGrpcServices;
import io.hfthot.adapters.grpc.tls.GrpcTls;
import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.lab.LabHttpOptions;
import io.hfthot.adapters.http.lab.LabHttpSurface;
import io.hfthot.adapters.http.marketmaker.DashboardKey;
import io.hfthot.adapters.http.hub.HubHttpSurface;
import io.hfthot.adapters.http.marketmaker.MarketMakerHttpSurface;
import io.hfthot.adapters.sse.hti.HtiHttpSurface;
import io.hfthot.engine.hti.DemoCodes;
import io.hfthot.engine.hti.HtiConfig;
import io.hfthot.engine.hti.HtiService;
import io.hfthot.engine.Engine;
import io.hfthot.engine.EngineBuilder;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.market.lakehouse.MarketCompaction;
import io.hfthot.engine.market.HistoryPlan;
import io.hfthot.engine.marketmaker.MarketMakerConfig;
import io.hfthot.engine.marketmaker.MarketMakerService;
import io.hfthot.server.wiring.HubWiring;
import io.hfthot.server.wiring.Replicas;
import io.hfthot.lakehouse.Lakehouse;
import io.hfthot.lakehouse.LakehouseOptions;
import io.hfthot.lakehouse.storage.LocalLogStore;
import io.hfthot.server.logging.LogbackAccessLog;
import io.hfthot.server.ops.Operations;
import io.hfthot.server.ops.ServerMetrics;
import io.hfthot.server.web.ApiDocs;
import io.hfthot.server.web.Dashboard;
import io.hfthot.server.web.MarketMakerDashboard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference server: one process serving seed 000 (REST + WebSocket, and gRPC), the HTI trade-ideas API (seeds
 * 001/002), the market-maker bot (seed 003) and the agents hub (seed 004), over one {@link LabService} and its
 * {@link Engine}, plus the management listener ({@link Operations}). {@link #start} binds everything or nothing;
 * {@link #close} stops gracefully and releases the ports.
 *
 * <p>Only surfaces that serve something are bound. The market maker (seed 003), the HTI trade-ideas API (seeds
 * 001/002) and the agents hub (seed 004) each run as a service attached to the lab's engine ({@link MarketMakerService},
 * {@link HtiService}, {@link HubService}), so they stop with it, before its own components.
 */
public final class ReferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);
    /** Request threads of the HTI listener: each open SSE stream holds one, and issue 15 asks for 1,000 streams. */
    private static final int HTI_THREADS = 1_100;

    /** The HTTP surfaces the server binds. */
    public enum Surface {
        /** HFThot Research Lab REST + WebSocket (seed 000). */
        HFTHOT("HFThot REST + WebSocket"),
        /** The market-maker bot (seed 003): its {@code TradeData} stream, health and control routes. */
        MARKET_MAKER("market maker"),
        /** HTI trade ideas (seeds 001/002): auth, history and the SSE stream. */
        HTI("HTI trade ideas"),
        /** The agents hub (seed 004): users, tokens, keys, agents, candles, secrets, {@code WS /ws}. */
        HUB("agents hub");

        private final String label;

        Surface(String label) {
            this.label = label;
        }

        /** @return a human label */
        public String label() {
            return label;
        }
    }

    private final ServerConfig config;
    private final Path dataDir;
    private final LabService lab;
    private final Map<Surface, TransportServer> listeners;
    private final LabGrpcServer grpc;
    private final DataDirectoryLock lock;
    private final MarketCompaction compaction;
    /** The --redis wiring, or null for a single server. */
    private final Replicas replicas;
    private final Operations ops;
    private final HtiService hti;
    private final HubService hub;

    private ReferenceServer(ServerConfig config, Path dataDir, LabService lab, Map<Surface, TransportServer> listeners,
                            LabGrpcServer grpc, DataDirectoryLock lock, MarketCompaction compaction, Operations ops,
                            Replicas replicas, HtiService hti, HubService hub) {
        this.hti = hti;
        this.hub = hub;
        this.ops = ops;
        this.replicas = replicas;
        this.lock = lock;
        this.config = config;
        this.dataDir = dataDir;
        this.lab = lab;
        this.listeners = listeners;
        this.grpc = grpc;
        this.compaction = compaction;
    }

    /**
     * Creates the data directory if needed, takes its lock ({@link DataDirectoryLock}: one server process per
     * data directory), starts the lab engine (which fills the lakehouse with simulated history at first start)
     * and every listener.
     *
     * @param config the configuration
     * @return the running server
     * @throws IOException when another process holds the data directory (the message names it), a port cannot
     *                     be bound or the data directory cannot be created; anything already started is stopped
     *                     again
     */
    public static ReferenceServer start(ServerConfig config) throws IOException {
        Objects.requireNonNull(config, "config");
        Path dataDir = Files.createDirectories(config.dataDir()).toAbsolutePath().normalize();
        Clock clock = Clock.systemUTC();
        // With --redis several replicas share the directory (shared lock); otherwise one server owns it.
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir, clock.instant(), config.redis().isPresent());
        ServerMetrics metrics = new ServerMetrics();
        Replicas replicas = null;
        LabService lab;
        try {
            if (config.redis().isPresent()) {
                replicas = Replicas.connect(config.redis().get());
            }
            lab = startLab(config, dataDir, clock, metrics, replicas);
        } catch (IOException | RuntimeException e) {
            metrics.close();
            if (replicas != null) {
                replicas.close();
            }
            lock.close();
            throw e;
        }
        Map<Surface, TransportServer> listeners = new EnumMap<>(Surface.class);
        LabGrpcServer grpc = null;
        Operations ops = null;
        HtiService hti;
        HubService hub;
        // The hub's address, for agent processes: known once its listener is bound.
        AtomicReference<String> hubUri = new AtomicReference<>(HubWiring.localUri(config.bindHost(), config.hub().port()));
        try {
            listeners.put(Surface.HFTHOT, listen(config, config.httpPort(), metrics, hfthotSurface(config, lab, clock)));
            // Attached to the engine: closed with it, before the engine's own components.
            MarketMakerService mm = MarketMakerService.start(lab.engine(), MarketMakerConfig.defaults(config.seed()));
            listeners.put(Surface.MARKET_MAKER, listen(config, config.marketMakerPort(), metrics,
                    MarketMakerHttpSurface.surface(mm, DashboardKey.of(config.dashboardApiKey()), cors(config),
                            MarketMakerDashboard::mount)));
            // Attached to the engine as well.
            hti = HtiService.start(lab.engine(), HtiConfig.defaults().withDemoCodes(config.demoKeys()));
            listeners.put(Surface.HTI, listen(config, config.htiPort(), metrics, HtiHttpSurface.surface(hti), HTI_THREADS));
            // Attached to the engine as well.
            hub = HubWiring.start(config, lab.engine(), hubUri, Main.class);
            listeners.put(Surface.HUB, listen(config, config.hub().port(), metrics, HubHttpSurface.surface(hub, cors(config))));
            hubUri.set(HubWiring.localUri(config.bindHost(), listeners.get(Surface.HUB).port()));
            grpc = startGrpc(config, lab, clock, metrics);
            ops = Operations.start(config.operations(), metrics, lab, clock, grpc::setServing,
                    replicas == null ? null : replicas::redisUnreachable);
        } catch (IOException | RuntimeException e) {
            if (ops != null) {
                ops.close();
            } else {
                metrics.close();
            }
            listeners.values().forEach(TransportServer::close);
            if (grpc != null) {
                grpc.close();
            }
            lab.close();
            if (replicas != null) {
                replicas.close();
            }
            lock.close();
            throw e;
        }
        return new ReferenceServer(config, dataDir, lab, listeners, grpc, lock, MarketCompaction.start(lab.engine().lakehouse(),
                lab.engine().storage(), MarketCompaction.DEFAULT_EVERY, MarketCompaction.DEFAULT_TARGET_BYTES),
                ops, replicas, hti, hub);
    }

    /**
     * Builds the engine on a lakehouse whose commits are counted (with the Redis stores, bus and market-writer lease
     * when replicas are configured) and the lab service over it, which closes the engine.
     */
    private static LabService startLab(ServerConfig config, Path dataDir, Clock clock, ServerMetrics metrics,
                                       Replicas replicas) {
        Path lakeDir = dataDir.resolve("lakehouse");
        Lakehouse lakehouse = Lakehouse.open(lakeDir, LakehouseOptions.defaults().withClock(clock)
                .withStore(metrics.metered(new LocalLogStore(), lakeDir)));
        LabConfig labConfig = labConfig(config, dataDir);
        EngineBuilder builder = Engine.builder(labConfig).clock(clock).keyLimits(config.labLimits().keys())
                .lakehouse(lakehouse);
        if (replicas != null) {
            replicas.carryOver(lakehouse, dataDir);
            replicas.apply(builder, clock, labConfig.busThreads());
        }
        return LabService.over(builder, config.labLimits(), config.sql().queryEngines(dataDir));
    }

    /**
     * Seed 000's surface as {@link LabHttpSurface#surface} builds it (routes, filter, stream, {@code /v1/health}),
     * plus what people look at: the API documentation ({@link ApiDocs}) and the dashboard ({@link Dashboard}).
     */
    private static HttpSurface hfthotSurface(ServerConfig config, LabService lab, Clock clock) {
        HttpSurface.Builder builder = HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE)
                .cors(cors(config))
                .get("/v1/health", r -> Response.ok(LabHttpSurface.health(lab)));
        LabHttpSurface.mount(builder, lab, lab.access(), clock, LabHttpOptions.defaults());
        ApiDocs.mount(builder);
        Dashboard.mount(builder);
        return builder.build();
    }

    private static LabConfig labConfig(ServerConfig config, Path dataDir) {
        HistoryPlan history = config.history() == ServerConfig.History.FULL ? HistoryPlan.defaults() : HistoryPlan.small();
        LabConfig defaults = LabConfig.defaults(dataDir, config.seed());
        return new LabConfig(dataDir, config.seed(), history, defaults.ticksPerSecond(), true,
                defaults.tickPollInterval(), config.appendInterval(), defaults.regimeRefitInterval(),
                defaults.regimeFitBars(), config.demoKeys(), defaults.busThreads(), config.storage());
    }

    private static LabGrpcServer startGrpc(ServerConfig config, LabService lab, Clock clock, ServerMetrics metrics)
            throws IOException {
        GrpcServerConfig grpcConfig = GrpcServerConfig.defaults().withAddress(config.bindHost(), config.grpcPort());
        if (config.tls().isPresent()) {
            grpcConfig = grpcConfig.withTls(new GrpcTls.Pkcs12(config.tls().get().keystore(),
                    config.tls().get().password().toCharArray()));
        }
        try {
            return LabGrpcServer.start(grpcConfig, new LabGrpcServices(lab, clock, grpcConfig.streamBufferSize()),
                    config.operations().requestMetrics() ? List.of(metrics.grpc()) : List.of());
        } catch (RuntimeException e) {
            throw new IOException("cannot listen for gRPC on " + config.bindHost() + ":" + config.grpcPort() + " ("
                    + e.getMessage() + "); choose another port with --grpc-port", e);
        }
    }

    private static TransportServer listen(ServerConfig config, int port, ServerMetrics metrics, HttpSurface surface)
            throws IOException {
        return listen(config, port, metrics, surface, 200);
    }

    private static TransportServer listen(ServerConfig config, int port, ServerMetrics metrics, HttpSurface surface,
                                          int threads) throws IOException {
        if (config.operations().requestMetrics()) {
            metrics.observe(surface);
        }
        surface.accessLog(LogbackAccessLog.forBackend());
        TransportConfig tc = new TransportConfig(config.bindHost(), port, config.tls(), threads, config.virtualThreads(),
                Duration.ofSeconds(30), config.shutdownGrace(), config.requestLimits());
        try {
            return TransportServer.start(tc, surface);
        } catch (IOException e) {
            throw new IOException("cannot listen for the " + surface.name() + " surface on " + config.bindHost() + ":"
                    + port + " (" + e.getMessage() + "); choose another port with the matching --*-port flag", e);
        }
    }

    private static CorsPolicy cors(ServerConfig config) {
        return config.corsOrigins().isEmpty() ? CorsPolicy.disabled() : CorsPolicy.allowing(config.corsOrigins());
    }

    /**
     * Returns the port a surface listens on (the real one when configured with 0).
     *
     * @param surface the surface
     * @return the port
     */
    public int port(Surface surface) {
        return listeners.get(surface).port();
    }

    /**
     * Returns a surface's base URI, e.g. {@code http://127.0.0.1:8080}.
     *
     * @param surface the surface
     * @return the URI
     */
    public String baseUri(Surface surface) {
        return listeners.get(surface).baseUri();
    }

    /** @return the port of seed 000's gRPC server (the real one when configured with 0) */
    public int grpcPort() {
        return grpc.port();
    }

    /** @return the port of the management listener (metrics and health; the real one when configured with 0) */
    public int managementPort() {
        return ops.management().port();
    }

    /** @return the shared event bus (the lab engine's) */
    public EventBus eventBus() {
        return lab.bus();
    }

    /** @return the lab engine behind the HFThot REST, WebSocket and gRPC surfaces */
    public LabService lab() {
        return lab;
    }

    /**
     * Tells whether this server writes market data: always for a single server; for a replica, while it holds the
     * market writer lease.
     *
     * @return true while it writes {@code market.*}
     */
    public boolean isMarketWriter() {
        return replicas == null || replicas.isMarketWriter();
    }

    /** @return the agents hub (seed 004) */
    public HubService hub() {
        return hub;
    }

    /** @return the absolute data directory */
    public Path dataDir() {
        return dataDir;
    }

    /** @return the configuration */
    public ServerConfig config() {
        return config;
    }

    /**
     * Describes where each surface listens, as printed at start.
     *
     * @return the lines
     */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("data directory  " + dataDir);
        if (replicas != null) {
            lines.add("replica         " + replicas.replicaId() + " on Redis " + config.redis().orElseThrow()
                    .replaceAll("//[^@/]*@", "//***@") + (replicas.isMarketWriter() ? " (market writer)" : ""));
        }
        for (Surface s : Surface.values()) {
            String extra = switch (s) {
                case HFTHOT -> "  GET /v1/health, API docs " + ApiDocs.PATH + "/, dashboard " + Dashboard.PATH + "/";
                case MARKET_MAKER -> "  GET /health, WS " + MarketMakerHttpSurface.STREAM_PATH + ", PATCH "
                        + MarketMakerHttpSurface.PARAMETERS_PATH + ", POST " + MarketMakerHttpSurface.STOP_PATH
                        + ", dashboard " + MarketMakerDashboard.PATH + "/";
                case HTI -> "  GET " + HtiHttpSurface.PREFIX + "/auth, /history, SSE /stream";
                case HUB -> "  POST /auth/login, /api/*, WS " + HubHttpSurface.STREAM_PATH;
            };
            lines.add(String.format("%-24s %s%s", s.label(), baseUri(s), extra));
        }
        lines.add(String.format("%-24s %s%s", "HFThot gRPC", (grpc.isTls() ? "https://" : "http://")
                + config.bindHost() + ":" + grpc.port(), "  hfthot.v1 Market/Signal/PortfolioService"));
        lines.add(config.dashboardApiKey().isPresent()
                ? "  market-maker controls: send X-API-KEY = the configured DASHBOARD_API_KEY"
                : "  market-maker controls answer 500 until a key is set: DASHBOARD_API_KEY=$(openssl rand -base64 32) "
                        + "in the environment, or --dashboard-api-key");
        lines.add(String.format("%-24s %s%s", "management", ops.management().baseUri(),
                "  GET /metrics, /health/live, /health/ready"));
        lines.addAll(LabHttpSurface.banner(baseUri(Surface.HFTHOT), lab.demoKeys()));
        hub.demoUser().ifPresent(u -> lines.add("hub demo user: " + u.get(0) + " / " + u.get(1) + "  (kept in "
                + dataDir.resolve("hub-demo-user.txt") + "; set HUB_ADMIN_EMAIL and HUB_ADMIN_PASSWORD instead)"));
        if (!lab.demoKeys().isEmpty()) {
            lines.add("  (demo keys are kept in " + dataDir.resolve("demo-keys.txt") + ")");
        }
        lines.addAll(htiBanner());
        return lines;
    }

    private List<String> htiBanner() {
        List<String> lines = new ArrayList<>();
        for (DemoCodes.DemoCode c : hti.demoCodes()) {
            lines.add(String.format("  HTI demo code %-22s X-API-Code: %s", c.account(), c.code()));
        }
        if (!hti.demoCodes().isEmpty()) {
            lines.add("  (HTI demo codes are kept in " + dataDir.resolve(DemoCodes.FILE_NAME) + "; admin token for"
                    + " POST /admin/hti/codes in " + hti.adminToken().file() + ")");
        }
        return lines;
    }

    /** @return the HTI trade-ideas service behind the HTI surface */
    public HtiService htiService() {
        return hti;
    }

    /** Stops every listener (gracefully), the gRPC server and the lab engine with its event bus; idempotent. */
    @Override
    public void close() {
        ops.close();
        for (TransportServer t : listeners.values()) {
            try {
                t.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping {} failed", t.surface().name(), e);
            }
        }
        try {
            grpc.close();
        } catch (RuntimeException e) {
            LOG.warn("stopping gRPC failed", e);
        }
        compaction.close();
        lab.close();
        if (replicas != null) {
            replicas.close();
        }
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("releasing {} failed", lock.file(), e);
        }
    }
}

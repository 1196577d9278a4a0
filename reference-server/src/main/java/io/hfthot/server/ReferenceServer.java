package io.hfthot.server;

import io.hfthot.adapters.grpc.GrpcServerConfig;
import io.hfthot.adapters.grpc.LabGrpcServer;
import io.hfthot.adapters.grpc.tls.GrpcTls;
import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.TransportConfig;
import io.hfthot.adapters.http.TransportServer;
import io.hfthot.adapters.http.lab.LabHttpOptions;
import io.hfthot.adapters.http.lab.LabHttpSurface;
import io.hfthot.adapters.http.hub.HubHttpSurface;
import io.hfthot.adapters.http.hub.OpenAiPlanner;
import io.hfthot.adapters.http.hub.runner.ProcessAgentRuntime;
import io.hfthot.adapters.http.marketmaker.MarketMakerHttpSurface;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.Engine;
import io.hfthot.engine.hub.HubOptions;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.candles.MarketHistoryCandles;
import io.hfthot.engine.hub.plan.RuleBasedPlanner;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.market.lakehouse.MarketCompaction;
import io.hfthot.engine.market.HistoryPlan;
import io.hfthot.server.wiring.DuckDbLabSql;
import java.io.IOException;
import java.net.URI;
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
 * The reference server: one process serving seed 000 (REST + WebSocket, and gRPC) and seed 003's market-maker
 * stream and health, over one {@link LabService} (market data, signals, portfolio, lakehouse, identity and
 * quotas) and its event bus. {@link #start} binds everything or nothing; {@link #close} stops gracefully and
 * releases the ports.
 *
 * <p>Only surfaces that serve something are bound: the HTI (seeds 001/002) API has no routes yet, so the server
 * opens no port for it rather than one that answers 404 to everything. The hub (seed 004) runs on the lab's
 * engine ({@link HubService}, attached to it, so it stops with it).
 */
public final class ReferenceServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ReferenceServer.class);

    /** The HTTP surfaces the server binds. */
    public enum Surface {
        /** HFThot Research Lab REST + WebSocket (seed 000). */
        HFTHOT("HFThot REST + WebSocket"),
        /** Market-maker bot backend (seed 003): its {@code TradeData} stream and health route. */
        MARKET_MAKER("market maker"),
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
    private final HubService hub;

    private ReferenceServer(ServerConfig config, Path dataDir, LabService lab, Map<Surface, TransportServer> listeners,
                            LabGrpcServer grpc, DataDirectoryLock lock, MarketCompaction compaction, HubService hub) {
        this.hub = hub;
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
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDir, clock.instant());
        LabService lab;
        try {
            lab = LabService.start(labConfig(config, dataDir), config.labLimits(), clock, DuckDbLabSql.factory(config.sql(), dataDir));
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        Map<Surface, TransportServer> listeners = new EnumMap<>(Surface.class);
        LabGrpcServer grpc = null;
        HubService hub = null;
        // The hub's address, for agent processes: known once its listener is bound.
        AtomicReference<String> hubUri = new AtomicReference<>(localUri(config.bindHost(), config.hub().port()));
        try {
            hub = startHub(config, lab.engine(), hubUri);
            listeners.put(Surface.HFTHOT, listen(config, config.httpPort(), LabHttpSurface.surface(lab, clock, LabHttpOptions.defaults(), cors(config))));
            listeners.put(Surface.MARKET_MAKER, listen(config, config.marketMakerPort(), MarketMakerHttpSurface.surface(lab.bus(), cors(config))));
            listeners.put(Surface.HUB, listen(config, config.hub().port(), HubHttpSurface.surface(hub, cors(config))));
            hubUri.set(localUri(config.bindHost(), listeners.get(Surface.HUB).port()));
            grpc = startGrpc(config, lab, clock);
        } catch (IOException | RuntimeException e) {
            listeners.values().forEach(TransportServer::close);
            lab.close();
            lock.close();
            throw e;
        }
        return new ReferenceServer(config, dataDir, lab, listeners, grpc, lock, MarketCompaction.start(lab.engine().lakehouse(),
                MarketCompaction.DEFAULT_EVERY, MarketCompaction.DEFAULT_TARGET_BYTES), hub);
    }

    private static String localUri(String bindHost, int port) {
        String host = bindHost.equals("0.0.0.0") || bindHost.equals("::") ? "127.0.0.1" : bindHost;
        return (host.contains(":") ? "http://[" + host + "]:" : "http://" + host + ":") + port;
    }

    /**
     * Starts the hub on the lab's engine, its agents in-process or, with {@code --hub-agents process}, one child
     * process each ({@code java -cp <this class path> io.hfthot.server.Main agent ...}).
     */
    private static HubService startHub(ServerConfig config, Engine engine, AtomicReference<String> hubUri) {
        HubOptions options = hubOptions(config);
        if (!config.hub().processAgents()) {
            return HubService.start(engine, options);
        }
        String secret = HubService.internalSecret(options);
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessAgentRuntime runtime = new ProcessAgentRuntime(List.of(java, "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "agent"), hubUri::get, secret);
        return HubService.start(engine, options, runtime, new MarketHistoryCandles(engine.marketHistory(),
                engine.clock()), secret);
    }

    private static HubOptions hubOptions(ServerConfig config) {
        HubOptions options = HubOptions.defaults().withPlanner(new OpenAiPlanner(URI.create(config.hub().plannerUrl()),
                config.hub().plannerModel(), new RuleBasedPlanner(), Duration.ofSeconds(30)));
        return config.hub().adminEmail() == null ? options
                : options.withAdmin(config.hub().adminEmail(), config.hub().adminPassword());
    }

    private static LabConfig labConfig(ServerConfig config, Path dataDir) {
        HistoryPlan history = config.history() == ServerConfig.History.FULL ? HistoryPlan.defaults() : HistoryPlan.small();
        LabConfig defaults = LabConfig.defaults(dataDir, config.seed());
        return new LabConfig(dataDir, config.seed(), history, defaults.ticksPerSecond(), true,
                defaults.tickPollInterval(), defaults.appendInterval(), defaults.regimeRefitInterval(),
                defaults.regimeFitBars(), config.demoKeys(), defaults.busThreads(), config.storage());
    }

    private static LabGrpcServer startGrpc(ServerConfig config, LabService lab, Clock clock) throws IOException {
        GrpcServerConfig grpcConfig = GrpcServerConfig.defaults().withAddress(config.bindHost(), config.grpcPort());
        if (config.tls().isPresent()) {
            grpcConfig = grpcConfig.withTls(new GrpcTls.Pkcs12(config.tls().get().keystore(),
                    config.tls().get().password().toCharArray()));
        }
        try {
            return LabGrpcServer.start(grpcConfig, lab, clock);
        } catch (RuntimeException e) {
            throw new IOException("cannot listen for gRPC on " + config.bindHost() + ":" + config.grpcPort() + " ("
                    + e.getMessage() + "); choose another port with --grpc-port", e);
        }
    }

    private static TransportServer listen(ServerConfig config, int port, HttpSurface surface) throws IOException {
        TransportConfig tc = new TransportConfig(config.bindHost(), port, config.tls(), 200, config.virtualThreads(),
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

    /** @return the shared event bus (the lab engine's) */
    public EventBus eventBus() {
        return lab.bus();
    }

    /** @return the lab engine behind the HFThot REST, WebSocket and gRPC surfaces */
    public LabService lab() {
        return lab;
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
        for (Surface s : Surface.values()) {
            String extra = switch (s) {
                case HFTHOT -> "  GET /v1/health";
                case MARKET_MAKER -> "  GET /health, WS " + MarketMakerHttpSurface.STREAM_PATH;
                case HUB -> "  POST /auth/login, /api/*, WS " + HubHttpSurface.STREAM_PATH;
            };
            lines.add(String.format("%-24s %s%s", s.label(), baseUri(s), extra));
        }
        lines.add(String.format("%-24s %s%s", "HFThot gRPC", (grpc.isTls() ? "https://" : "http://")
                + config.bindHost() + ":" + grpc.port(), "  hfthot.v1 Market/Signal/PortfolioService"));
        lines.addAll(LabHttpSurface.banner(baseUri(Surface.HFTHOT), lab.demoKeys()));
        hub.demoUser().ifPresent(u -> lines.add("hub demo user: " + u.get(0) + " / " + u.get(1) + "  (kept in "
                + dataDir.resolve("hub-demo-user.txt") + "; set HUB_ADMIN_EMAIL and HUB_ADMIN_PASSWORD instead)"));
        if (!lab.demoKeys().isEmpty()) {
            lines.add("  (demo keys are kept in " + dataDir.resolve("demo-keys.txt") + ")");
        }
        return lines;
    }

    /** Stops every listener (gracefully), the gRPC server and the lab engine with its event bus; idempotent. */
    @Override
    public void close() {
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
        try {
            lock.close();
        } catch (IOException e) {
            LOG.warn("releasing {} failed", lock.file(), e);
        }
    }
}

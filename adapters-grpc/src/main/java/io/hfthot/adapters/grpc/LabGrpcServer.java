package io.hfthot.adapters.grpc;

import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.hfthot.adapters.grpc.service.LabGrpcServices;
import io.hfthot.engine.lab.LabService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HFThot gRPC server: seed 000's MarketService, SignalService and PortfolioService on a Netty
 * transport, plaintext or TLS, with gRPC's standard health service ({@code grpc.health.v1.Health}, no API key
 * needed, driven by {@link #setServing}) and server reflection ({@code grpc.reflection.v1}), so that tools such as
 * grpcurl and load balancers work without the proto file.
 *
 * <p>Typical use: {@code try (var server = LabGrpcServer.start(GrpcServerConfig.defaults(), services)) {...}}.
 * {@link #close()} stops accepting calls, ends open streams with UNAVAILABLE, gives running unary calls a
 * grace period and then cancels them.
 */
public final class LabGrpcServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LabGrpcServer.class);
    /** How long {@link #close()} lets running calls finish before cancelling them. */
    private static final long GRACE_SECONDS = 5;

    private final Server server;
    private final GrpcServerConfig config;
    private final LabGrpcServices services;
    private final HealthStatusManager health;

    private LabGrpcServer(Server server, GrpcServerConfig config, LabGrpcServices services, HealthStatusManager health) {
        this.server = server;
        this.config = config;
        this.services = services;
        this.health = health;
    }

    /**
     * Binds and starts a server with seed 000's services over an engine.
     *
     * @param config address, port, TLS and stream buffer
     * @param engine the engine
     * @param clock  the time source of quota decisions (the engine's clock)
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound or the TLS files cannot be read
     */
    public static LabGrpcServer start(GrpcServerConfig config, LabService engine, InstantSource clock) {
        return start(config, new LabGrpcServices(engine, clock, config.streamBufferSize()));
    }

    /**
     * Binds and starts a server.
     *
     * @param config   address, port and TLS
     * @param services the services to serve
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound or the TLS files cannot be read
     */
    public static LabGrpcServer start(GrpcServerConfig config, LabGrpcServices services) {
        return start(config, services, List.of());
    }

    /**
     * Binds and starts a server whose every call (seed 000's services, health and reflection) first goes through
     * the given interceptors, e.g. for metrics.
     *
     * @param config       address, port and TLS
     * @param services     the services to serve
     * @param interceptors the interceptors, outermost first
     * @return the running server
     * @throws UncheckedIOException when the port cannot be bound or the TLS files cannot be read
     */
    public static LabGrpcServer start(GrpcServerConfig config, LabGrpcServices services,
                                      List<ServerInterceptor> interceptors) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(services, "services");
        Objects.requireNonNull(interceptors, "interceptors");
        ServerCredentials credentials = config.tlsSettings()
                .map(tls -> tls.serverCredentials())
                .orElseGet(InsecureServerCredentials::create);
        NettyServerBuilder builder;
        try {
            builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.bindHost(), config.port()), credentials);
        } catch (IllegalArgumentException e) {
            // grpc-java parses the PEM key only here, turning credentials into a Netty SslContext, and its
            // message does not say which file was wrong.
            throw new IllegalArgumentException("the TLS settings " + config.tls() + " are not usable: "
                    + e.getMessage(), e);
        }
        services.bindTo(builder);
        HealthStatusManager health = new HealthStatusManager();
        builder.addService(health.getHealthService());
        builder.addService(ProtoReflectionServiceV1.newInstance());
        // ServerBuilder.intercept wraps in reverse registration order: register the innermost first.
        for (int i = interceptors.size() - 1; i >= 0; i--) {
            builder.intercept(interceptors.get(i));
        }
        builder.callExecutor(new InlineCalls());
        Server server = builder.build();
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the gRPC server on " + config.bindHost() + ":" + config.port(), e);
        }
        LabGrpcServer started = new LabGrpcServer(server, config, services, health);
        started.setServing(true);
        LOG.info("gRPC server listening on {}:{} ({})", config.bindHost(), started.port(),
                config.tls() == null ? "plaintext" : "TLS");
        return started;
    }

    /**
     * Sets what the health service answers for the whole server ({@code ""}) and for each of seed 000's services:
     * SERVING or NOT_SERVING. Servers drive it from their readiness check.
     *
     * @param serving true for SERVING
     */
    public void setServing(boolean serving) {
        ServingStatus status = serving ? ServingStatus.SERVING : ServingStatus.NOT_SERVING;
        health.setStatus(HealthStatusManager.SERVICE_NAME_ALL_SERVICES, status);
        for (ServerServiceDefinition d : services.definitions()) {
            health.setStatus(d.getServiceDescriptor().getName(), status);
        }
    }

    /**
     * Returns the bound port (the chosen one when the configuration asked for port 0).
     *
     * @return the port
     */
    public int port() {
        return ((InetSocketAddress) server.getListenSockets().get(0)).getPort();
    }

    /**
     * Returns the configuration the server runs with.
     *
     * @return the configuration
     */
    public GrpcServerConfig config() {
        return config;
    }

    /**
     * Tells whether the server serves TLS.
     *
     * @return true with a certificate configured
     */
    public boolean isTls() {
        return config.tls() != null;
    }

    /**
     * Blocks until the server has terminated (after {@link #close()} from another thread).
     *
     * @throws InterruptedException when interrupted while waiting
     */
    public void awaitTermination() throws InterruptedException {
        server.awaitTermination();
    }

    /**
     * Stops the server: no new calls, open streams end with UNAVAILABLE ("server is shutting down"), a
     * grace period for running unary calls, then cancellation; idempotent.
     */
    @Override
    public void close() {
        // Health checkers see NOT_SERVING for as long as the grace lasts, then the port closes.
        health.enterTerminalState();
        server.shutdown();
        services.shutdownStreams("the server is shutting down; reconnect");
        try {
            if (!server.awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS)) {
                server.shutdownNow().awaitTermination(GRACE_SECONDS, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            server.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

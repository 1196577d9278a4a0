package io.hfthot.adapters.grpc.service;

import io.grpc.ServerBuilder;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.hfthot.adapters.grpc.auth.ApiKeyAuthInterceptor;
import io.hfthot.adapters.grpc.proto.PortfolioServiceGrpc;
import io.hfthot.adapters.grpc.proto.SignalServiceGrpc;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.quota.Feature;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Seed 000's three gRPC services over one {@link LabService}, each behind the API-key interceptor, ready to
 * be added to any {@link ServerBuilder} (Netty for the real server, in-process for tests).
 *
 * <p>Gates: every rpc needs gRPC access (Professional and up) and counts against the key's request window;
 * {@code GetMFGPrice} also needs {@link Feature#MFG_SIGNALS}, {@code Optimize}
 * {@link Feature#PORTFOLIO_OPTIMIZATION} and {@code Backtest} {@link Feature#BACKTEST}, so that their quotas are
 * counted as over REST. Each open stream holds one of the key's stream slots (the tier's stream limit,
 * shared with WebSocket streams) until it ends.
 */
public final class LabGrpcServices {
    /**
     * Class-path location of the proto file the services implement (seed 000's {@code hfthot.proto}), for
     * servers that hand the contract to clients: {@code LabGrpcServices.class.getResourceAsStream(PROTO_RESOURCE)}.
     */
    public static final String PROTO_RESOURCE = "/hfthot.proto";

    /** Full method names of the rpcs that need a feature beyond gRPC access. */
    static final Map<String, Feature> METHOD_FEATURES = Map.of(
            SignalServiceGrpc.getGetMFGPriceMethod().getFullMethodName(), Feature.MFG_SIGNALS,
            PortfolioServiceGrpc.getOptimizeMethod().getFullMethodName(), Feature.PORTFOLIO_OPTIMIZATION,
            PortfolioServiceGrpc.getBacktestMethod().getFullMethodName(), Feature.BACKTEST);

    private final List<ServerServiceDefinition> definitions;
    private final Rpcs rpcs;

    /**
     * Creates the services.
     *
     * @param engine           the engine every rpc calls
     * @param clock            the time source of quota decisions
     * @param streamBufferSize events buffered per stream while its client is not ready, in {@code [1, 1_000_000]}
     */
    public LabGrpcServices(LabService engine, InstantSource clock, int streamBufferSize) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(clock, "clock");
        if (streamBufferSize < 1 || streamBufferSize > SubscriptionOptions.MAX_CAPACITY) {
            throw new IllegalArgumentException("streamBufferSize must be in [1, " + SubscriptionOptions.MAX_CAPACITY
                    + "], got " + streamBufferSize);
        }
        ApiKeyAuthInterceptor auth = new ApiKeyAuthInterceptor(engine.access(), clock, METHOD_FEATURES);
        this.rpcs = new Rpcs(engine.access(), clock, streamBufferSize);
        this.definitions = List.of(
                MalformedRequests.guard(ServerInterceptors.intercept(new MarketGrpcService(engine, rpcs), auth)),
                MalformedRequests.guard(ServerInterceptors.intercept(new SignalGrpcService(engine, rpcs), auth)),
                MalformedRequests.guard(ServerInterceptors.intercept(new PortfolioGrpcService(engine), auth)));
    }

    /**
     * Adds the three services to a server builder.
     *
     * @param builder the builder (Netty, in-process, ...)
     * @param <T>     the builder type
     * @return the same builder
     */
    public <T extends ServerBuilder<T>> T bindTo(ServerBuilder<T> builder) {
        for (ServerServiceDefinition definition : definitions) {
            builder.addService(definition);
        }
        @SuppressWarnings("unchecked")
        T self = (T) builder;
        return self;
    }

    /**
     * Ends every open StreamTicks and StreamRegime call with UNAVAILABLE so that clients reconnect at once;
     * servers call it when they stop, since a live stream never completes by itself.
     *
     * @param reason the description sent to the clients
     */
    public void shutdownStreams(String reason) {
        rpcs.shutdownStreams(reason);
    }

    /**
     * Returns the intercepted service definitions.
     *
     * @return MarketService, SignalService and PortfolioService
     */
    public List<ServerServiceDefinition> definitions() {
        return definitions;
    }
}

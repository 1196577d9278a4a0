package io.hfthot.client.grpc;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hfthot.client.HfthotApiException;
import io.hfthot.client.grpc.proto.MarketServiceGrpc;
import io.hfthot.client.grpc.proto.PortfolioServiceGrpc;
import io.hfthot.client.grpc.proto.SignalServiceGrpc;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Seed 000's gRPC API ({@code hfthot.v1}: MarketService, SignalService, PortfolioService) with the API key in
 * the {@code x-hfthot-api-key} metadata of every call. The stubs are grpc-java's, generated from this module's
 * copy of the published {@code hfthot.proto}; {@link #error(StatusRuntimeException)} turns a failed call into
 * the same {@link HfthotApiException} the REST client throws. gRPC is open to Professional and Enterprise keys.
 */
public final class HfthotGrpcClient implements AutoCloseable {
    /** The metadata key carrying the API key. */
    public static final Metadata.Key<String> API_KEY = Metadata.Key.of("x-hfthot-api-key", Metadata.ASCII_STRING_MARSHALLER);
    /** The trailer carrying seed 000's error code. */
    public static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("x-hfthot-error-code", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final Channel authenticated;

    private HfthotGrpcClient(ManagedChannel channel, String apiKey) {
        this.channel = channel;
        this.authenticated = ClientInterceptors.intercept(channel, new ApiKeyInterceptor(apiKey));
    }

    /**
     * Connects without TLS (the reference server's loopback default).
     *
     * @param host   the host
     * @param port   the port (50053 by default on the reference server)
     * @param apiKey the API key
     * @return the client; close it
     */
    public static HfthotGrpcClient plaintext(String host, int port, String apiKey) {
        return over(ManagedChannelBuilder.forAddress(host, port).usePlaintext().build(), apiKey);
    }

    /**
     * Connects with TLS, trusting the JVM's default roots.
     *
     * @param host   the host
     * @param port   the port
     * @param apiKey the API key
     * @return the client; close it
     */
    public static HfthotGrpcClient tls(String host, int port, String apiKey) {
        return over(ManagedChannelBuilder.forAddress(host, port).useTransportSecurity().build(), apiKey);
    }

    /**
     * Uses a channel the caller built (custom TLS roots, in-process transport); {@link #close()} shuts it down.
     *
     * @param channel the channel
     * @param apiKey  the API key
     * @return the client
     */
    public static HfthotGrpcClient over(ManagedChannel channel, String apiKey) {
        Objects.requireNonNull(channel, "channel");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey is required (e.g. hft_pro_...)");
        }
        return new HfthotGrpcClient(channel, apiKey);
    }

    /**
     * Returns the blocking market stub ({@code GetTicker}, {@code GetOHLCV}, {@code StreamTicks} as an iterator).
     *
     * @return the stub
     */
    public MarketServiceGrpc.MarketServiceBlockingStub market() {
        return MarketServiceGrpc.newBlockingStub(authenticated);
    }

    /**
     * Returns the blocking signal stub ({@code GetRegime}, {@code GetMFGPrice}, {@code StreamRegime}).
     *
     * @return the stub
     */
    public SignalServiceGrpc.SignalServiceBlockingStub signals() {
        return SignalServiceGrpc.newBlockingStub(authenticated);
    }

    /**
     * Returns the blocking portfolio stub ({@code Optimize}, {@code Backtest}).
     *
     * @return the stub
     */
    public PortfolioServiceGrpc.PortfolioServiceBlockingStub portfolio() {
        return PortfolioServiceGrpc.newBlockingStub(authenticated);
    }

    /**
     * Returns the authenticated channel, for the async and future stubs.
     *
     * @return the channel
     */
    public Channel channel() {
        return authenticated;
    }

    /**
     * Maps a failed call to the SDK's error: seed 000's code from the {@code x-hfthot-error-code} trailer and
     * the HTTP status the REST API gives for it.
     *
     * @param e the failure
     * @return the typed error
     */
    public static HfthotApiException error(StatusRuntimeException e) {
        Status.Code code = e.getStatus().getCode();
        String seedCode = e.getTrailers() == null ? null : e.getTrailers().get(ERROR_CODE);
        int http = switch (code) {
            case INVALID_ARGUMENT -> 400;
            case UNAUTHENTICATED -> 401;
            case PERMISSION_DENIED -> 403;
            case RESOURCE_EXHAUSTED -> 429;
            case UNAVAILABLE -> 503;
            default -> 500;
        };
        String description = e.getStatus().getDescription() == null ? code.name() : e.getStatus().getDescription();
        return new HfthotApiException(http, seedCode != null ? seedCode : "GRPC_" + code.name(), description, 1, null);
    }

    /** Shuts the channel down, waiting up to 5 s for calls in flight. */
    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    /** Adds the API key to every call's headers. */
    private static final class ApiKeyInterceptor implements ClientInterceptor {
        private final String apiKey;

        ApiKeyInterceptor(String apiKey) {
            this.apiKey = apiKey;
        }

        @Override
        public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<R> listener, Metadata headers) {
                    headers.put(API_KEY, apiKey);
                    super.start(listener, headers);
                }
            };
        }
    }
}

package io.hfthot.server.ops;

import io.grpc.ForwardingServerCall.SimpleForwardingServerCall;
import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * gRPC call rate, latency histogram and status per method ({@code hfthot_grpc_server_calls_seconds}), open
 * server streams ({@code hfthot_streams_open{transport="grpc"}}) and RESOURCE_EXHAUSTED refusals
 * ({@code hfthot_rate_limit_refusals_total{transport="grpc"}}).
 *
 * <p>A call ends either by the server's {@code close} (any status) or by the client's cancellation, which grpc-java
 * reports to the listener only ({@code onCancel}) and never through {@code close}; each call is counted once,
 * whichever comes first.
 */
public final class GrpcCallMetrics implements ServerInterceptor {
    private record Key(String method, Status.Code code) {
    }

    private final MeterRegistry registry;
    private final String surface;
    private final AtomicInteger openStreams = new AtomicInteger();
    private final Counter refusals;
    private final ConcurrentMap<Key, Timer> timers = new ConcurrentHashMap<>();

    /**
     * Creates the interceptor and registers the stream gauge.
     *
     * @param registry where the meters go
     * @param surface  the surface tag, e.g. {@code hfthot}
     */
    public GrpcCallMetrics(MeterRegistry registry, String surface) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.surface = Objects.requireNonNull(surface, "surface");
        this.refusals = RateLimitRefusals.counter(registry, surface, "grpc");
        StreamGauges.register(registry, surface, "grpc", openStreams, AtomicInteger::get);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                       ServerCallHandler<Q, R> next) {
        MethodDescriptor<Q, R> method = call.getMethodDescriptor();
        boolean stream = !method.getType().serverSendsOneMessage();
        long start = System.nanoTime();
        AtomicBoolean ended = new AtomicBoolean();
        if (stream) {
            openStreams.incrementAndGet();
        }
        ServerCall<Q, R> counted = new SimpleForwardingServerCall<>(call) {
            @Override
            public void close(Status status, Metadata trailers) {
                end(method, status.getCode(), start, stream, ended);
                super.close(status, trailers);
            }
        };
        ServerCall.Listener<Q> listener = next.startCall(counted, headers);
        return new SimpleForwardingServerCallListener<>(listener) {
            @Override
            public void onCancel() {
                end(method, Status.Code.CANCELLED, start, stream, ended);
                super.onCancel();
            }
        };
    }

    private void end(MethodDescriptor<?, ?> method, Status.Code code, long start, boolean stream, AtomicBoolean ended) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        if (stream) {
            openStreams.decrementAndGet();
        }
        if (code == Status.Code.RESOURCE_EXHAUSTED) {
            refusals.increment();
        }
        timers.computeIfAbsent(new Key(method.getFullMethodName(), code), k -> Timer.builder("hfthot.grpc.server.calls")
                        .description("gRPC calls ended, by method and status code (streams: their whole life)")
                        .tags("surface", surface, "service", String.valueOf(method.getServiceName()),
                                "method", String.valueOf(method.getBareMethodName()), "code", code.name())
                        .publishPercentileHistogram()
                        .register(registry))
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
}

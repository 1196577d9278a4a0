package io.hfthot.server.ops;

import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.WebSocketRoute;
import io.hfthot.lakehouse.storage.LogStore;
import io.hfthot.server.logging.AccessLogCounts;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.util.Collection;

/**
 * The server's metrics registry (Micrometer with its Prometheus registry) and the meters that feed it: JVM
 * (memory, GC, threads, classes, CPU, uptime, file descriptors), HTTP requests ({@link HttpRequestMetrics}), gRPC
 * calls ({@link GrpcCallMetrics}), open streams, lakehouse commits ({@link MeteredLogStore}); the event-bus lag
 * and file counts are added by {@link FeedProbe} and {@link LakehouseFileGauges} over {@link #registry()}.
 * Every name starts with {@code hfthot_} except the JVM's standard ones ({@code jvm_*}, {@code process_*},
 * {@code system_*}).
 */
public final class ServerMetrics implements AutoCloseable {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final HttpRequestMetrics http = new HttpRequestMetrics(registry);
    private final GrpcCallMetrics grpc = new GrpcCallMetrics(registry, "hfthot");

    /** Creates the registry and binds the JVM meters. */
    public ServerMetrics() {
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        FunctionCounter.builder("hfthot.access.log.lines", AccessLogCounts.class, c -> AccessLogCounts.written())
                .description("access-log lines written").register(registry);
        FunctionCounter.builder("hfthot.access.log.lost.lines", AccessLogCounts.class, c -> AccessLogCounts.lost())
                .description("access-log lines that could not be written (the console failed); a full queue "
                        + "makes requests wait instead of dropping lines").register(registry);
    }

    /** @return the registry (for meters defined elsewhere, and tests) */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** @return the interceptor to put in front of every gRPC call */
    public GrpcCallMetrics grpc() {
        return grpc;
    }

    /**
     * Observes an HTTP surface: its requests, the open connections of its WebSocket endpoints and the open
     * responses of its server-sent-event routes.
     *
     * @param surface the surface
     */
    public void observe(HttpSurface surface) {
        surface.observe(http);
        Collection<WebSocketRoute> routes = surface.webSockets().values();
        if (!routes.isEmpty()) {
            StreamGauges.register(registry, surface.name(), "websocket", routes,
                    rs -> rs.stream().mapToInt(WebSocketRoute::liveConnections).sum());
        }
        if (surface.hasStreamingRoutes()) {
            StreamGauges.register(registry, surface.name(), "sse", surface, HttpSurface::openStreamingResponses);
        }
    }

    /**
     * Wraps a lakehouse store so that its commits and commit conflicts are counted.
     *
     * @param store the real store
     * @param base  the lakehouse's base directory
     * @return the counting store
     */
    public LogStore metered(LogStore store, Path base) {
        return new MeteredLogStore(store, base, registry);
    }

    /**
     * Renders every meter in the Prometheus text format (0.0.4).
     *
     * @return the text
     */
    public String scrape() {
        return registry.scrape();
    }

    /** Stops the GC listener and closes the registry. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}

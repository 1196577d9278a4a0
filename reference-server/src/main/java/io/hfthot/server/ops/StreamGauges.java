package io.hfthot.server.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/** The one definition of {@code hfthot_streams_open}, shared by the WebSocket, SSE and gRPC stream counts. */
final class StreamGauges {
    private StreamGauges() {
    }

    /**
     * Registers the open-stream gauge of a surface and transport.
     *
     * @param registry  the registry
     * @param surface   e.g. {@code hfthot}
     * @param transport {@code websocket}, {@code sse} or {@code grpc}
     * @param source    what is counted (held strongly: Micrometer gauges keep only a weak reference otherwise)
     * @param count     reads the count
     * @param <T>       the source type
     */
    static <T> void register(MeterRegistry registry, String surface, String transport, T source,
                             ToDoubleFunction<T> count) {
        Gauge.builder("hfthot.streams.open", source, count)
                .description("Open live streams (WebSocket connections, SSE responses, gRPC server streams)")
                .tags("surface", surface, "transport", transport)
                .strongReference(true)
                .register(registry);
    }
}

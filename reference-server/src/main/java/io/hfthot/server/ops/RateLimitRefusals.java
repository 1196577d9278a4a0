package io.hfthot.server.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** The one definition of {@code hfthot_rate_limit_refusals_total}, shared by the HTTP and gRPC meters. */
final class RateLimitRefusals {
    private RateLimitRefusals() {
    }

    /**
     * Returns the refusal counter of a surface and transport.
     *
     * @param registry  the registry
     * @param surface   e.g. {@code hfthot}
     * @param transport {@code http} or {@code grpc}
     * @return the counter
     */
    static Counter counter(MeterRegistry registry, String surface, String transport) {
        return Counter.builder("hfthot.rate.limit.refusals")
                .description("Requests refused for a rate limit or quota (HTTP 429, gRPC RESOURCE_EXHAUSTED)")
                .tags("surface", surface, "transport", transport)
                .register(registry);
    }
}

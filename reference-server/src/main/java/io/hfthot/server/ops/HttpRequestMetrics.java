package io.hfthot.server.ops;

import io.hfthot.adapters.http.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;

/**
 * Request rate, latency histogram and errors per surface, route and status of the HTTP surfaces:
 * {@code hfthot_http_server_requests_seconds} (a histogram; its {@code _count} is the request count),
 * {@code hfthot_http_server_errors_total} (status 400 and above) and {@code hfthot_rate_limit_refusals_total}
 * (status 429, {@code transport="http"}).
 *
 * <p>Why the meters are cached here: resolving a meter through the registry builds and sorts its tags on every
 * call, which costs more than the rest of this observer; the cache key is the few values that vary. The route tag
 * is the route's pattern, never the raw path, so the number of series is bounded by routes x methods x statuses.
 */
public final class HttpRequestMetrics implements RequestObserver {
    /** The route tag of requests that matched no route (404 and CORS probes of unknown paths). */
    static final String UNMATCHED = "unmatched";

    private record Key(String surface, String method, String route, int status) {
    }

    /** The meters of one key; the error counters are null for statuses below 400. */
    private record Meters(Timer timer, Counter errors, Counter refusals) {
    }

    private final MeterRegistry registry;
    private final ConcurrentMap<Key, Meters> meters = new ConcurrentHashMap<>();

    /**
     * Creates the observer.
     *
     * @param registry where the meters go
     */
    public HttpRequestMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void completed(String surface, String method, String route, int status, long nanos) {
        Meters m = meters.computeIfAbsent(new Key(surface, method, route == null ? UNMATCHED : route, status),
                this::register);
        m.timer.record(nanos, TimeUnit.NANOSECONDS);
        if (m.errors != null) {
            m.errors.increment();
        }
        if (m.refusals != null) {
            m.refusals.increment();
        }
    }

    private Meters register(Key k) {
        String status = Integer.toString(k.status);
        Timer timer = Timer.builder("hfthot.http.server.requests")
                .description("HTTP requests answered, by surface, method, route pattern and status")
                .tags("surface", k.surface, "method", k.method, "route", k.route, "status", status)
                .publishPercentileHistogram()
                .register(registry);
        Counter errors = k.status < 400 ? null : Counter.builder("hfthot.http.server.errors")
                .description("HTTP answers with status 400 or above")
                .tags("surface", k.surface, "route", k.route, "status", status)
                .register(registry);
        Counter refusals = k.status != 429 ? null : RateLimitRefusals.counter(registry, k.surface, "http");
        return new Meters(timer, errors, refusals);
    }
}

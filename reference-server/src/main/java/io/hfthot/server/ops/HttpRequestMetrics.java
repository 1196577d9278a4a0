package io.hfthot.server.ops;

import io.hfthot.adapters.http.RequestObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Request rate, latency histogram and errors per surface, route and status of the HTTP surfaces:
 * {@code hfthot_http_server_requests_seconds} (a histogram; its {@code _count} is the request count),
 * {@code hfthot_http_server_errors_total} (status 400 and above) and {@code hfthot_rate_limit_refusals_total}
 * (status 429, {@code transport="http"}).
 *
 * <p>Why the latency histogram is the Prometheus client's and not a Micrometer timer: it is recorded on every
 * request, and a Micrometer timer with a percentile histogram keeps about 70 buckets in shared atomic arrays plus a
 * time-windowed maximum, all updated from every core (measured at about 1 us a request with two threads). The
 * Prometheus client's classic histogram, the library under Micrometer's Prometheus registry and registered in that
 * same registry (one scrape), counts into striped adders over 14 buckets, without exemplars. Why the series are
 * cached here: resolving one by its labels builds and compares them on every call, which would cost more than the
 * recording; the cache key is the few values that vary. The route label is the route's pattern, never the raw path,
 * so the number of series is bounded by routes x methods x statuses.
 */
public final class HttpRequestMetrics implements RequestObserver {
    /** The route tag of requests that matched no route (404 and CORS probes of unknown paths). */
    static final String UNMATCHED = "unmatched";

    /**
     * The latency buckets' upper bounds in seconds: from a cached answer's 0.5 ms to a long backtest's 10 s,
     * about 2.5x apart, so that p50/p99 estimates stay within a bucket of the truth over the whole range.
     */
    static final double[] BUCKETS = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};

    private record Key(String surface, String method, String route, int status) {
    }

    /** The meters of one key; the error counters are null for statuses below 400. */
    private record Meters(DistributionDataPoint latency, Counter errors, Counter refusals) {
    }

    private final PrometheusMeterRegistry registry;
    private final Histogram latency;
    private final ConcurrentMap<Key, Meters> meters = new ConcurrentHashMap<>();

    /**
     * Creates the observer and registers its histogram.
     *
     * @param registry where the meters go
     */
    public HttpRequestMetrics(PrometheusMeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.latency = Histogram.builder()
                .name("hfthot_http_server_requests_seconds")
                .help("HTTP requests answered, by surface, method, route pattern and status")
                .unit(Unit.SECONDS)
                .labelNames("surface", "method", "route", "status")
                .classicUpperBounds(BUCKETS)
                .classicOnly()
                .withoutExemplars()
                .register(registry.getPrometheusRegistry());
    }

    @Override
    public void completed(String surface, String method, String route, int status, long nanos) {
        Key key = new Key(surface, method, route == null ? UNMATCHED : route, status);
        // get() first: after a series' first request it is a plain lock-free read, without computeIfAbsent's
        // function argument (a bound method reference, built per call).
        Meters m = meters.get(key);
        if (m == null) {
            m = meters.computeIfAbsent(key, this::register);
        }
        m.latency.observe(Unit.nanosToSeconds(nanos));
        if (m.errors != null) {
            m.errors.increment();
        }
        if (m.refusals != null) {
            m.refusals.increment();
        }
    }

    private Meters register(Key k) {
        String status = Integer.toString(k.status);
        DistributionDataPoint point = latency.labelValues(k.surface, k.method, k.route, status);
        Counter errors = k.status < 400 ? null : Counter.builder("hfthot.http.server.errors")
                .description("HTTP answers with status 400 or above")
                .tags("surface", k.surface, "route", k.route, "status", status)
                .register(registry);
        Counter refusals = k.status != 429 ? null : RateLimitRefusals.counter(registry, k.surface, "http");
        return new Meters(point, errors, refusals);
    }
}

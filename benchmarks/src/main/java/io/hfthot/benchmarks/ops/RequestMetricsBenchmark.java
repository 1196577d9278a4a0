package io.hfthot.benchmarks.ops;

import io.hfthot.server.ops.HttpRequestMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

/**
 * The cost of recording one HTTP request in the metrics ({@link HttpRequestMetrics#completed}: a cached series of
 * the Prometheus client's latency histogram, and for errors two counters), on two threads hitting the same series as
 * a loaded server's transport threads do.
 *
 * <p>Peer figure (issue 22): metrics and access log together may cost at most 5% of REST throughput; the same-run
 * load test is {@code benchmarks/load/ops-overhead.sh}. This benchmark isolates the meters' share: divided by the
 * CPU time of one REST request on this machine (two cores at the measured requests per second), it is the
 * fraction of throughput they cost, free of the load test's run-to-run noise.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Benchmark)
public class RequestMetricsBenchmark {
    /** The status recorded: 200 (timer only) or 429 (timer, error counter and refusal counter). */
    @Param({"200", "429"})
    public int status;

    private PrometheusMeterRegistry registry;
    private HttpRequestMetrics metrics;

    /** Each thread's own varying latency, so the histogram's buckets change as in a server. */
    @State(Scope.Thread)
    public static class Latency {
        long nanos;
    }

    /** Creates the registry and warms the series (the first call per series registers it). */
    @Setup
    public void setUp() {
        registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        metrics = new HttpRequestMetrics(registry);
        metrics.completed("hfthot", "GET", "/v1/market/ticker", status, 1000);
    }

    /** Closes the registry. */
    @TearDown
    public void tearDown() {
        registry.close();
    }

    /**
     * Records one request.
     *
     * @param latency this thread's latency source
     * @return the varying latency recorded, so the call cannot be removed
     */
    @Benchmark
    @Threads(2)
    public long record(Latency latency) {
        long n = 250_000 + (latency.nanos++ & 0xFFFF);
        metrics.completed("hfthot", "GET", "/v1/market/ticker", status, n);
        return n;
    }
}

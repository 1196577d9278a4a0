package io.hfthot.server.ops;

import static io.hfthot.server.ops.PrometheusText.label;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The request histogram, error and refusal counters as a scrape shows them, against counts known in advance. */
class HttpRequestMetricsTest {
    private static final double EPS = 1e-12;

    @Test
    void countsSumsBucketsErrorsAndRefusalsPerSeries() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        try {
            HttpRequestMetrics metrics = new HttpRequestMetrics(registry);
            for (int i = 0; i < 10; i++) {
                metrics.completed("hfthot", "GET", "/v1/health", 200, TimeUnit.MICROSECONDS.toNanos(300)); // le 0.0005
            }
            metrics.completed("hfthot", "GET", "/v1/health", 200, TimeUnit.MILLISECONDS.toNanos(30)); // le 0.05
            metrics.completed("hfthot", "GET", "/v1/market/ticker", 429, TimeUnit.MILLISECONDS.toNanos(2));
            metrics.completed("hfthot", "GET", null, 404, TimeUnit.MILLISECONDS.toNanos(1));
            PrometheusText scrape = PrometheusText.parse(registry.scrape());

            var health = label("route", "/v1/health").and(label("surface", "hfthot")).and(label("status", "200"))
                    .and(label("method", "GET"));
            assertEquals(11, scrape.sum("hfthot_http_server_requests_seconds_count", health), EPS);
            assertEquals(10 * 0.0003 + 0.03, scrape.sum("hfthot_http_server_requests_seconds_sum", health), 1e-9);
            assertEquals(10, scrape.sum("hfthot_http_server_requests_seconds_bucket", health.and(label("le", "5.0E-4"))), EPS);
            assertEquals(10, scrape.sum("hfthot_http_server_requests_seconds_bucket", health.and(label("le", "0.025"))), EPS);
            assertEquals(11, scrape.sum("hfthot_http_server_requests_seconds_bucket", health.and(label("le", "0.05"))), EPS);
            assertEquals(11, scrape.sum("hfthot_http_server_requests_seconds_bucket", health.and(label("le", "+Inf"))), EPS);
            assertFalse(scrape.has("hfthot_http_server_errors_total") && scrape.sum("hfthot_http_server_errors_total",
                    label("status", "200")) > 0, "no error series for 200");

            assertEquals(1, scrape.sum("hfthot_http_server_errors_total", label("route", "/v1/market/ticker").and(label("status", "429"))), EPS);
            assertEquals(1, scrape.sum("hfthot_rate_limit_refusals_total", label("transport", "http")), EPS);
            assertEquals(1, scrape.sum("hfthot_http_server_errors_total", label("route", "unmatched").and(label("status", "404"))), EPS);
            assertEquals(1, scrape.sum("hfthot_http_server_requests_seconds_count", label("route", "unmatched")), EPS);
            assertEquals(13, scrape.sum("hfthot_http_server_requests_seconds_count"), EPS);
        } finally {
            registry.close();
        }
    }
}

package io.hfthot.benchmarks.http;

import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.Router;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Route lookup cost per request. The peer figure is the same run's {@code exactHashMapLookup}: a
 * {@code HashMap<String, handler>} keyed by method and path, the least a router can cost (it cannot
 * extract path parameters). Sizes: 20 routes (one seed surface) and 200 (all surfaces plus growth).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RouterBenchmark {
    /** Number of registered routes. */
    @Param({"20", "200"})
    public int routes;

    private Router router;
    private Map<String, Object> exact;
    private List<String> literalSegments;
    private List<String> paramSegments;
    private String literalKey;

    /** Registers {@code routes} routes shaped like the seeds' ({@code /api/r{i}/items/{id}} and literals). */
    @Setup
    public void setUp() {
        HttpSurface.Builder b = HttpSurface.builder("bench", ErrorShape.DETAIL);
        exact = new HashMap<>();
        for (int i = 0; i < routes / 2; i++) {
            String literal = "/api/r" + i + "/stats";
            b.get(literal, r -> Response.noContent());
            exact.put("GET " + literal, literal);
            b.get("/api/r" + i + "/items/{id}", r -> Response.noContent());
        }
        router = b.build().router();
        int mid = routes / 4;
        literalSegments = List.of("api", "r" + mid, "stats");
        paramSegments = List.of("api", "r" + mid, "items", "12345");
        literalKey = "GET /api/r" + mid + "/stats";
    }

    /**
     * Looks up a literal route.
     *
     * @return the match
     */
    @Benchmark
    public Router.Match literalRoute() {
        return router.match("GET", literalSegments);
    }

    /**
     * Looks up a route with a path parameter and extracts it.
     *
     * @return the match
     */
    @Benchmark
    public Router.Match parameterRoute() {
        return router.match("GET", paramSegments);
    }

    /**
     * Looks up a decoded raw path (splitting included), as the surface does per request.
     *
     * @return the match
     */
    @Benchmark
    public Router.Match rawPathWithSplit() {
        return router.match("GET", "/api/r" + (routes / 4) + "/items/12345");
    }

    /**
     * The peer: an exact-path hash lookup.
     *
     * @return the handler
     */
    @Benchmark
    public Object exactHashMapLookup() {
        return exact.get(literalKey);
    }
}

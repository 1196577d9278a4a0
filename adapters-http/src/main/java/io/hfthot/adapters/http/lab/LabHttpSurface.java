package io.hfthot.adapters.http.lab;

import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.Response;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.quota.Feature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The entry point that puts seed 000's HTTP API on a surface: the REST routes of {@link LabRoutes}, the
 * {@link LabAccessFilter} in front of them, the {@code /v1/stream} WebSocket ({@link LabStreamEndpoint})
 * and the OpenAPI document at {@code /v1/openapi.json}.
 *
 * <pre>{@code
 * HttpSurface.Builder b = HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE)
 *         .get("/v1/health", r -> Response.ok(Map.of("status", "ok")));
 * LabHttpSurface.mount(b, engine, engine.access(), clock, LabHttpOptions.defaults());
 * TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 8080), b.build());
 * }</pre>
 */
public final class LabHttpSurface {
    /** The WebSocket path of seed 000. */
    public static final String STREAM_PATH = "/v1/stream";
    /** Where the OpenAPI 3 document is served. */
    public static final String OPENAPI_PATH = "/v1/openapi.json";

    private LabHttpSurface() {
    }

    /**
     * Adds the seed-000 routes, filter and WebSocket endpoint to a surface definition. The builder must use
     * {@link ErrorShape#CODE_MESSAGE} and the standard JSON codec (seed 000's spelling); its other routes
     * (such as {@code /v1/health}) stay public.
     *
     * @param builder the surface definition
     * @param engine  the engine the routes call
     * @param access  authentication and quotas (normally {@code engine.access()})
     * @param clock   the time of quota decisions
     * @param options WebSocket tunables
     * @return the builder
     */
    public static HttpSurface.Builder mount(HttpSurface.Builder builder, LabService engine, AccessControl access,
                                            Clock clock, LabHttpOptions options) {
        Objects.requireNonNull(builder, "builder");
        Objects.requireNonNull(options, "options");
        List<LabRoute> routes = new LabRoutes(engine, openApiDocument()).routes();
        Map<String, Optional<Feature>> gated = new LinkedHashMap<>();
        for (LabRoute route : routes) {
            builder.route(route.method(), route.path(), route.handler());
            if (route.authenticated()) {
                gated.put(route.path(), route.feature());
            }
        }
        builder.filter(new LabAccessFilter(access, clock, gated, Set.of(STREAM_PATH)));
        builder.webSocket(STREAM_PATH, new LabStreamEndpoint(engine, access, clock, JsonCodec.standard(),
                options.streamQueueEvents()), options.streamSettings());
        return builder;
    }

    /**
     * Builds a complete surface named {@code hfthot} with seed 000's error shape and {@code /v1/health}, without
     * CORS.
     *
     * @param engine  the engine
     * @param clock   the time of quota decisions
     * @param options WebSocket tunables
     * @return the surface, to pass to {@link io.hfthot.adapters.http.jetty.TransportServer#start}
     */
    public static HttpSurface surface(LabService engine, Clock clock, LabHttpOptions options) {
        return surface(engine, clock, options, CorsPolicy.disabled());
    }

    /**
     * Builds a complete surface named {@code hfthot}: seed 000's routes, filter and stream, and the public
     * {@code /v1/health} ({@link #health}).
     *
     * @param engine  the engine
     * @param clock   the time of quota decisions
     * @param options WebSocket tunables
     * @param cors    the browser origins allowed
     * @return the surface, to pass to {@link io.hfthot.adapters.http.jetty.TransportServer#start}
     */
    public static HttpSurface surface(LabService engine, Clock clock, LabHttpOptions options, CorsPolicy cors) {
        HttpSurface.Builder builder = HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE)
                .cors(cors)
                .get("/v1/health", r -> Response.ok(health(engine)));
        return mount(builder, engine, engine.access(), clock, options).build();
    }

    /**
     * Seed 000's health body: {@code {"status":"ok"}} while everything works; {@code {"status":"degraded",
     * "reason":...}} (still 200, so that seed 000 clients keep parsing it) while the data directory is read-only.
     * Any status other than {@code ok} means not ready.
     *
     * @param engine the engine
     * @return the body
     */
    public static Map<String, String> health(LabService engine) {
        Map<String, String> body = new LinkedHashMap<>();
        engine.storage().unavailableReason().ifPresentOrElse(reason -> {
            body.put("status", "degraded");
            body.put("reason", reason);
        }, () -> body.put("status", "ok"));
        return body;
    }

    /**
     * Returns the route table (for documentation and tests).
     *
     * @param engine the engine
     * @return the routes
     */
    public static List<LabRoute> routes(LabService engine) {
        return new LabRoutes(engine, openApiDocument()).routes();
    }

    /**
     * Returns the lines a server prints at start so a fresh install works at once: where the API listens,
     * where its OpenAPI document and WebSocket are, and the demo keys (one per tier) to try it with.
     *
     * @param baseUri  the listener's base URI, e.g. {@code http://127.0.0.1:8080}
     * @param demoKeys the demo keys ({@code engine.demoKeys()}), possibly empty
     * @return the lines, without trailing newlines
     */
    public static List<String> banner(String baseUri, List<GeneratedKey> demoKeys) {
        Objects.requireNonNull(baseUri, "baseUri");
        List<String> lines = new ArrayList<>();
        String ws = baseUri.replaceFirst("^http", "ws");
        lines.add("HFThot API (seed 000)  " + baseUri + "/v1/   OpenAPI " + baseUri + OPENAPI_PATH);
        lines.add("  WebSocket            " + ws + STREAM_PATH + "?api_key=<key>");
        if (demoKeys.isEmpty()) {
            lines.add("  no demo keys: create one with POST /v1/keys or the key service");
        } else {
            lines.add("  demo API keys (send as X-HFThot-API-Key):");
            for (GeneratedKey k : demoKeys) {
                lines.add(String.format(Locale.ROOT, "    %-13s %s", Tier.parse(k.tier()).displayName(), k.apiKey()));
            }
        }
        return List.copyOf(lines);
    }

    /**
     * Returns the OpenAPI 3 document served at {@value #OPENAPI_PATH}.
     *
     * @return the JSON bytes
     */
    public static byte[] openApiDocument() {
        try (InputStream in = LabHttpSurface.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                throw new IllegalStateException("resource io/hfthot/adapters/http/lab/openapi.json is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("reading the OpenAPI document failed", e);
        }
    }
}

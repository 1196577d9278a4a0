package io.hfthot.adapters.http;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a {@link CorsPolicy}: adds the {@code Access-Control-Allow-*} headers to every answer for an allowed
 * origin (errors included) and answers preflights ({@code OPTIONS} with {@code Access-Control-Request-Method})
 * itself: 204 with the route's methods, 403 for an origin the policy refuses, 404 for an unknown path.
 */
final class CorsFilter implements ExchangeFilter {
    private final CorsPolicy cors;
    private final Router router;

    CorsFilter(CorsPolicy cors, Router router) {
        this.cors = cors;
        this.router = router;
    }

    @Override
    public Outcome filter(Call call, Chain next) throws IOException {
        ServerExchange exchange = call.exchange();
        String origin = exchange.header("Origin");
        Optional<String> allowOrigin = cors.allowOriginFor(origin);
        if (allowOrigin.isPresent()) {
            exchange.setResponseHeader("Access-Control-Allow-Origin", allowOrigin.get());
            exchange.addResponseHeader("Vary", "Origin");
            if (cors.allowCredentials()) {
                exchange.setResponseHeader("Access-Control-Allow-Credentials", "true");
            }
            if (!cors.exposedHeaders().isEmpty()) {
                exchange.setResponseHeader("Access-Control-Expose-Headers",
                        String.join(", ", new TreeSet<>(cors.exposedHeaders())));
            }
        }
        boolean preflight = "OPTIONS".equals(call.method()) && origin != null
                && exchange.header("Access-Control-Request-Method") != null;
        return preflight ? preflight(call, next, origin, allowOrigin) : next.proceed(call);
    }

    private Outcome preflight(Call call, Chain next, String origin, Optional<String> allowOrigin) throws IOException {
        if (allowOrigin.isEmpty()) {
            throw new ApiException(ErrorKind.FORBIDDEN, "origin '" + origin + "' is not allowed to call this API");
        }
        List<String> segments = HttpSurface.decodeSegments(call.rawPath());
        Router.Match probe = router.match("OPTIONS", segments);
        if (probe.allowed().isEmpty() && !probe.found()) {
            throw new ApiException(ErrorKind.NOT_FOUND, "no route for OPTIONS " + call.rawPath());
        }
        Set<String> methods = probe.allowed().isEmpty() ? cors.allowedMethods() : probe.allowed();
        ServerExchange exchange = call.exchange();
        exchange.setResponseHeader("Access-Control-Allow-Methods", HttpSurface.allowHeader(methods));
        String requested = exchange.header("Access-Control-Request-Headers");
        if (requested != null && !requested.isBlank()) {
            exchange.setResponseHeader("Access-Control-Allow-Headers", cors.allowedHeaders().contains("*") ? requested
                    : String.join(", ", new TreeSet<>(cors.allowedHeaders())));
        }
        exchange.setResponseHeader("Access-Control-Max-Age", Long.toString(cors.maxAge().toSeconds()));
        return next.respond(call, Response.noContent());
    }
}

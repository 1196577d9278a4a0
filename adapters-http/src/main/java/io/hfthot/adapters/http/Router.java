package io.hfthot.adapters.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a method and a path to a handler and its path parameters. Literal segments win over
 * parameters ({@code /agents/stats} beats {@code /agents/{id}}). Lookup is lock-free and allocation
 * is limited to the parameter map. Built once by {@link HttpSurface.Builder}; immutable afterwards.
 */
public final class Router {
    /** A registered route. */
    private record Route(String method, PathPattern pattern, RouteHandler handler) {
    }

    /** Routes grouped by segment count, then ordered most-specific first. */
    private final Map<Integer, List<Route>> bySegments;

    private Router(Map<Integer, List<Route>> bySegments) {
        this.bySegments = bySegments;
    }

    /**
     * The outcome of a lookup: exactly one of matched, method-not-allowed or not-found.
     *
     * @param pattern      the matched route's pattern (for logs and filters), null when not found
     * @param handler      the handler, null unless matched
     * @param pathParams   decoded path parameters, empty unless matched
     * @param allowed      the methods the path accepts, non-empty when the path exists
     */
    public record Match(String pattern, RouteHandler handler, Map<String, String> pathParams, Set<String> allowed) {
        /**
         * Tells whether a handler was found for the method and path.
         *
         * @return true when matched
         */
        public boolean found() {
            return handler != null;
        }

        /**
         * Tells whether the path exists for other methods only.
         *
         * @return true for a 405
         */
        public boolean methodNotAllowed() {
            return handler == null && !allowed.isEmpty();
        }
    }

    /**
     * Looks up a route.
     *
     * @param method   the request method, upper case
     * @param segments the decoded path segments
     * @return the match
     */
    public Match match(String method, List<String> segments) {
        List<Route> candidates = bySegments.get(segments.size());
        if (candidates == null) {
            return new Match(null, null, Map.of(), Set.of());
        }
        Set<String> allowed = null;
        String allowedPattern = null;
        for (Route r : candidates) {
            Map<String, String> params = r.pattern.match(segments);
            if (params == null) {
                continue;
            }
            if (r.method.equals(method)) {
                return new Match(r.pattern.toString(), r.handler, params, Set.of(method));
            }
            if (allowed == null) {
                allowed = new TreeSet<>();
                allowedPattern = r.pattern.toString();
            }
            allowed.add(r.method);
        }
        return allowed == null ? new Match(null, null, Map.of(), Set.of())
                : new Match(allowedPattern, null, Map.of(), allowed);
    }

    /**
     * Looks up a route by raw path.
     *
     * @param method the request method
     * @param path   the decoded path, starting with {@code /}
     * @return the match
     */
    public Match match(String method, String path) {
        return match(method, PathPattern.split(path));
    }

    /** Collects routes and rejects duplicates. */
    static final class Builder {
        /** Patterns that differ only in parameter names are the same key. */
        private record Key(String method, PathPattern pattern) {
        }

        private final Map<Key, Route> routes = new LinkedHashMap<>();

        void add(String method, String pattern, RouteHandler handler) {
            Objects.requireNonNull(handler, "handler");
            String m = method.toUpperCase(java.util.Locale.ROOT);
            if (!m.matches("[A-Z]+")) {
                throw new IllegalArgumentException("HTTP method must be letters only, got '" + method + "'");
            }
            PathPattern p = PathPattern.parse(pattern);
            Route previous = routes.putIfAbsent(new Key(m, p), new Route(m, p, handler));
            if (previous != null) {
                throw new IllegalArgumentException("route " + m + " " + pattern
                        + " conflicts with the already registered " + m + " " + previous.pattern());
            }
        }

        Router build() {
            Map<Integer, List<Route>> grouped = new HashMap<>();
            for (Route r : routes.values()) {
                grouped.computeIfAbsent(r.pattern.segmentCount(), k -> new ArrayList<>()).add(r);
            }
            Comparator<Route> specificFirst = Comparator.comparingInt((Route r) -> -r.pattern.literalCount());
            grouped.replaceAll((k, v) -> {
                v.sort(specificFirst);
                return List.copyOf(v);
            });
            return new Router(Map.copyOf(grouped));
        }
    }
}

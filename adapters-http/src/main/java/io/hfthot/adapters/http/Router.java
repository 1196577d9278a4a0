package io.hfthot.adapters.http;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Maps a method and a path to a handler and its path parameters. Routes live in a trie of path
 * segments; at each segment a literal child is tried before a parameter child, so
 * {@code /agents/stats} beats {@code /agents/{id}}, and lookup cost grows with the path's depth, not
 * with the number of routes. Built once by {@link HttpSurface.Builder}; immutable and thread-safe.
 */
public final class Router {
    /** A registered route. */
    private record Route(String method, PathPattern pattern, RouteHandler handler) {
    }

    /** One trie level: literal children, at most one parameter child, routes ending here by method. */
    private static final class Node {
        private final Map<String, Node> literals = new HashMap<>(4);
        private Node param;
        private final Map<String, Route> routes = new HashMap<>(2);
    }

    private final Node root;

    private Router(Node root) {
        this.root = root;
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
        Route r = find(root, segments, 0, method);
        if (r != null) {
            return new Match(r.pattern.toString(), r.handler, r.pattern.match(segments), Set.of(method));
        }
        Set<String> allowed = new TreeSet<>();
        String[] pattern = new String[1];
        collectAllowed(root, segments, 0, allowed, pattern);
        return allowed.isEmpty() ? new Match(null, null, Map.of(), Set.of())
                : new Match(pattern[0], null, Map.of(), allowed);
    }

    private static Route find(Node n, List<String> segments, int i, String method) {
        if (i == segments.size()) {
            return n.routes.get(method);
        }
        String seg = segments.get(i);
        Node literal = n.literals.get(seg);
        if (literal != null) {
            Route r = find(literal, segments, i + 1, method);
            if (r != null) {
                return r;
            }
        }
        return n.param != null && !seg.isEmpty() ? find(n.param, segments, i + 1, method) : null;
    }

    private static void collectAllowed(Node n, List<String> segments, int i, Set<String> allowed, String[] pattern) {
        if (i == segments.size()) {
            if (!n.routes.isEmpty() && pattern[0] == null) {
                pattern[0] = n.routes.values().iterator().next().pattern.toString();
            }
            allowed.addAll(n.routes.keySet());
            return;
        }
        String seg = segments.get(i);
        Node literal = n.literals.get(seg);
        if (literal != null) {
            collectAllowed(literal, segments, i + 1, allowed, pattern);
        }
        if (n.param != null && !seg.isEmpty()) {
            collectAllowed(n.param, segments, i + 1, allowed, pattern);
        }
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
            Node root = new Node();
            for (Route r : routes.values()) {
                Node n = root;
                for (String literal : r.pattern.literals()) {
                    if (literal == null) {
                        if (n.param == null) {
                            n.param = new Node();
                        }
                        n = n.param;
                    } else {
                        n = n.literals.computeIfAbsent(literal, k -> new Node());
                    }
                }
                n.routes.put(r.method, r);
            }
            return new Router(root);
        }
    }
}

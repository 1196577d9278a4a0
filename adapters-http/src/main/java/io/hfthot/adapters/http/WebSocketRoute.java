package io.hfthot.adapters.http;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A WebSocket endpoint mounted on a surface at an exact path, with its settings and its live
 * connections (so a health route can report how many are open).
 */
public final class WebSocketRoute {
    private final String path;
    private final WebSocketEndpoint endpoint;
    private final WebSocketSettings settings;
    private final Set<WebSocketConnection> live = ConcurrentHashMap.newKeySet();

    WebSocketRoute(String path, WebSocketEndpoint endpoint, WebSocketSettings settings) {
        if (path == null || !path.startsWith("/")) {
            throw new IllegalArgumentException("WebSocket path must start with '/', got '" + path + "'");
        }
        this.path = path;
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** @return the exact path, e.g. {@code /api/v1/ws/stream} */
    public String path() {
        return path;
    }

    /** @return the endpoint */
    public WebSocketEndpoint endpoint() {
        return endpoint;
    }

    /** @return the settings */
    public WebSocketSettings settings() {
        return settings;
    }

    /**
     * Returns the number of open connections on this path.
     *
     * @return the count
     */
    public int liveConnections() {
        return live.size();
    }

    /**
     * Returns the open connections.
     *
     * @return an unmodifiable view
     */
    public Collection<WebSocketConnection> connections() {
        return Collections.unmodifiableSet(live);
    }

    /**
     * Counts a connection as open; called by the transport once the upgrade succeeded.
     *
     * @param c the connection
     */
    public void opened(WebSocketConnection c) {
        live.add(c);
    }

    /**
     * Counts a connection as closed; called by the transport when it ends.
     *
     * @param c the connection
     */
    public void closed(WebSocketConnection c) {
        live.remove(c);
    }
}

package io.hfthot.adapters.http;

/**
 * A WebSocket endpoint of a surface, independent of the server implementation. The surface's
 * {@link RequestFilter}s run on the upgrade request first, then {@link #authorize}; either can refuse
 * the upgrade by throwing an {@link ApiException} (401, 403, 429, ...), answered in the surface's error
 * shape. Callbacks for one connection never run concurrently.
 */
public interface WebSocketEndpoint {
    /**
     * Decides whether to accept an upgrade, e.g. checks {@code ?api_key=}; the default accepts.
     *
     * @param upgrade the upgrade request (query, headers, attributes set by filters)
     * @throws ApiException to refuse
     */
    default void authorize(RequestContext upgrade) {
    }

    /**
     * Called once the connection is open.
     *
     * @param connection the connection
     */
    default void onOpen(WebSocketConnection connection) {
    }

    /**
     * Called for each complete text message from the client.
     *
     * @param connection the connection
     * @param text       the message
     */
    default void onText(WebSocketConnection connection, String text) {
    }

    /**
     * Called once when the connection has closed, however it closed.
     *
     * @param connection the connection
     * @param statusCode the close status (1000 normal, 1001 idle timeout or shutdown, 1006 abnormal, ...)
     * @param reason     the reason, possibly empty
     */
    default void onClose(WebSocketConnection connection, int statusCode, String reason) {
    }
}

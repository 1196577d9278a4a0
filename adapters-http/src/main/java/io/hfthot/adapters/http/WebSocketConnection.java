package io.hfthot.adapters.http;

import java.util.Map;

/**
 * The server's handle on one open WebSocket connection, independent of the server implementation.
 * Sending never blocks: messages wait in a bounded queue governed by the endpoint's
 * {@link WebSocketSettings} and {@link SlowClientPolicy}. Thread-safe.
 */
public interface WebSocketConnection {
    /**
     * Returns the connection id (the upgrade request's id).
     *
     * @return the id
     */
    String id();

    /**
     * Returns the upgrade request's query parameters.
     *
     * @return the parameters
     */
    QueryParams query();

    /**
     * Returns the attributes the filters set during the upgrade (e.g. the principal), plus any the
     * endpoint adds; mutable and thread-safe.
     *
     * @return the attributes
     */
    Map<String, Object> attributes();

    /**
     * Queues a text message.
     *
     * @param text the message
     * @return true when queued or sent, false when the connection is closed or the message was refused
     *         by the slow-client policy
     */
    boolean send(String text);

    /**
     * Queues a text message encoded once for many connections (a broadcast); the default sends its text.
     *
     * @param message the message
     * @return as {@link #send(String)}
     */
    default boolean send(EncodedText message) {
        return send(message.text());
    }

    /**
     * Encodes a value with the surface's JSON codec and queues it.
     *
     * @param value the value
     * @return as {@link #send(String)}
     */
    boolean sendJson(Object value);

    /**
     * Starts the close handshake.
     *
     * @param code   an RFC 6455 status code, e.g. 1000 normal, 1001 going away, 1008 policy violation
     * @param reason a short reason (at most 123 bytes of UTF-8)
     */
    void close(int code, String reason);

    /**
     * Tells whether the connection is open.
     *
     * @return false once closing has started
     */
    boolean isOpen();

    /**
     * Returns the number of queued outgoing messages.
     *
     * @return a value within the endpoint's bound
     */
    int queuedMessages();

    /**
     * Returns the number of outgoing messages discarded by {@link SlowClientPolicy#DROP_OLDEST}.
     *
     * @return the count
     */
    long droppedMessages();

    /**
     * Registers a resource closed when the connection closes, e.g. an event-bus subscription, so that
     * disconnecting always unsubscribes. Closed immediately when the connection is already closed.
     *
     * @param resource the resource
     */
    void closeOnDisconnect(AutoCloseable resource);
}

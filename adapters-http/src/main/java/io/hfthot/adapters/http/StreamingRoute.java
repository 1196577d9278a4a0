package io.hfthot.adapters.http;

/**
 * A route handler whose responses stay open and stream (server-sent events): it counts them, so that a surface can
 * report its open streams ({@link HttpSurface#openStreamingResponses()}) the way it reports WebSocket connections.
 */
public interface StreamingRoute extends RouteHandler {
    /**
     * Returns the number of streams currently open.
     *
     * @return the count
     */
    int openStreams();
}

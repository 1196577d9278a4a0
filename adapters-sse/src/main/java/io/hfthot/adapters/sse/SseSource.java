package io.hfthot.adapters.sse;

import io.hfthot.adapters.http.Request;

/**
 * Opens one SSE stream for a request: validate it (throw an {@code ApiException} to answer with an
 * error in the surface's shape instead of a stream), subscribe, and describe the channel.
 */
@FunctionalInterface
public interface SseSource {
    /**
     * Opens a stream.
     *
     * @param request the request, after the surface's filters
     * @return the channel to stream
     * @throws Exception a failure, reported like any route failure (the stream has not started yet)
     */
    SseChannel open(Request request) throws Exception;
}

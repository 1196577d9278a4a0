package io.hfthot.adapters.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a {@link RouteHandler} returns: a status, headers and one of a JSON body (encoded by the
 * surface's codec), raw bytes, or a streaming body (written from the handler's thread, or pushed without one). Immutable; {@link #withHeader} copies.
 */
public final class Response {
    /** Writes a streaming body; the surface flushes and closes the stream afterwards. */
    @FunctionalInterface
    public interface StreamingBody {
        /**
         * Writes the body. Return when the stream is over; an {@link IOException} means the client left.
         *
         * @param out the response body stream; call {@code flush()} to push bytes to the client now
         * @throws IOException when writing fails
         */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Starts a pushed body: called once the headers are set, it must return at once (see {@link StreamSink}). */
    @FunctionalInterface
    public interface PushBody {
        /**
         * Starts writing; the body is written later, from any thread, through the sink, which the body ends.
         *
         * @param sink where the body goes
         */
        void start(StreamSink sink);
    }

    private final int status;
    private final Map<String, String> headers;
    private final Object json;
    private final byte[] bytes;
    private final String contentType;
    private final StreamingBody stream;
    private final PushBody push;

    private Response(int status, Map<String, String> headers, Object json, byte[] bytes, String contentType,
                     StreamingBody stream) {
        this(status, headers, json, bytes, contentType, stream, null);
    }

    private Response(int status, Map<String, String> headers, Object json, byte[] bytes, String contentType,
                     StreamingBody stream, PushBody push) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status must be in [100, 599], got " + status);
        }
        this.status = status;
        this.headers = headers;
        this.json = json;
        this.bytes = bytes;
        this.contentType = contentType;
        this.stream = stream;
        this.push = push;
    }

    /**
     * A JSON response.
     *
     * @param status the status
     * @param body   the value to encode
     * @return the response
     */
    public static Response json(int status, Object body) {
        return new Response(status, Map.of(), Objects.requireNonNull(body, "body"), null,
                "application/json", null);
    }

    /**
     * A 200 JSON response.
     *
     * @param body the value to encode
     * @return the response
     */
    public static Response ok(Object body) {
        return json(200, body);
    }

    /**
     * A 204 response without body.
     *
     * @return the response
     */
    public static Response noContent() {
        return new Response(204, Map.of(), null, null, null, null);
    }

    /**
     * A 304 Not Modified response without body (see {@link ConditionalGet}).
     *
     * @return the response
     */
    public static Response notModified() {
        return new Response(304, Map.of(), null, null, null, null);
    }

    /**
     * A 302 Found response without body, pointing elsewhere.
     *
     * @param location the target, e.g. {@code /v1/docs/}
     * @return the response
     */
    public static Response redirect(String location) {
        return new Response(302, Map.of("Location", Objects.requireNonNull(location, "location")), null, null, null, null);
    }

    /**
     * A response with raw bytes (e.g. Arrow IPC, CSV).
     *
     * @param status      the status
     * @param contentType the media type
     * @param body        the bytes; copied
     * @return the response
     */
    public static Response bytes(int status, String contentType, byte[] body) {
        return new Response(status, Map.of(), null, body.clone(), Objects.requireNonNull(contentType), null);
    }

    /**
     * A streaming response, sent chunked and never compressed (e.g. {@code text/event-stream}).
     *
     * @param status      the status
     * @param contentType the media type
     * @param body        writes the stream
     * @return the response
     */
    public static Response streaming(int status, String contentType, StreamingBody body) {
        return new Response(status, Map.of(), null, null, Objects.requireNonNull(contentType),
                Objects.requireNonNull(body));
    }

    /**
     * A pushed streaming response, sent chunked and never compressed: the handler's thread returns as soon as the
     * body started, and the body is written through a non-blocking {@link StreamSink} (e.g. server-sent events to
     * many clients). A transport that cannot write without blocking runs the sink on the request's thread
     * until the body ends, as it does for {@link #streaming}.
     *
     * @param status      the status
     * @param contentType the media type
     * @param body        starts the body
     * @return the response
     */
    public static Response pushing(int status, String contentType, PushBody body) {
        return new Response(status, Map.of(), null, null, Objects.requireNonNull(contentType), null,
                Objects.requireNonNull(body));
    }

    /**
     * Returns a copy with one more header.
     *
     * @param name  the header name
     * @param value the value
     * @return the new response
     */
    public Response withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
        return new Response(status, Collections.unmodifiableMap(h), json, bytes, contentType, stream, push);
    }

    /** @return the status */
    public int status() {
        return status;
    }

    /** @return the extra headers */
    public Map<String, String> headers() {
        return headers;
    }

    /** @return the JSON value, or null */
    Object jsonBody() {
        return json;
    }

    /** @return the raw body, or null */
    byte[] rawBody() {
        return bytes;
    }

    /** @return the content type, or null for no body */
    String contentType() {
        return contentType;
    }

    /** @return the streaming body, or null */
    StreamingBody streamingBody() {
        return stream;
    }

    /** @return the pushed body, or null */
    PushBody pushBody() {
        return push;
    }

    /** @return whether the body is streamed (blocking or pushed), so of unknown length */
    boolean isStream() {
        return stream != null || push != null;
    }
}

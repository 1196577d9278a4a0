package io.hfthot.adapters.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request and its response as a transport hands them to {@link HttpSurface#handle(ServerExchange)}.
 * This is the only thing a transport implements to run a surface: the {@code com.sun.net.httpserver} one is in
 * {@code io.hfthot.adapters.http.jdk}, the Jetty listener (which runs through it) in
 * {@code io.hfthot.adapters.http.jetty}.
 *
 * <p>Contract: the surface calls {@link #sendResponseHeaders} once, writes the body to the returned stream and
 * closes it, then calls {@link #close()} exactly once. For a pushed body it calls {@link #sendPushedHeaders} instead
 * and, when that returns a sink, writes the body through the sink (possibly after {@link #close()}). Response headers set after {@link #sendResponseHeaders} are
 * ignored. One exchange is used by one thread at a time.
 */
public interface ServerExchange {
    /** @return the request method as sent */
    String method();

    /** @return the path as sent, still percent-encoded (never null; {@code /} at least) */
    String rawPath();

    /** @return the query string as sent, still percent-encoded, or null when there is none */
    String rawQuery();

    /**
     * Returns the first value of a request header, as the client sent it (commas included).
     *
     * @param name the name, case-insensitive
     * @return the value, or null when absent
     */
    String header(String name);

    /** @return every request header, names lower-cased, values in arrival order */
    Map<String, List<String>> headers();

    /** @return the server's side of the connection, or null when the transport does not say */
    InetSocketAddress localAddress();

    /** @return the client's side of the connection, or null when the transport does not say */
    InetSocketAddress remoteAddress();

    /** @return whether the request came over TLS */
    boolean secure();

    /** @return the request body; the surface reads it at most once */
    InputStream requestBody();

    /**
     * Returns the first value of a response header set so far.
     *
     * @param name the name, case-insensitive
     * @return the value, or null when not set
     */
    String responseHeader(String name);

    /**
     * Sets a response header, replacing earlier values.
     *
     * @param name  the name
     * @param value the value
     */
    void setResponseHeader(String name, String value);

    /**
     * Adds a value to a response header.
     *
     * @param name  the name
     * @param value the value
     */
    void addResponseHeader(String name, String value);

    /**
     * Sends the status line and headers.
     *
     * @param status the status code
     * @param length the body length: {@code -1} for no body, {@code 0} for a streamed body of unknown length,
     *               otherwise the exact byte count (as in {@code HttpExchange.sendResponseHeaders})
     * @return the stream the body is written to; the caller closes it
     * @throws IOException when the client is gone
     */
    OutputStream sendResponseHeaders(int status, long length) throws IOException;

    /**
     * Sends the status line and headers of a streamed body of unknown length and hands the body to a sink that
     * outlives this exchange: after {@link #close()} the response stays open until the sink ends or aborts it,
     * and no thread waits meanwhile.
     *
     * @param status the status code
     * @return the sink, or empty when this transport can only stream from the handler's thread (the caller then
     *         uses {@link #sendResponseHeaders} with length 0); nothing has been sent when empty
     * @throws IOException when the client is gone
     */
    default java.util.Optional<StreamSink> sendPushedHeaders(int status) throws IOException {
        return java.util.Optional.empty();
    }

    /** Ends the exchange, releasing the connection for the next request. */
    void close();
}

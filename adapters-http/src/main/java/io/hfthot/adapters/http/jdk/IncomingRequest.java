package io.hfthot.adapters.http.jdk;

import io.hfthot.adapters.http.StreamSink;
import java.util.Optional;
import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Map;

/**
 * The parts of an incoming request the surface reads on every call: raw path, raw query and headers.
 *
 * <p>On {@code io.hfthot.adapters.http.jetty.TransportServer} the Jetty request itself answers
 * ({@code JettyIncomingRequest}, found as the exchange attribute {@link #ATTRIBUTE}); on any other {@code com.sun.net.httpserver} server the
 * answers come from {@link HttpExchange#getRequestURI()} and {@link HttpExchange#getRequestHeaders()},
 * each called once. The reason for the split: jetty-http-spi 12.1's {@code JettyHttpExchangeDelegate}
 * builds a new {@code Headers} map (splitting every value on commas) and re-parses a {@code java.net.URI}
 * from the whole request URL on each of those calls, which profiled at about a fifth of the adapter's
 * per-request cost on a small JSON route.
 *
 * <p>Header values are returned as the client sent them, commas included, as the JDK's own server does.
 */
public interface IncomingRequest {
    /** Exchange attribute under which the Jetty transport publishes the Jetty-backed view. */
    String ATTRIBUTE = IncomingRequest.class.getName();

    /**
     * Returns the view of an exchange: the server's own when it published one, otherwise one read from
     * the JDK API.
     *
     * @param exchange the exchange
     * @return the view
     */
    static IncomingRequest of(HttpExchange exchange) {
        return exchange.getAttribute(ATTRIBUTE) instanceof IncomingRequest published ? published
                : new ExchangeIncomingRequest(exchange);
    }

    /** @return the path as sent, still percent-encoded (never null; {@code /} at least) */
    String rawPath();

    /** @return the query string as sent, still percent-encoded, or null when there is none */
    String rawQuery();

    /**
     * Returns the first value of a header.
     *
     * @param name the name, case-insensitive
     * @return the value, or null when absent
     */
    String header(String name);

    /** @return every header, names lower-cased, values in arrival order */
    Map<String, List<String>> headers();

    /**
     * Takes the response over from the exchange, so that it stays open after the handler returns and is written
     * without blocking (a pushed stream). Call it only right before sending the headers of such a stream.
     *
     * @return the sink, or empty when the server cannot do this (the JDK's own server)
     */
    default Optional<StreamSink> detach() {
        return Optional.empty();
    }
}

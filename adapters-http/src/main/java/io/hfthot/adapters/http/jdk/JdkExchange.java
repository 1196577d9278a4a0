package io.hfthot.adapters.http.jdk;

import com.sun.net.httpserver.HttpExchange;
import io.hfthot.adapters.http.ServerExchange;
import io.hfthot.adapters.http.StreamSink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A {@code com.sun.net.httpserver} exchange seen as the surface's {@link ServerExchange}. */
final class JdkExchange implements ServerExchange {
    private final HttpExchange exchange;
    private final IncomingRequest incoming;

    JdkExchange(HttpExchange exchange) {
        this.exchange = exchange;
        this.incoming = IncomingRequest.of(exchange);
    }

    @Override
    public String method() {
        return exchange.getRequestMethod();
    }

    @Override
    public String rawPath() {
        return incoming.rawPath();
    }

    @Override
    public String rawQuery() {
        return incoming.rawQuery();
    }

    @Override
    public String header(String name) {
        return incoming.header(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        return incoming.headers();
    }

    @Override
    public InetSocketAddress localAddress() {
        return exchange.getLocalAddress();
    }

    @Override
    public InetSocketAddress remoteAddress() {
        return exchange.getRemoteAddress();
    }

    @Override
    public boolean secure() {
        return exchange instanceof com.sun.net.httpserver.HttpsExchange;
    }

    @Override
    public InputStream requestBody() {
        return exchange.getRequestBody();
    }

    @Override
    public String responseHeader(String name) {
        return exchange.getResponseHeaders().getFirst(name);
    }

    @Override
    public void setResponseHeader(String name, String value) {
        exchange.getResponseHeaders().set(name, value);
    }

    @Override
    public void addResponseHeader(String name, String value) {
        exchange.getResponseHeaders().add(name, value);
    }

    @Override
    public OutputStream sendResponseHeaders(int status, long length) throws IOException {
        exchange.sendResponseHeaders(status, length);
        return exchange.getResponseBody();
    }

    @Override
    public Optional<StreamSink> sendPushedHeaders(int status) throws IOException {
        Optional<StreamSink> sink = incoming.detach();
        if (sink.isPresent()) {
            // On jetty-http-spi this only copies the status and headers to the Jetty response; the stream's first
            // write commits them.
            exchange.sendResponseHeaders(status, 0);
        }
        return sink;
    }

    @Override
    public void close() {
        exchange.close();
    }
}

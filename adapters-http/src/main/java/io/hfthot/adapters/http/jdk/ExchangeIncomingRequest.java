package io.hfthot.adapters.http.jdk;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** {@link IncomingRequest} read through the plain JDK API, for servers other than the Jetty transport. */
final class ExchangeIncomingRequest implements IncomingRequest {
    private final Headers headers;
    private final URI uri;

    ExchangeIncomingRequest(HttpExchange exchange) {
        this.headers = exchange.getRequestHeaders();
        this.uri = exchange.getRequestURI();
    }

    @Override
    public String rawPath() {
        String p = uri.getRawPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    @Override
    public String rawQuery() {
        return uri.getRawQuery();
    }

    @Override
    public String header(String name) {
        return headers.getFirst(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> out = new TreeMap<>();
        headers.forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        return out;
    }
}

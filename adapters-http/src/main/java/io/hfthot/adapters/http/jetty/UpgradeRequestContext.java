package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.QueryParams;
import io.hfthot.adapters.http.RequestContext;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** A WebSocket upgrade request seen through {@link RequestContext}, so REST filters apply unchanged. */
final class UpgradeRequestContext implements RequestContext {
    private final Request request;
    private final Response response;
    private final String requestId;
    private final String routePattern;
    private final QueryParams query;
    private final Map<String, Object> attributes = new ConcurrentHashMap<>();

    UpgradeRequestContext(Request request, Response response, String requestId, String routePattern) {
        this.request = request;
        this.response = response;
        this.requestId = requestId;
        this.routePattern = routePattern;
        this.query = QueryParams.parse(request.getHttpURI().getQuery());
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public String method() {
        return request.getMethod().toUpperCase(Locale.ROOT);
    }

    @Override
    public String path() {
        return request.getHttpURI().getDecodedPath();
    }

    @Override
    public String routePattern() {
        return routePattern;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public QueryParams query() {
        return query;
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public void setResponseHeader(String name, String value) {
        response.getHeaders().put(name, value);
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> out = new TreeMap<>();
        for (HttpField f : request.getHeaders()) {
            out.computeIfAbsent(f.getLowerCaseName(), k -> new java.util.ArrayList<>()).add(f.getValue());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}

package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.StreamSink;
import io.hfthot.adapters.http.jdk.IncomingRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A Jetty request that also answers as an {@link IncomingRequest}, straight from Jetty's parsed URI and
 * header fields (no copies), and publishes itself as the request attribute {@link IncomingRequest#ATTRIBUTE}.
 * jetty-http-spi hands this request to the {@code HttpExchange} it builds, whose {@code getAttribute}
 * delegates to it, so {@link HttpSurface} finds it with {@link IncomingRequest#of}. It also carries the Jetty
 * response, so that a pushed stream can take it over ({@link #detach}).
 */
final class JettyIncomingRequest extends Request.Wrapper implements IncomingRequest {
    private final DetachableResponse response;

    private JettyIncomingRequest(Request wrapped, DetachableResponse response) {
        super(wrapped);
        this.response = response;
    }

    /**
     * Returns a handler that wraps every request it passes on.
     *
     * @param next the handler that receives the wrapped requests
     * @return the wrapping handler
     */
    static org.eclipse.jetty.server.Handler publishing(org.eclipse.jetty.server.Handler next) {
        // Fully qualified: inside Request.Wrapper, the simple name Handler means Request.Handler.
        org.eclipse.jetty.server.Handler.Wrapper wrapper = new org.eclipse.jetty.server.Handler.Wrapper() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                DetachableResponse detachable = new DetachableResponse(response, callback);
                return super.handle(new JettyIncomingRequest(request, detachable), detachable.guardedResponse(request),
                        detachable.guardedCallback());
            }
        };
        wrapper.setHandler(next);
        return wrapper;
    }

    @Override
    public Object getAttribute(String name) {
        return ATTRIBUTE.equals(name) ? this : super.getAttribute(name);
    }

    /** The response is taken over from jetty-http-spi's exchange; see {@link DetachableResponse}. */
    @Override
    public Optional<StreamSink> detach() {
        return Optional.of(response.detach());
    }

    @Override
    public String rawPath() {
        String p = getHttpURI().getPath();
        return p == null || p.isEmpty() ? "/" : p;
    }

    @Override
    public String rawQuery() {
        return getHttpURI().getQuery();
    }

    @Override
    public String header(String name) {
        return getHeaders().get(name);
    }

    @Override
    public Map<String, List<String>> headers() {
        Map<String, List<String>> out = new TreeMap<>();
        for (HttpField f : getHeaders()) {
            out.computeIfAbsent(f.getLowerCaseName(), k -> new ArrayList<>()).add(f.getValue());
        }
        out.replaceAll((k, v) -> List.copyOf(v));
        return out;
    }
}

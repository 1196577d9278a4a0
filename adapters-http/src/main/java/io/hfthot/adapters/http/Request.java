package io.hfthot.adapters.http;

import io.hfthot.engine.lab.compute.CancelSignal;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A routed REST request: everything a {@link RequestContext} offers plus path parameters and the body,
 * read lazily up to the surface's limit and decoded with its JSON codec.
 */
public final class Request implements RequestContext {
    private static final Logger LOG = LoggerFactory.getLogger(Request.class);

    private final ServerExchange exchange;
    private final String requestId;
    private final String path;
    private final String routePattern;
    private final Map<String, String> pathParams;
    private final JsonCodec codec;
    private final int maxBodyBytes;
    private final Map<String, Object> attributes = new HashMap<>(4);
    private QueryParams query;
    private byte[] body;

    Request(ServerExchange exchange, String requestId,
            String routePattern, Map<String, String> pathParams, JsonCodec codec, int maxBodyBytes) {
        this.exchange = exchange;
        this.requestId = requestId;
        this.path = HttpSurface.decodePercent(exchange.rawPath(), "path");
        this.routePattern = routePattern;
        this.pathParams = pathParams;
        this.codec = codec;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public String requestId() {
        return requestId;
    }

    @Override
    public String method() {
        return exchange.method().toUpperCase(Locale.ROOT);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String routePattern() {
        return routePattern;
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(exchange.header(name));
    }

    @Override
    public Map<String, List<String>> headers() {
        return exchange.headers();
    }

    @Override
    public QueryParams query() {
        if (query == null) {
            query = QueryParams.parse(exchange.rawQuery());
        }
        return query;
    }

    @Override
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public void setResponseHeader(String name, String value) {
        exchange.setResponseHeader(name, value);
    }

    /**
     * Returns a path parameter declared in the route pattern.
     *
     * @param name the parameter name, as in {@code {name}}
     * @return the decoded value, never empty
     * @throws IllegalStateException when the route has no such parameter (a programming error)
     */
    public String pathParam(String name) {
        String v = pathParams.get(name);
        if (v == null) {
            throw new IllegalStateException("route " + routePattern + " has no path parameter {" + name + "}");
        }
        return v;
    }

    /**
     * Returns a path parameter as a {@code long}.
     *
     * @param name the parameter name
     * @return the value
     * @throws ApiException {@link ErrorKind#INVALID_PARAMS} when it is not an integer
     */
    public long pathParamLong(String name) {
        String v = pathParam(name);
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.invalid("path parameter '" + name + "' = '" + v + "' is not an integer");
        }
    }

    /**
     * Returns all path parameters.
     *
     * @return name to decoded value
     */
    public Map<String, String> pathParams() {
        return pathParams;
    }

    /**
     * Reads the whole body, at most the surface's limit.
     *
     * @return the bytes (empty when there is no body)
     * @throws ApiException {@link ErrorKind#PAYLOAD_TOO_LARGE} beyond the limit
     */
    public byte[] bodyBytes() {
        if (body == null) {
            body = readLimited();
        }
        return body;
    }

    /**
     * Decodes the JSON body.
     *
     * @param type the target type (records supported)
     * @param <T>  the type
     * @return the value
     * @throws ApiException 400 naming the problem, 413 beyond the limit, 415 for a non-JSON content type
     */
    public <T> T body(Class<T> type) {
        String contentType = exchange.header("Content-Type");
        if (contentType != null && !contentType.toLowerCase(Locale.ROOT).contains("json")) {
            throw new ApiException(ErrorKind.UNSUPPORTED_MEDIA_TYPE, "Content-Type '" + contentType
                    + "' is not accepted; send application/json");
        }
        return codec.decode(bodyBytes(), type);
    }

    /**
     * Returns the underlying exchange, for the rare handler that needs the transport's view.
     *
     * @return the exchange
     */
    public ServerExchange exchange() {
        return exchange;
    }

    /**
     * Returns the signal that fires when this request's client closes or resets its connection, for a handler
     * that runs a long computation (see {@link ClientDisconnectWatch}: the kernel's TCP table, polled every
     * 250 ms; never fires where the kernel publishes none). Read the whole body before relying on it.
     *
     * @return the signal
     */
    public CancelSignal clientGone() {
        return ClientDisconnectWatch.shared().signalFor(exchange.localAddress(), exchange.remoteAddress());
    }

    /**
     * Runs a blocking call (an SQL query) on a thread of its own and interrupts it when this request's client
     * goes away ({@link #clientGone()}); see {@link WhileClientConnected}.
     *
     * @param call the call
     * @param <T>  its result type
     * @return its result
     */
    public <T> T whileClientConnected(Supplier<T> call) {
        return WhileClientConnected.call(clientGone(), call);
    }

    private byte[] readLimited() {
        try (InputStream in = exchange.requestBody()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (out.size() + n > maxBodyBytes) {
                    throw tooLarge(maxBodyBytes);
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (IOException e) {
            // The body is the client's to deliver: a read failure (the connection ended before Content-Length
            // bytes, a broken chunked coding, a timeout) is a client error, never a 500, and not worth a stack trace.
            LOG.debug("request {}: reading the body failed: {}", requestId, e.toString());
            exchange.setResponseHeader("Connection", "close");
            throw ApiException.invalid("the request body could not be read: it ended before its Content-Length "
                    + "or the connection failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Returns the error for a body over the surface's limit (413), spelled the same by every transport.
     *
     * @param maxBodyBytes the limit
     * @return the exception to throw or to write
     */
    public static ApiException tooLarge(int maxBodyBytes) {
        return new ApiException(ErrorKind.PAYLOAD_TOO_LARGE, "request body exceeds the limit of " + maxBodyBytes
                + " bytes");
    }
}

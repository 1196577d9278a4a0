package io.hfthot.adapters.http.jetty;

import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's error handler for one surface: the answers Jetty gives by itself (a malformed request line 400,
 * a URI too long 414, headers too large 431, an unknown HTTP version 505, ...) are written in the
 * surface's {@link ErrorShape} as JSON instead of Jetty's HTML page.
 *
 * <p>Jetty's {@link ErrorHandler#handle} works out the status and message (from an {@code HttpException}
 * cause when there is one) and calls {@link #generateResponse} unless the status has no body; the base
 * class then picks HTML, JSON or text from {@code Accept} and writes nothing for other types. This
 * subclass always writes the surface's JSON, whatever the method or {@code Accept}, because API clients
 * parse the body by status, not by content negotiation. 5xx messages are generic, so no exception text
 * reaches the client.
 */
final class SurfaceErrorHandler extends ErrorHandler {
    private final HttpSurface surface;
    private final int requestHeaderBytes;

    /**
     * @param surface            whose shape errors are written in
     * @param requestHeaderBytes the connector's request-line-plus-headers limit, quoted in 414 and 431
     */
    SurfaceErrorHandler(HttpSurface surface, int requestHeaderBytes) {
        this.surface = surface;
        this.requestHeaderBytes = requestHeaderBytes;
    }

    @Override
    public boolean errorPageForMethod(String method) {
        // The base class answers only GET, POST and HEAD with a body; a PUT with a bad header deserves one too.
        return !"HEAD".equalsIgnoreCase(method);
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        ErrorKind kind = ErrorKind.forStatus(code);
        write(response, callback, code, surface.errorBody(kind, clientMessage(code, message)), false);
    }

    private String clientMessage(int code, String jettyMessage) {
        String reason = HttpStatus.getMessage(code);
        return switch (code) {
            case 414 -> "the request URI is too long: request line and headers are limited to " + requestHeaderBytes
                    + " bytes";
            case 431 -> "the request header fields are too large: request line and headers are limited to "
                    + requestHeaderBytes + " bytes";
            case 505 -> "HTTP version not supported; send HTTP/1.1 or HTTP/1.0";
            default -> {
                if (code >= 500 || jettyMessage == null || jettyMessage.isBlank() || jettyMessage.contains("Exception")) {
                    yield reason.toLowerCase(java.util.Locale.ROOT);
                }
                yield jettyMessage.equals(reason) ? reason.toLowerCase(java.util.Locale.ROOT)
                        : reason.toLowerCase(java.util.Locale.ROOT) + ": " + jettyMessage;
            }
        };
    }

    /**
     * Writes a JSON error answer on a Jetty response.
     *
     * @param response the response, not committed
     * @param callback completed when the body is written
     * @param status   the status
     * @param body     the JSON body
     * @param close    whether to close the connection after the answer
     */
    static void write(Response response, Callback callback, int status, byte[] body, boolean close) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        if (close) {
            response.getHeaders().put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
        response.write(true, ByteBuffer.wrap(body), callback);
    }
}

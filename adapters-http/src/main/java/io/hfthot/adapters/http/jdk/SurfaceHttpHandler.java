package io.hfthot.adapters.http.jdk;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.hfthot.adapters.http.HttpSurface;
import java.util.Objects;

/**
 * Mounts an {@link HttpSurface} in any {@code com.sun.net.httpserver} server (the JDK's own, or Jetty's through
 * jetty-http-spi): {@code server.createContext("/", new SurfaceHttpHandler(surface))}. REST routes and SSE streams
 * work there; WebSocket endpoints need {@code io.hfthot.adapters.http.jetty.TransportServer}.
 */
public final class SurfaceHttpHandler implements HttpHandler {
    private final HttpSurface surface;

    /**
     * Wraps a surface.
     *
     * @param surface the surface to serve
     */
    public SurfaceHttpHandler(HttpSurface surface) {
        this.surface = Objects.requireNonNull(surface, "surface");
    }

    /** @return the surface served */
    public HttpSurface surface() {
        return surface;
    }

    @Override
    public void handle(HttpExchange exchange) {
        surface.handle(new JdkExchange(exchange));
    }
}

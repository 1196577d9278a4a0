package io.hfthot.adapters.http.hub;

import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.WebSocketSettings;
import io.hfthot.engine.hub.HubService;
import java.time.Duration;
import java.util.Objects;

/**
 * The entry point that puts seed 004's hub on a surface named {@code hub}: REST routes, the authentication
 * filter, the internal push endpoints and {@code WS /ws}, with errors as {@code {"detail": ...}}.
 *
 * <pre>{@code
 * HubService hub = HubService.start(engine, HubOptions.defaults());
 * TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 9000),
 *         HubHttpSurface.surface(hub, CorsPolicy.disabled()));
 * }</pre>
 */
public final class HubHttpSurface {
    /** The WebSocket path (seed 004). */
    public static final String STREAM_PATH = "/ws";

    private HubHttpSurface() {
    }

    /**
     * Builds the surface.
     *
     * @param hub  the hub service
     * @param cors the browser origins allowed
     * @return the surface
     */
    public static HttpSurface surface(HubService hub, CorsPolicy cors) {
        Objects.requireNonNull(hub, "hub");
        HubStreamEndpoint stream = new HubStreamEndpoint(hub);
        HttpSurface.Builder b = HttpSurface.builder("hub", ErrorShape.DETAIL).cors(cors)
                .filter(new HubAuthFilter(hub.accounts()))
                // Quiet between ticks of slow agents: pings keep clients under the idle timeout.
                .webSocket(STREAM_PATH, stream, WebSocketSettings.defaults().withKeepAlivePing(Duration.ofSeconds(20)))
                .closeOnShutdown(stream);
        new HubRoutes(hub).mount(b);
        return b.build();
    }
}

package io.hfthot.adapters.http.marketmaker;

import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.EventForwarding;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.WebSocketConnection;
import io.hfthot.adapters.http.WebSocketEndpoint;
import io.hfthot.adapters.http.WebSocketSettings;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.SubscriptionOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * Seed 003's market-maker surface as served today: the {@code TradeData} WebSocket stream fed from the event
 * bus, and {@code /health} with the stream's live connection count; errors in seed 003's {@code {"detail": ...}}
 * shape. The bot and its REST API are not written yet.
 */
public final class MarketMakerHttpSurface {
    /** The bus topic whose events the stream pushes as {@code TradeData} messages. */
    public static final String TRADES_TOPIC = "marketmaker.trades";
    /** The WebSocket path (seed 003). */
    public static final String STREAM_PATH = "/api/v1/ws/stream";

    private MarketMakerHttpSurface() {
    }

    /**
     * Builds the surface, named {@code mm}.
     *
     * @param bus  the bus the stream reads {@link #TRADES_TOPIC} from
     * @param cors the browser origins allowed
     * @return the surface, to pass to {@link io.hfthot.adapters.http.jetty.TransportServer#start}
     */
    public static HttpSurface surface(EventBus bus, CorsPolicy cors) {
        Objects.requireNonNull(bus, "bus");
        WebSocketEndpoint stream = new WebSocketEndpoint() {
            @Override
            public void onOpen(WebSocketConnection connection) {
                EventForwarding.toWebSocket(bus, TRADES_TOPIC, SubscriptionOptions.defaults(), connection,
                        Event::payload);
            }
        };
        // Push-only and possibly quiet until the bot publishes: pings keep clients under the idle timeout.
        WebSocketSettings settings = WebSocketSettings.defaults().withKeepAlivePing(Duration.ofSeconds(20));
        // The health route reports the live count of a WebSocket route on the surface being built.
        HttpSurface[] self = new HttpSurface[1];
        self[0] = HttpSurface.builder("mm", ErrorShape.DETAIL)
                .cors(cors)
                .webSocket(STREAM_PATH, stream, settings)
                .get("/health", r -> Response.ok(new Health("ok", self[0].webSocket(STREAM_PATH).liveConnections())))
                .build();
        return self[0];
    }

    /**
     * Seed 003's health body.
     *
     * @param status      always {@code ok} while the server runs
     * @param connections open WebSocket connections on the stream
     */
    public record Health(String status, int connections) {
    }
}

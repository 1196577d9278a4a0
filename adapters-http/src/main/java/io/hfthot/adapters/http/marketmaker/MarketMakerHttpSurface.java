package io.hfthot.adapters.http.marketmaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.EncodedText;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.WebSocketConnection;
import io.hfthot.adapters.http.WebSocketEndpoint;
import io.hfthot.adapters.http.RouteHandler;
import io.hfthot.adapters.http.WebSocketSettings;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.marketmaker.BotParameters;
import io.hfthot.engine.marketmaker.EmergencyStop;
import io.hfthot.engine.marketmaker.MarketMakerService;
import io.hfthot.engine.marketmaker.TradeData;
import io.hfthot.engine.marketmaker.ParameterUpdate;
import io.hfthot.engine.marketmaker.StopRaceException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Seed 003's market-maker surface over a {@link MarketMakerService}: {@code GET /health} with the stream's
 * connection count, {@code WS /api/v1/ws/stream} pushing every {@code TradeData} (ticks and heartbeats),
 * {@code PATCH /api/v1/control/parameters} and {@code POST /api/v1/control/emergency-stop} behind
 * {@link DashboardKey}. Errors are {@code {"detail": ...}}; invalid input is a 422 as FastAPI answers it,
 * an update racing an emergency stop a 409, a control that cannot be recorded (full disk) a 503.
 *
 * <p>The stream writes each message once, straight to UTF-8 bytes ({@link TradeDataJson}, an {@link EncodedText}),
 * and every open connection writes those same bytes (one bus subscription for the surface, not one per dashboard);
 * the bus's thread and a helper thread of the surface's own share the connections ({@link SplitFanOut}); a new
 * connection first receives the latest message.
 */
public final class MarketMakerHttpSurface {
    /** The WebSocket path (seed 003). */
    public static final String STREAM_PATH = "/api/v1/ws/stream";
    /** The parameters route. */
    public static final String PARAMETERS_PATH = "/api/v1/control/parameters";
    /** The kill-switch route. */
    public static final String STOP_PATH = "/api/v1/control/emergency-stop";

    private MarketMakerHttpSurface() {
    }

    /**
     * Builds the surface, named {@code mm}.
     *
     * @param service the market maker
     * @param key     the dashboard key guard
     * @param cors    the browser origins allowed
     * @return the surface, to pass to {@link io.hfthot.adapters.http.jetty.TransportServer#start}
     */
    public static HttpSurface surface(MarketMakerService service, DashboardKey key, CorsPolicy cors) {
        return surface(service, key, cors, UnaryOperator.identity());
    }

    /**
     * Builds the surface, named {@code mm}, with more routes added by the caller (the reference server adds its
     * dashboard's static files this way, so that this module knows nothing of where they live).
     *
     * @param service     the market maker
     * @param key         the dashboard key guard (it guards {@value DashboardKey#CONTROL_PREFIX} routes only)
     * @param cors        the browser origins allowed
     * @param extraRoutes adds routes to the builder and returns it; called once, before the surface is built
     * @return the surface, to pass to {@link io.hfthot.adapters.http.jetty.TransportServer#start}
     */
    public static HttpSurface surface(MarketMakerService service, DashboardKey key, CorsPolicy cors,
                                      UnaryOperator<HttpSurface.Builder> extraRoutes) {
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(extraRoutes, "extraRoutes");
        Objects.requireNonNull(key, "key");
        JsonCodec codec = JsonCodec.standard();
        WebSocketEndpoint stream = new WebSocketEndpoint() {
            @Override
            public void onOpen(WebSocketConnection connection) {
                TradeData latest = service.latest();
                if (latest != null) {
                    connection.send(codec.encodeToString(latest));
                }
            }
        };
        // Push-only: pings keep clients under the idle timeout between heartbeats as well.
        WebSocketSettings settings = WebSocketSettings.defaults().withKeepAlivePing(Duration.ofSeconds(20));
        // The routes read the surface being built (health counts its stream's connections, the broadcast sends to them).
        HttpSurface[] self = new HttpSurface[1];
        SplitFanOut fanOut = new SplitFanOut("hfthot-mm-stream-sender");
        // Only the broadcast listener writes with it, and the bus runs that listener serially.
        TradeDataJson json = new TradeDataJson();
        Subscription broadcast = service.subscribe(new SubscriptionOptions(4096, OverflowPolicy.DROP_OLDEST), event -> {
            HttpSurface surface = self[0];
            if (surface == null) {
                return; // published while the surface was being built: no connection can exist yet
            }
            fanOut.send(json.encode((TradeData) event.payload()), surface.webSocket(STREAM_PATH).connections());
        });
        self[0] = extraRoutes.apply(HttpSurface.builder("mm", ErrorShape.DETAIL)
                .codec(codec)
                .cors(cors)
                .filter(key)
                .webSocket(STREAM_PATH, stream, settings)
                .get("/health", r -> Response.ok(new Health("ok", self[0].webSocket(STREAM_PATH).liveConnections())))
                .patch(PARAMETERS_PATH, controlErrors(r -> updateParameters(service, codec, r)))
                .post(STOP_PATH, controlErrors(r -> stop(service, codec, r)))
                .closeOnShutdown(broadcast)
                .closeOnShutdown(fanOut))
                .build();
        return self[0];
    }

    /**
     * The control routes' one mapping of refusals: a body that does not validate (malformed JSON, unknown field,
     * wrong type, out of range) is a 422 {@code {"detail": ...}}, as FastAPI answers a request-validation error; a
     * read-only data directory is a 503 with the engine's message; a stop race is a 409 (where it is thrown).
     * Failures before the handler (a body cut short, too large) keep the transport's 4xx.
     */
    private static RouteHandler controlErrors(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (ApiException e) {
                if (e.kind() == ErrorKind.INVALID_PARAMS) {
                    return unprocessable(e.getMessage());
                }
                throw e;
            } catch (IllegalArgumentException e) {
                return unprocessable(e.getMessage());
            } catch (EngineException e) {
                if (e.code() == ErrorCode.SERVICE_UNAVAILABLE) {
                    throw new ApiException(ErrorKind.SERVICE_UNAVAILABLE, e.getMessage(), e);
                }
                throw e;
            }
        };
    }

    private static Response unprocessable(String message) {
        return Response.json(422, ErrorShape.DETAIL.body(ErrorKind.INVALID_PARAMS, message));
    }

    private static Response updateParameters(MarketMakerService service, JsonCodec codec, Request request) {
        // Taken before anything else: an emergency stop after this point makes is_running: true a race (409).
        long stopsSeen = service.stopCount();
        ParameterUpdate update = ControlRequests.parameters(body(codec, request));
        try {
            return Response.ok(new Updated("updated", State.of(service.updateParameters(update, stopsSeen))));
        } catch (StopRaceException e) {
            throw new ApiException(ErrorKind.CONFLICT, e.getMessage());
        }
    }

    private static Response stop(MarketMakerService service, JsonCodec codec, Request request) {
        byte[] raw = request.bodyBytes();
        String reason = ControlRequests.reason(raw.length == 0 ? null : codec.decode(raw, JsonNode.class));
        EmergencyStop stop = service.emergencyStop(reason);
        return Response.ok(new Stopped("EMERGENCY_STOP_ACTIVATED", stop.reason()));
    }

    private static JsonNode body(JsonCodec codec, Request request) {
        byte[] raw = request.bodyBytes();
        if (raw.length == 0) {
            throw ApiException.invalid("the body must be a JSON object (BotParams), got nothing");
        }
        return codec.decode(raw, JsonNode.class);
    }

    /**
     * Seed 003's health body.
     *
     * @param status      always {@code ok} while the server runs
     * @param connections open WebSocket connections on the stream
     */
    public record Health(String status, int connections) {
    }

    /**
     * The parameters as seed 003 spells them.
     *
     * @param spreadOffset {@code spread_offset}
     * @param orderSize    {@code order_size}
     * @param maxPosition  {@code max_position}
     * @param minLiquidity {@code min_liquidity}
     * @param isRunning    {@code is_running}
     */
    public record State(double spreadOffset, int orderSize, int maxPosition, double minLiquidity, boolean isRunning) {
        static State of(BotParameters p) {
            return new State(p.spreadOffset(), p.orderSize(), p.maxPosition(), p.minLiquidity(), p.running());
        }
    }

    /**
     * The PATCH answer.
     *
     * @param status       {@code updated}
     * @param currentState the parameters now
     */
    public record Updated(String status, State currentState) {
    }

    /**
     * The emergency-stop answer.
     *
     * @param status {@code EMERGENCY_STOP_ACTIVATED}
     * @param reason the reason given, or null
     */
    public record Stopped(String status, String reason) {
    }
}

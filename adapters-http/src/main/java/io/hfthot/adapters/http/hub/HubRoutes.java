package io.hfthot.adapters.http.hub;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.RouteHandler;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.auth.HubPrincipal;
import io.hfthot.engine.hub.auth.TokenPair;
import io.hfthot.engine.hub.candles.CandleResult;
import io.hfthot.engine.market.Bar;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Seed 004's REST routes: each decodes and validates, makes one hub call and encodes. Engine refusals are
 * translated by {@link HubErrors}; authentication is {@link HubAuthFilter}'s.
 */
final class HubRoutes {
    /** Set on candles answered from stale data: {@code true}. */
    static final String STALE_HEADER = "X-Cache-Stale";
    /** The candles' age in whole seconds. */
    static final String AGE_HEADER = "X-Cache-Age";

    private final HubService hub;
    private final HubInternalRoutes internal;

    HubRoutes(HubService hub) {
        this.hub = hub;
        this.internal = new HubInternalRoutes(hub);
    }

    void mount(HttpSurface.Builder b) {
        b.get("/health", r -> Response.ok(Map.of("status", "ok")));
        b.post("/auth/login", t(this::login));
        b.post("/auth/refresh", t(r -> Response.ok(hub.accounts().refresh(
                Bodies.string(Bodies.object(r), "refresh_token")).toFields())));
        b.post("/api/keys", t(this::createKey));
        b.get("/api/agents", t(r -> Response.ok(hub.agents().list(caller(r)))));
        b.post("/api/agents", t(r -> Response.json(201, hub.agents().create(caller(r), Bodies.object(r)))));
        b.get("/api/agents/{id}", t(r -> Response.ok(hub.agents().get(caller(r), r.pathParam("id")))));
        b.post("/api/agents/{id}/stop", t(r -> Response.ok(hub.agents().stop(caller(r), r.pathParam("id")))));
        b.delete("/api/agents/{id}", t(this::deleteAgent));
        b.post("/api/agents/{id}/plan", t(r -> Response.ok(hub.agents().plan(caller(r), r.pathParam("id")))));
        b.post("/api/agents/{id}/secrets", t(this::putAgentSecret));
        b.post("/api/secrets", t(this::putSecret));
        b.get("/api/secrets", t(r -> Response.ok(Map.of("key_names", hub.secretNames(caller(r))))));
        b.get("/api/market/candles", t(this::candles));
        internal.mount(b);
    }

    static RouteHandler t(RouteHandler h) {
        return HubErrors.translating(h);
    }

    private static HubPrincipal caller(Request r) {
        return HubAuthFilter.principal(r);
    }

    private Response login(Request r) {
        Map<String, Object> body = Bodies.object(r);
        String email = Bodies.string(body, "email");
        String password = Bodies.string(body, "password");
        OptionalLong wait = hub.accounts().admitLogin(email, address(r));
        if (wait.isPresent()) {
            r.setResponseHeader("Retry-After", Long.toString(wait.getAsLong()));
            throw new ApiException(ErrorKind.RATE_LIMITED, "Too many login attempts; retry in " + wait.getAsLong()
                    + " s.");
        }
        TokenPair pair = hub.accounts().loginAdmitted(email, password);
        return Response.ok(pair.toFields());
    }

    private static String address(Request r) {
        InetSocketAddress remote = r.exchange().remoteAddress();
        return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
    }

    private Response createKey(Request r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("api_key", hub.accounts().createApiKey(caller(r)));
        m.put("detail", "Store this key now: the hub keeps only its SHA-256 and cannot show it again. Any previous"
                + " key of yours no longer works.");
        return Response.json(201, m);
    }

    private Response deleteAgent(Request r) {
        String id = r.pathParam("id");
        hub.agents().delete(caller(r), id);
        return Response.ok(Map.of("id", id, "deleted", true));
    }

    private Response putSecret(Request r) {
        Map<String, Object> body = Bodies.object(r);
        String name = Bodies.string(body, "key_name");
        hub.putSecret(caller(r), name, Bodies.string(body, "encrypted_value"));
        return Response.json(201, Map.of("key_name", name, "stored", true));
    }

    private Response putAgentSecret(Request r) {
        Map<String, Object> body = Bodies.object(r);
        String name = Bodies.string(body, "key_name");
        String id = r.pathParam("id");
        hub.putAgentSecret(caller(r), id, name, Bodies.string(body, "encrypted_value"));
        return Response.json(201, Map.of("agent_id", id, "key_name", name, "stored", true));
    }

    private Response candles(Request r) {
        String symbol = r.query().first("symbol").orElse(null);
        String timeframe = r.query().first("timeframe").orElse("1h");
        CandleResult c;
        try {
            c = hub.candles().get(symbol, timeframe);
        } catch (EngineException e) {
            if (e.code() == ErrorCode.RATE_LIMITED) {
                r.setResponseHeader("Retry-After", Long.toString(Math.max(1, hub.candles().retryAfterSeconds())));
            }
            throw e;
        }
        List<Map<String, Object>> rows = c.candles().stream().map(HubRoutes::candle).toList();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", symbol);
        m.put("timeframe", timeframe);
        m.put("stale", c.stale());
        m.put("age_seconds", c.age().toSeconds());
        m.put("candles", rows);
        Response response = Response.ok(m).withHeader(AGE_HEADER, Long.toString(c.age().toSeconds()));
        return c.stale() ? response.withHeader(STALE_HEADER, "true") : response;
    }

    private static Map<String, Object> candle(Bar b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", b.time());
        m.put("open", b.open());
        m.put("high", b.high());
        m.put("low", b.low());
        m.put("close", b.close());
        m.put("volume", b.volume());
        return m;
    }
}

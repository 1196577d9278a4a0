package io.hfthot.adapters.sse.hti;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.CorsPolicy;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.JsonCodec;
import io.hfthot.adapters.http.Request;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.RouteHandler;
import io.hfthot.adapters.http.lab.LabErrors;
import io.hfthot.adapters.sse.SseChannel;
import io.hfthot.adapters.sse.SseEvent;
import io.hfthot.adapters.sse.SseRoute;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.hti.HtiService;
import io.hfthot.engine.hti.IdeaFeed;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiAccess;
import io.hfthot.engine.hti.profile.HtiAuthentication;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Seeds 001 and 002's HTI surface: {@code GET /client-api/hti/auth}, {@code /history} and the SSE
 * {@code /stream}, plus the admin routes of {@link HtiAdminRoutes}; errors in the {@code {"detail": ...}} shape.
 *
 * <p>Bounds: {@code limit} in [1, {@value HtiService#MAX_HISTORY_LIMIT}] (default
 * {@value HtiService#DEFAULT_HISTORY_LIMIT}); {@code poll_seconds} in [1.0, 10.0] (default 2.0); codes longer
 * than {@value #MAX_CODE_LENGTH} characters are refused as invalid without being hashed. Every request with a
 * code counts against the code's {@code request_limit_per_minute}; over it, 429 with {@code Retry-After}.
 *
 * <p>CORS: browsers on any origin may call the surface (the code, not a cookie, authenticates), so a page
 * elsewhere can open the stream with {@code EventSource}.
 */
public final class HtiHttpSurface {
    /** The path prefix of every client route. */
    public static final String PREFIX = "/client-api/hti";
    /** Longest accepted code; ours are 47 characters. */
    public static final int MAX_CODE_LENGTH = 256;
    /** The CORS policy of the surface: any origin, no credentials. */
    public static final CorsPolicy CORS = CorsPolicy.allowing(Set.of("*"));

    private HtiHttpSurface() {
    }

    /**
     * Builds the surface, named {@code hti}.
     *
     * @param hti the service
     * @return the surface; its shutdown ends every open stream with an {@code error} event
     */
    public static HttpSurface surface(HtiService hti) {
        Objects.requireNonNull(hti, "hti");
        JsonCodec codec = JsonCodec.standard();
        IdeaFrames frames = new IdeaFrames(codec);
        SseRoute stream = new SseRoute(request -> open(hti, codec, frames, request));
        HttpSurface.Builder b = HttpSurface.builder("hti", ErrorShape.DETAIL)
                .codec(codec)
                .cors(CORS)
                .get(PREFIX + "/auth", mapped(r -> auth(hti, r)))
                .get(PREFIX + "/history", mapped(r -> history(hti, r)))
                .get(PREFIX + "/stream", stream)
                .closeOnShutdown(stream);
        HtiAdminRoutes.mount(b, hti);
        return b.build();
    }

    /** Maps engine refusals to the surface's errors: the one place where this happens. */
    static RouteHandler mapped(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (EngineException e) {
                throw LabErrors.toApi(e);
            }
        };
    }

    private static Response auth(HtiService hti, Request r) {
        String code = r.header(HtiAccess.HEADER).orElse(null);
        HtiAuthentication.Accepted ok = authenticate(hti, r, code);
        return Response.ok(Map.of("profile", ok.profile().toFields(code.trim(), ok.authenticatedAt())));
    }

    private static Response history(HtiService hti, Request r) {
        HtiAuthentication.Accepted ok = authenticate(hti, r, r.header(HtiAccess.HEADER).orElse(null));
        int limit = r.query().optionalInt("limit", HtiService.DEFAULT_HISTORY_LIMIT, 1, HtiService.MAX_HISTORY_LIMIT);
        List<TradeIdea> ideas = hti.history(ok.profile(), limit);
        List<Map<String, Object>> out = new ArrayList<>(ideas.size());
        ideas.forEach(i -> out.add(i.toFields()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("count", out.size());
        body.put("limit", limit);
        body.put("served_at", hti.clock().instant().toString());
        body.put("ideas", out);
        return Response.ok(body);
    }

    private static SseChannel open(HtiService hti, JsonCodec codec, IdeaFrames frames, Request r) {
        double poll = r.query().optionalDouble("poll_seconds", 2.0, HtiService.MIN_POLL_SECONDS,
                HtiService.MAX_POLL_SECONDS);
        String code = r.query().first("api_code").orElse(null);
        HtiAuthentication.Accepted ok = authenticate(hti, r, code);
        IdeaFeed feed = hti.subscribe(ok.profile());
        Instant now = hti.clock().instant();
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("connected_at", now.toString());
        ready.put("poll_seconds", poll);
        ready.put("profile", ok.profile().toFields(code.trim(), ok.authenticatedAt()));
        return new SseChannel(List.of(SseEvent.json("ready", codec, ready)), feed, frames::frame,
                Duration.ofMillis(Math.round(poll * 1000)),
                () -> SseEvent.json("ping", codec, Map.of("ts", hti.clock().instant().toString())),
                reason -> SseEvent.json("error", codec, Map.of("detail", feed.endMessage(reason))));
    }

    /** Authenticates, or throws the refusal in the surface's shape (429 carries {@code Retry-After}). */
    private static HtiAuthentication.Accepted authenticate(HtiService hti, Request r, String code) {
        if (code != null && code.length() > MAX_CODE_LENGTH) {
            throw new ApiException(ErrorKind.UNAUTHORIZED, "Invalid API code: longer than " + MAX_CODE_LENGTH
                    + " characters.");
        }
        HtiAuthentication result = hti.authenticate(code);
        if (result instanceof HtiAuthentication.Accepted ok) {
            return ok;
        }
        HtiAuthentication.Refused refused = (HtiAuthentication.Refused) result;
        if (refused.status() == 429) {
            long wait = Math.max(1, refused.rateLimit().resetEpochSecond() - hti.clock().instant().getEpochSecond());
            r.setResponseHeader("Retry-After", Long.toString(wait));
            throw new ApiException(ErrorKind.RATE_LIMITED, refused.detail());
        }
        throw new ApiException(ErrorKind.UNAUTHORIZED, refused.detail());
    }
}

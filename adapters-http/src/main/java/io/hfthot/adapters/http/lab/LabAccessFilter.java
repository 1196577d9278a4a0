package io.hfthot.adapters.http.lab;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.RequestContext;
import io.hfthot.adapters.http.RequestFilter;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.access.Authentication;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaDecision;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one filter in front of every seed-000 route: it authenticates {@code X-HFThot-API-Key}, spends one
 * {@link Feature#REST_REQUEST} from the sliding window of the key's account (shared by all its keys), then the
 * route's own feature (tier gate or
 * quota: MFG signals, portfolio optimisations, backtests, Lakehouse SQL, Parquet export), and sets
 * {@code X-RateLimit-Limit}, {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} on the response,
 * refused or not.
 *
 * <p>Headers: the REST window's, unless the route's feature refuses with a limit of its own (an exhausted
 * hourly SQL quota), in which case that limit's headers are sent, so {@code X-RateLimit-Reset} says when
 * to retry. Refusals: 401 {@code UNAUTHORIZED}, 403 {@code TIER_REQUIRED}, 429 {@code RATE_LIMITED}.
 *
 * <p>WebSocket upgrades on a stream path authenticate the key from the {@code api_key} query parameter
 * (seed 000) or the header; they spend no REST request (the stream slot is the endpoint's business).
 * Routes the filter does not know (a server's own {@code /v1/health}, the OpenAPI document) pass untouched.
 * The authenticated {@link Principal} is left in the request attributes under {@link #PRINCIPAL}.
 * Thread-safe.
 */
public final class LabAccessFilter implements RequestFilter {
    /** Attribute holding the authenticated {@link Principal}. */
    public static final String PRINCIPAL = "hfthot.principal";
    /** Query parameter seed 000's WebSocket clients put the key in. */
    public static final String API_KEY_QUERY = "api_key";

    private final AccessControl access;
    private final Clock clock;
    private final Map<String, Optional<Feature>> restRoutes;
    private final Set<String> streamPaths;

    /**
     * Creates the filter.
     *
     * @param access      authentication and quota decisions
     * @param clock       the time of each decision
     * @param restRoutes  gated REST route patterns, each with its extra feature (empty: REST window only)
     * @param streamPaths WebSocket paths whose upgrades are authenticated by {@code api_key}
     */
    public LabAccessFilter(AccessControl access, Clock clock, Map<String, Optional<Feature>> restRoutes,
                           Set<String> streamPaths) {
        this.access = Objects.requireNonNull(access, "access");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.restRoutes = Map.copyOf(restRoutes);
        this.streamPaths = Set.copyOf(streamPaths);
    }

    @Override
    public void filter(RequestContext request) {
        try {
            check(request);
        } catch (EngineException e) {
            // A shared store that cannot be asked (Redis down) refuses with SERVICE_UNAVAILABLE: a 503, never an
            // open door and never a 500.
            throw LabErrors.toApi(e);
        }
    }

    private void check(RequestContext request) {
        String pattern = request.routePattern();
        if (streamPaths.contains(pattern)) {
            String key = request.query().first(API_KEY_QUERY)
                    .or(() -> request.header(AccessControl.API_KEY_HEADER)).orElse(null);
            request.attributes().put(PRINCIPAL, authenticate(key));
            return;
        }
        Optional<Feature> feature = restRoutes.get(pattern);
        if (feature == null) {
            return;
        }
        Principal principal = authenticate(request.header(AccessControl.API_KEY_HEADER).orElse(null));
        Instant now = clock.instant();
        QuotaDecision rest = access.decide(principal, Feature.REST_REQUEST, now);
        rest.rateLimitHeaders().forEach(request::setResponseHeader);
        if (!rest.allowed()) {
            throw LabErrors.refused(rest);
        }
        if (feature.isPresent()) {
            QuotaDecision gated = access.decide(principal, feature.get(), now);
            if (!gated.allowed()) {
                gated.rateLimitHeaders().forEach(request::setResponseHeader);
                throw LabErrors.refused(gated);
            }
        }
        request.attributes().put(PRINCIPAL, principal);
    }

    private Principal authenticate(String rawKey) {
        Authentication auth = access.authenticate(rawKey);
        if (auth instanceof Authentication.Authenticated ok) {
            return ok.principal();
        }
        throw LabErrors.refused(((Authentication.Rejected) auth).decision());
    }

    /**
     * Returns the principal a filter left on a request.
     *
     * @param request the request
     * @return the principal
     * @throws ApiException UNAUTHORIZED when the route was not filtered (a wiring error reported safely)
     */
    public static Principal principal(RequestContext request) {
        return request.attribute(PRINCIPAL, Principal.class).orElseThrow(() ->
                new ApiException(io.hfthot.adapters.http.ErrorKind.UNAUTHORIZED, "missing X-HFThot-API-Key"));
    }
}

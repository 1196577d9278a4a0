package io.hfthot.adapters.http.hub;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.RequestContext;
import io.hfthot.adapters.http.RequestFilter;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.hub.HubAccounts;
import io.hfthot.engine.hub.auth.HubPrincipal;
import io.hfthot.engine.hub.auth.InternalSecret;

/**
 * Authenticates the hub's routes: every {@code /api/*} route takes {@code Authorization: Bearer <jwt>} or
 * {@code X-API-Key} (the principal goes to the {@value #PRINCIPAL} attribute); every {@code /internal/*} route
 * takes {@code X-Internal-Secret}, compared in constant time. {@code /auth/*}, {@code /health} and the WebSocket
 * (which checks its {@code ?token=} itself) pass.
 */
final class HubAuthFilter implements RequestFilter {
    /** The request attribute holding the {@link HubPrincipal}. */
    static final String PRINCIPAL = "hub.principal";

    private final HubAccounts accounts;

    HubAuthFilter(HubAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void filter(RequestContext request) {
        String route = request.routePattern();
        if (route.startsWith("/api/")) {
            try {
                HubPrincipal p = accounts.authenticate(request.header("Authorization").orElse(null),
                        request.header("X-API-Key").orElse(null));
                request.attributes().put(PRINCIPAL, p);
            } catch (EngineException e) {
                request.setResponseHeader("WWW-Authenticate", "Bearer");
                throw HubErrors.toApi(e);
            }
        } else if (route.startsWith("/internal/")
                && !accounts.internalSecretMatches(request.header(InternalSecret.HEADER).orElse(null))) {
            throw new ApiException(ErrorKind.UNAUTHORIZED, "Missing or wrong " + InternalSecret.HEADER + " header.");
        }
    }

    /** Returns the authenticated caller of an {@code /api/*} route. */
    static HubPrincipal principal(RequestContext request) {
        return request.attribute(PRINCIPAL, HubPrincipal.class)
                .orElseThrow(() -> new IllegalStateException("route " + request.routePattern() + " is not under /api/"));
    }
}

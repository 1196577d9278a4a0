package io.hfthot.adapters.http.hub;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.EventForwarding;
import io.hfthot.adapters.http.RequestContext;
import io.hfthot.adapters.http.WebSocketConnection;
import io.hfthot.adapters.http.WebSocketEndpoint;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.hub.HubService;
import io.hfthot.engine.hub.auth.AccessClaims;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Seed 004's {@code WS /ws?token=<access_token>}: the token's owner receives {@code agent_status}, {@code trade}
 * and {@code log} messages of their own agents (their user topic, nothing else). An invalid or expired token is
 * refused at the upgrade with 401; a socket whose token expires while open is closed with 1008 and the reason
 * {@value #EXPIRED_REASON}. Expiry is swept once a second against the hub's clock.
 */
public final class HubStreamEndpoint implements WebSocketEndpoint, AutoCloseable {
    /** The close reason sent when the access token expires. */
    public static final String EXPIRED_REASON = "access token expired; reconnect with a fresh token";
    private static final int POLICY_VIOLATION = 1008;
    private static final String CLAIMS = "hub.claims";

    private final HubService hub;
    private final Map<WebSocketConnection, Instant> expiries = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hfthot-hub-ws-expiry");
        t.setDaemon(true);
        return t;
    });

    HubStreamEndpoint(HubService hub) {
        this.hub = hub;
        sweeper.scheduleWithFixedDelay(this::sweep, 1, 1, TimeUnit.SECONDS);
    }

    @Override
    public void authorize(RequestContext upgrade) {
        String token = upgrade.query().first("token").orElseThrow(() -> new ApiException(ErrorKind.UNAUTHORIZED,
                "Missing ?token=<access_token> query parameter."));
        try {
            upgrade.attributes().put(CLAIMS, hub.accounts().verifyAccessToken(token));
        } catch (EngineException e) {
            throw HubErrors.toApi(e);
        }
    }

    @Override
    public void onOpen(WebSocketConnection connection) {
        AccessClaims claims = (AccessClaims) connection.attributes().get(CLAIMS);
        expiries.put(connection, claims.expiresAt());
        // Drop the oldest messages for a slow client rather than cut it off: status messages supersede each other.
        EventForwarding.toWebSocket(hub.eventBus(), HubService.userTopic(claims.userId()),
                new SubscriptionOptions(10_000, OverflowPolicy.DROP_OLDEST), connection, Event::payload);
        connection.closeOnDisconnect(() -> expiries.remove(connection));
    }

    private void sweep() {
        Instant now = hub.clock().instant();
        expiries.forEach((c, exp) -> {
            if (!now.isBefore(exp)) {
                expiries.remove(c);
                c.close(POLICY_VIOLATION, EXPIRED_REASON);
            }
        });
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

package io.hfthot.engine.hub;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.SurfaceStores;
import io.hfthot.engine.hub.auth.AccessClaims;
import io.hfthot.engine.hub.auth.AccessTokens;
import io.hfthot.engine.hub.auth.HubAuthException;
import io.hfthot.engine.hub.auth.HubAuthService;
import io.hfthot.engine.hub.auth.HubPrincipal;
import io.hfthot.engine.hub.auth.HubUser;
import io.hfthot.engine.hub.auth.InternalSecret;
import io.hfthot.engine.hub.auth.TokenPair;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import java.time.InstantSource;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The hub's accounts over {@link HubAuthService}: login (rate limited per account and per address), refresh with
 * rotation and reuse detection, bearer or API-key authentication, API key generation and the internal secret.
 * Every refusal is an {@link EngineException}: {@code UNAUTHORIZED} for credentials (a {@link HubAuthException}
 * folded in, message kept), {@code RATE_LIMITED} for a locked-out login, {@code INVALID_PARAMS} for a malformed
 * request. Thread-safe.
 */
public final class HubAccounts {
    private final HubAuthService auth;
    private final AccessTokens tokens;
    private final InternalSecret internal;
    private final LoginThrottle throttle = new LoginThrottle();
    private final InstantSource clock;

    HubAccounts(SurfaceStores stores, HubOptions options, byte[] jwtSecret, String internalSecret, InstantSource clock) {
        this.clock = clock;
        this.tokens = new AccessTokens(jwtSecret, AccessTokens.DEFAULT_LIFETIME, clock);
        this.auth = new HubAuthService(stores.hubUsers(), stores.refreshTokens(), stores.hubApiKeys(),
                options.passwords(), tokens, HubAuthService.DEFAULT_REFRESH_LIFETIME, RandomSecrets.system(), clock);
        this.internal = new InternalSecret(internalSecret);
    }

    /**
     * Logs in ({@code POST /auth/login}): {@link #admitLogin} then {@link #loginAdmitted}.
     *
     * @param email    the email
     * @param password the password
     * @param address  the client's address (for the per-address limit)
     * @return the token pair
     * @throws EngineException {@code UNAUTHORIZED}, or {@code RATE_LIMITED} naming the seconds to wait
     */
    public TokenPair login(String email, String password, String address) {
        OptionalLong wait = admitLogin(email, address);
        if (wait.isPresent()) {
            throw new EngineException(ErrorCode.RATE_LIMITED, null, null, "Too many login attempts; retry in "
                    + wait.getAsLong() + " s.", null);
        }
        return loginAdmitted(email, password);
    }

    /**
     * Counts a login attempt against the address and tells whether the address or the account is locked out.
     * An adapter calls it first to answer 429 with {@code Retry-After}, then {@link #loginAdmitted}.
     *
     * @param email   the email
     * @param address the client's address
     * @return seconds until a retry is admitted, or empty when the attempt may proceed
     */
    public OptionalLong admitLogin(String email, String address) {
        return throttle.admit(email, address, clock.instant());
    }

    /**
     * Checks the password of an admitted attempt; a failure counts against the account.
     *
     * @param email    the email
     * @param password the password
     * @return the token pair
     * @throws EngineException {@code UNAUTHORIZED}
     */
    public TokenPair loginAdmitted(String email, String password) {
        try {
            return auth.login(email, password);
        } catch (HubAuthException e) {
            throttle.failed(email, clock.instant());
            throw fold(e);
        }
    }

    /**
     * Exchanges a refresh token ({@code POST /auth/refresh}); a reused token revokes its whole family.
     *
     * @param refreshToken the token
     * @return the new pair
     */
    public TokenPair refresh(String refreshToken) {
        return folding(() -> auth.refresh(refreshToken));
    }

    /**
     * Authenticates an {@code /api/*} request by {@code Authorization: Bearer} or, when absent, {@code X-API-Key}.
     *
     * @param authorization the Authorization header, or null
     * @param apiKey        the X-API-Key header, or null
     * @return the caller
     */
    public HubPrincipal authenticate(String authorization, String apiKey) {
        if (authorization == null && apiKey == null) {
            throw new EngineException(ErrorCode.UNAUTHORIZED, null, null,
                    "Not authenticated: send Authorization: Bearer <access_token> or X-API-Key: <key>.", null);
        }
        return folding(() -> authorization != null ? auth.authenticateBearer(authorization)
                : auth.authenticateApiKey(apiKey));
    }

    /**
     * Verifies a bare access token (the WebSocket's {@code ?token=}) and returns its claims, expiry included.
     *
     * @param token the JWT
     * @return the claims
     */
    public AccessClaims verifyAccessToken(String token) {
        return folding(() -> tokens.verify(token));
    }

    /**
     * Generates the caller's API key ({@code POST /api/keys}), revoking the previous one; shown once.
     *
     * @param caller the caller
     * @return the raw key
     */
    public String createApiKey(HubPrincipal caller) {
        return auth.regenerateApiKey(caller.userId());
    }

    /**
     * Registers a user (the first user at start; not exposed over HTTP).
     *
     * @param email    the email
     * @param password the password, at least 8 characters
     * @return the user
     */
    public HubUser register(String email, String password) {
        return folding(() -> auth.register(email, password));
    }

    /**
     * Checks an {@code X-Internal-Secret} header in constant time.
     *
     * @param presented the header value, may be null
     * @return true on a match
     */
    public boolean internalSecretMatches(String presented) {
        return internal.matches(presented);
    }

    /** Forgets idle login-throttle buckets. */
    void evictIdle() {
        throttle.evictIdle(clock.instant());
    }

    private static <T> T folding(Supplier<T> call) {
        try {
            return call.get();
        } catch (HubAuthException e) {
            throw fold(e);
        }
    }

    /** The one place a {@link HubAuthException} becomes the engine's error model. */
    private static EngineException fold(HubAuthException e) {
        ErrorCode code = e.reason() == HubAuthException.Reason.EMAIL_TAKEN ? ErrorCode.CONFLICT : ErrorCode.UNAUTHORIZED;
        return new EngineException(code, null, null, e.getMessage(), e);
    }
}

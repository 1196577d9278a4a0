package io.hfthot.engine.hub.auth;

import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.UUID;

/**
 * The hub's accounts and credentials (seed 004): registration, login, refresh with rotation, logout,
 * bearer and API-key authentication, API key (re)generation.
 *
 * <p><b>Refresh rotation.</b> Every refresh token is single-use: exchanging it marks it used (atomically)
 * and returns a new pair whose refresh token joins the same family. Presenting a used token again is
 * treated as theft (the legitimate holder and an attacker both hold it), so the whole family is revoked
 * and both must log in again. Logout revokes the family of the token presented.
 *
 * <p>Login spends the same argon2id work for an unknown email as for a wrong password, so response time
 * does not tell which emails are registered. Thread-safe when its stores are.
 */
public final class HubAuthService {
    /** Default refresh token lifetime. */
    public static final Duration DEFAULT_REFRESH_LIFETIME = Duration.ofDays(30);
    private static final String REFRESH_PREFIX = "hrt_";
    private static final String API_KEY_PREFIX = "hub_";
    private static final String BEARER = "bearer ";

    private final HubUserStore users;
    private final RefreshTokenStore refreshTokens;
    private final HubApiKeyStore apiKeys;
    private final Argon2idPasswords passwords;
    private final AccessTokens accessTokens;
    private final Duration refreshLifetime;
    private final RandomSecrets secrets;
    private final InstantSource clock;
    private final String decoyHash;

    /**
     * Creates the service.
     *
     * @param users           user rows
     * @param refreshTokens   refresh token rows
     * @param apiKeys         hub API key rows
     * @param passwords       the argon2id hasher
     * @param accessTokens    the JWT issuer/verifier
     * @param refreshLifetime refresh token lifetime
     * @param secrets         the CSPRNG
     * @param clock           the time source
     */
    public HubAuthService(HubUserStore users, RefreshTokenStore refreshTokens, HubApiKeyStore apiKeys,
                          Argon2idPasswords passwords, AccessTokens accessTokens, Duration refreshLifetime,
                          RandomSecrets secrets, InstantSource clock) {
        if (users == null || refreshTokens == null || apiKeys == null || passwords == null || accessTokens == null
                || secrets == null || clock == null) {
            throw new IllegalArgumentException("every collaborator is required");
        }
        if (refreshLifetime == null || refreshLifetime.isNegative() || refreshLifetime.isZero()) {
            throw new IllegalArgumentException("refreshLifetime must be positive, got " + refreshLifetime);
        }
        this.users = users;
        this.refreshTokens = refreshTokens;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshLifetime = refreshLifetime;
        this.secrets = secrets;
        this.clock = clock;
        this.decoyHash = passwords.hash(secrets.next(""));
    }

    /**
     * Registers a user.
     *
     * @param email    login email
     * @param password password (at least 8 characters)
     * @return the stored user
     * @throws HubAuthException {@code EMAIL_TAKEN}
     */
    public HubUser register(String email, String password) {
        String normalised = HubUser.normaliseEmail(email);
        if (password == null || password.length() < 8) {
            throw new IllegalArgumentException("password must be at least 8 characters");
        }
        HubUser user = new HubUser(UUID.randomUUID().toString(), normalised, passwords.hash(password), clock.instant());
        try {
            users.insert(user);
        } catch (IllegalStateException e) {
            throw new HubAuthException(HubAuthException.Reason.EMAIL_TAKEN, "Email " + normalised
                    + " is already registered.");
        }
        return user;
    }

    /**
     * Logs in with email and password ({@code POST /auth/login}).
     *
     * @param email    the email
     * @param password the password
     * @return a new token pair starting a new refresh family
     * @throws HubAuthException {@code INVALID_CREDENTIALS}
     */
    public TokenPair login(String email, String password) {
        Optional<HubUser> user;
        try {
            user = users.findByEmail(HubUser.normaliseEmail(email));
        } catch (IllegalArgumentException e) {
            user = Optional.empty();
        }
        boolean ok = passwords.verify(password == null ? "" : password,
                user.map(HubUser::passwordHash).orElse(decoyHash)) && user.isPresent();
        if (!ok) {
            throw new HubAuthException(HubAuthException.Reason.INVALID_CREDENTIALS, "Invalid email or password.");
        }
        return issuePair(user.get(), UUID.randomUUID().toString());
    }

    /**
     * Exchanges a refresh token for a new pair ({@code POST /auth/refresh}); the presented token is spent.
     *
     * @param refreshToken the refresh token
     * @return the new pair
     * @throws HubAuthException {@code REFRESH_INVALID} or {@code REFRESH_REUSED}
     */
    public TokenPair refresh(String refreshToken) {
        RefreshTokenRecord row = findRefresh(refreshToken);
        Instant now = clock.instant();
        if (row.revokedAt() != null) {
            throw new HubAuthException(HubAuthException.Reason.REFRESH_INVALID, "Refresh token was revoked; log in again.");
        }
        if (row.usedAt() != null || !refreshTokens.markUsed(row.fingerprint(), now)) {
            refreshTokens.revokeFamily(row.familyId(), now);
            throw new HubAuthException(HubAuthException.Reason.REFRESH_REUSED,
                    "Refresh token was already used; every session from that login is revoked. Log in again.");
        }
        if (!now.isBefore(row.expiresAt())) {
            throw new HubAuthException(HubAuthException.Reason.REFRESH_INVALID,
                    "Refresh token expired at " + row.expiresAt() + "; log in again.");
        }
        HubUser user = users.findById(row.userId()).orElseThrow(() -> new HubAuthException(
                HubAuthException.Reason.REFRESH_INVALID, "Refresh token's user no longer exists."));
        return issuePair(user, row.familyId());
    }

    /**
     * Revokes the session a refresh token belongs to (its whole family).
     *
     * @param refreshToken the refresh token
     * @return the number of tokens revoked
     */
    public int logout(String refreshToken) {
        RefreshTokenRecord row = findRefresh(refreshToken);
        return refreshTokens.revokeFamily(row.familyId(), clock.instant());
    }

    /**
     * Revokes every refresh token and API key of a user (password change, compromise).
     *
     * @param userId the user
     * @return the number of credentials revoked
     */
    public int revokeEverything(String userId) {
        Instant now = clock.instant();
        return refreshTokens.revokeUser(userId, now) + apiKeys.revokeUser(userId, now);
    }

    /**
     * Authenticates an {@code Authorization} header value or a bare token (e.g. the WebSocket's
     * {@code token} query parameter).
     *
     * @param authorization {@code Bearer <jwt>} or {@code <jwt>}
     * @return the caller
     * @throws HubAuthException {@code TOKEN_INVALID} or {@code TOKEN_EXPIRED}
     */
    public HubPrincipal authenticateBearer(String authorization) {
        String token = authorization;
        if (token != null && token.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            token = token.substring(BEARER.length());
        }
        AccessClaims claims = accessTokens.verify(token);
        return new HubPrincipal(claims.userId(), HubPrincipal.Method.JWT);
    }

    /**
     * Authenticates an {@code X-API-Key} header value.
     *
     * @param rawKey the presented key
     * @return the caller
     * @throws HubAuthException {@code API_KEY_INVALID}
     */
    public HubPrincipal authenticateApiKey(String rawKey) {
        if (rawKey == null || rawKey.isBlank()) {
            throw new HubAuthException(HubAuthException.Reason.API_KEY_INVALID, "Missing API key.");
        }
        Fingerprint presented = Fingerprint.of(rawKey.trim());
        return apiKeys.find(presented)
                .filter(row -> row.active() && row.fingerprint().matches(presented))
                .map(row -> new HubPrincipal(row.userId(), HubPrincipal.Method.API_KEY))
                .orElseThrow(() -> new HubAuthException(HubAuthException.Reason.API_KEY_INVALID,
                        "Invalid API key: unknown or regenerated."));
    }

    /**
     * Generates a user's API key ({@code POST /api/keys}), revoking the previous ones: a key is
     * "permanent until regenerated". The raw key is returned once; only its SHA-256 is stored.
     *
     * @param userId the user
     * @return the raw key
     */
    public String regenerateApiKey(String userId) {
        if (users.findById(userId).isEmpty()) {
            throw new IllegalArgumentException("userId " + userId + " is not a registered user");
        }
        Instant now = clock.instant();
        apiKeys.revokeUser(userId, now);
        String raw = secrets.next(API_KEY_PREFIX);
        apiKeys.insert(new HubApiKeyRecord(Fingerprint.of(raw), userId,
                API_KEY_PREFIX + "…" + raw.substring(raw.length() - 4), now, null));
        return raw;
    }

    private RefreshTokenRecord findRefresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank()) {
            throw new HubAuthException(HubAuthException.Reason.REFRESH_INVALID, "Missing refresh_token.");
        }
        Fingerprint presented = Fingerprint.of(refreshToken.trim());
        return refreshTokens.find(presented).filter(row -> row.fingerprint().matches(presented))
                .orElseThrow(() -> new HubAuthException(HubAuthException.Reason.REFRESH_INVALID,
                        "Invalid refresh token."));
    }

    private TokenPair issuePair(HubUser user, String familyId) {
        Instant now = clock.instant();
        String refresh = secrets.next(REFRESH_PREFIX);
        refreshTokens.insert(new RefreshTokenRecord(Fingerprint.of(refresh), user.userId(), familyId, now,
                now.plus(refreshLifetime), null, null));
        return new TokenPair(accessTokens.issue(user), refresh, accessTokens.lifetime().toSeconds());
    }
}

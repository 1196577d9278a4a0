package io.hfthot.engine.hub.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;

/**
 * Issues and verifies the hub's HS256 JWT access tokens with Nimbus JOSE+JWT.
 *
 * <p>Expiry is checked against the injected clock rather than Nimbus's {@code DefaultJWTClaimsVerifier},
 * which reads the system clock; a token is valid while {@code now < exp}. The header algorithm must be
 * HS256 (an {@code alg: none} or RS256 token is refused before any signature check), the issuer must be
 * this hub's and the {@code token_use} claim must be {@code access}. Thread-safe.
 */
public final class AccessTokens {
    /** Seed 004's access token lifetime. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    private static final String ISSUER = "hfthot-hub";
    private static final String USE_CLAIM = "token_use";
    private static final String EMAIL_CLAIM = "email";

    private final byte[] secret;
    private final Duration lifetime;
    private final InstantSource clock;

    /**
     * Creates the issuer/verifier.
     *
     * @param secret   the HMAC key, at least 32 bytes (copied)
     * @param lifetime token lifetime
     * @param clock    the time source
     */
    public AccessTokens(byte[] secret, Duration lifetime, InstantSource clock) {
        if (secret == null || secret.length < 32) {
            throw new IllegalArgumentException("secret must be at least 32 bytes for HS256, got "
                    + (secret == null ? "null" : secret.length + " bytes"));
        }
        if (lifetime == null || lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("lifetime must be positive, got " + lifetime);
        }
        if (clock == null) {
            throw new IllegalArgumentException("clock must not be null");
        }
        this.secret = secret.clone();
        this.lifetime = lifetime;
        this.clock = clock;
    }

    /**
     * Returns the configured lifetime.
     *
     * @return the lifetime
     */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Issues an access token for a user.
     *
     * @param user the user
     * @return the compact JWT
     */
    public String issue(HubUser user) {
        // JWT NumericDate has whole seconds: truncate so the token's claims round-trip exactly.
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .subject(user.userId())
                .claim(EMAIL_CLAIM, user.email())
                .claim(USE_CLAIM, "access")
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(lifetime)))
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(new MACSigner(secret));
        } catch (JOSEException e) {
            throw new IllegalStateException("HS256 signing failed with a valid key", e);
        }
        return jwt.serialize();
    }

    /**
     * Verifies an access token.
     *
     * @param token the compact JWT (without the {@code Bearer } prefix)
     * @return the claims
     * @throws HubAuthException {@code TOKEN_INVALID} or {@code TOKEN_EXPIRED}
     */
    public AccessClaims verify(String token) {
        if (token == null || token.isBlank()) {
            throw new HubAuthException(HubAuthException.Reason.TOKEN_INVALID, "Missing access token.");
        }
        try {
            SignedJWT jwt = SignedJWT.parse(token.trim());
            if (!JWSAlgorithm.HS256.equals(jwt.getHeader().getAlgorithm())) {
                throw invalid("Access token must be signed with HS256.");
            }
            if (!jwt.verify(new MACVerifier(secret))) {
                throw invalid("Access token signature does not verify.");
            }
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (!ISSUER.equals(claims.getIssuer()) || !"access".equals(claims.getStringClaim(USE_CLAIM))
                    || claims.getSubject() == null || claims.getExpirationTime() == null
                    || claims.getIssueTime() == null || claims.getJWTID() == null
                    || claims.getStringClaim(EMAIL_CLAIM) == null) {
                throw invalid("Access token is not a hub access token.");
            }
            Instant expiresAt = claims.getExpirationTime().toInstant();
            if (!clock.instant().isBefore(expiresAt)) {
                throw new HubAuthException(HubAuthException.Reason.TOKEN_EXPIRED,
                        "Access token expired at " + expiresAt + "; refresh it at /auth/refresh.");
            }
            return new AccessClaims(claims.getSubject(), claims.getStringClaim(EMAIL_CLAIM), claims.getJWTID(),
                    claims.getIssueTime().toInstant(), expiresAt);
        } catch (ParseException e) {
            throw invalid("Access token is not a well-formed JWT.");
        } catch (JOSEException e) {
            throw invalid("Access token could not be verified.");
        }
    }

    private static HubAuthException invalid(String message) {
        return new HubAuthException(HubAuthException.Reason.TOKEN_INVALID, message);
    }
}

package io.hfthot.engine.hub.auth;

import java.time.Instant;

/**
 * The verified content of an access token.
 *
 * @param userId    the subject
 * @param email     the user's email
 * @param tokenId   the token's {@code jti}
 * @param issuedAt  {@code iat}
 * @param expiresAt {@code exp}
 */
public record AccessClaims(String userId, String email, String tokenId, Instant issuedAt, Instant expiresAt) {
    /** Validates the components. */
    public AccessClaims {
        if (userId == null || email == null || tokenId == null || issuedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("every access claim is required");
        }
    }
}

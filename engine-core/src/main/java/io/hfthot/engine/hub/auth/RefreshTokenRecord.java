package io.hfthot.engine.hub.auth;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;

/**
 * The stored row of a refresh token: its fingerprint, never the token.
 *
 * <p>Tokens rotated from one login form a family; presenting a used token revokes the family.
 *
 * @param fingerprint SHA-256 of the token
 * @param userId      the owner
 * @param familyId    the login the token descends from
 * @param issuedAt    issue time
 * @param expiresAt   end of validity (exclusive)
 * @param usedAt      when it was exchanged for a new pair, or null
 * @param revokedAt   when it was revoked, or null
 */
public record RefreshTokenRecord(Fingerprint fingerprint, String userId, String familyId, Instant issuedAt,
                                 Instant expiresAt, Instant usedAt, Instant revokedAt) {
    /** Validates the components. */
    public RefreshTokenRecord {
        if (fingerprint == null || userId == null || familyId == null || issuedAt == null || expiresAt == null) {
            throw new IllegalArgumentException("fingerprint, userId, familyId, issuedAt and expiresAt are required");
        }
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("expiresAt " + expiresAt + " must follow issuedAt " + issuedAt);
        }
    }

    /**
     * Tells whether the token can still be exchanged at {@code now}.
     *
     * @param now the current time
     * @return true when unused, unrevoked and unexpired
     */
    public boolean usableAt(Instant now) {
        return usedAt == null && revokedAt == null && now.isBefore(expiresAt);
    }
}

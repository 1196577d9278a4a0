package io.hfthot.engine.hub.auth;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.Optional;

/**
 * Where refresh token rows live.
 *
 * <p>Contract: {@link #markUsed} is an atomic compare-and-set: of any number of concurrent calls for one
 * token exactly one returns true, and only if the token was neither used nor revoked; revocations are
 * idempotent and keep the first time. Thread-safe.
 */
public interface RefreshTokenStore {
    /**
     * Adds a row.
     *
     * @param row the row
     * @throws IllegalStateException when the fingerprint exists
     */
    void insert(RefreshTokenRecord row);

    /**
     * Finds a row.
     *
     * @param fingerprint SHA-256 of the presented token
     * @return the row, or empty
     */
    Optional<RefreshTokenRecord> find(Fingerprint fingerprint);

    /**
     * Marks a token used, once.
     *
     * @param fingerprint the token
     * @param at          the time of use
     * @return true for the one call that moved it from unused to used
     */
    boolean markUsed(Fingerprint fingerprint, Instant at);

    /**
     * Revokes every token of a family.
     *
     * @param familyId the family
     * @param at       revocation time
     * @return the number of rows newly revoked
     */
    int revokeFamily(String familyId, Instant at);

    /**
     * Revokes every token of a user.
     *
     * @param userId the user
     * @param at     revocation time
     * @return the number of rows newly revoked
     */
    int revokeUser(String userId, Instant at);
}

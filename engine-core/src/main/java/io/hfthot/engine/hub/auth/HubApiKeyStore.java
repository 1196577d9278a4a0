package io.hfthot.engine.hub.auth;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where hub API key rows live (fingerprints only).
 *
 * <p>Contract: {@link #insert} refuses a duplicate fingerprint; {@link #find} is O(1) and returns
 * revoked rows too; {@link #revokeUser} revokes every active key of a user (regeneration) and returns how
 * many; {@link #byUser} lists by creation time. Thread-safe.
 */
public interface HubApiKeyStore {
    /**
     * Adds a row.
     *
     * @param row the row
     * @throws IllegalStateException when the fingerprint exists
     */
    void insert(HubApiKeyRecord row);

    /**
     * Finds a row.
     *
     * @param fingerprint SHA-256 of the presented key
     * @return the row, or empty
     */
    Optional<HubApiKeyRecord> find(Fingerprint fingerprint);

    /**
     * Revokes every active key of a user.
     *
     * @param userId the user
     * @param at     revocation time
     * @return the number of keys revoked
     */
    int revokeUser(String userId, Instant at);

    /**
     * Lists a user's keys.
     *
     * @param userId the user
     * @return rows by creation time
     */
    List<HubApiKeyRecord> byUser(String userId);
}

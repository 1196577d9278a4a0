package io.hfthot.engine.identity;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where API key rows live. Holds fingerprints only: an implementation never sees a raw key.
 *
 * <p>Contract: {@link #insert} refuses a fingerprint already present; {@link #find} is O(1) in the
 * number of keys (a hash index on the fingerprint) and returns revoked rows too; {@link #revoke} is
 * idempotent and keeps the first revocation time; {@link #byOwner} returns rows in creation order.
 * Implementations are thread-safe; revocation is visible to every later {@code find}.
 * In-memory default: {@link InMemoryApiKeyStore}; a lakehouse-backed store keeps the same rows in an
 * {@code api_keys} Delta table (seed 000 time-travels it) and an in-memory index in front.
 */
public interface ApiKeyStore {
    /**
     * Adds a row.
     *
     * @param row the row
     * @throws IllegalStateException when a row with the same fingerprint exists
     */
    void insert(ApiKeyRecord row);

    /**
     * Adds a row unless its owner already holds {@code maxLive} or more active rows: the per-account live-key
     * cap. Counting and inserting are one atomic step with respect to every other call of this method on the same
     * data, so concurrent calls never leave an owner with more than {@code maxLive} active rows; for a store shared
     * by several processes (Redis) that holds across all of them.
     *
     * @param row     the row
     * @param maxLive the most active rows its owner may hold after the insert, at least 1
     * @return true when inserted, false when the owner was at the cap (nothing written)
     * @throws IllegalArgumentException when {@code maxLive} is below 1
     * @throws IllegalStateException    when a row with the same fingerprint exists
     */
    boolean insertWithinCap(ApiKeyRecord row, int maxLive);

    /**
     * Looks a row up by fingerprint.
     *
     * @param fingerprint SHA-256 of the presented key
     * @return the row, active or revoked, or empty
     */
    Optional<ApiKeyRecord> find(Fingerprint fingerprint);

    /**
     * Looks a row up by its public key id.
     *
     * @param keyId the fingerprint's short id
     * @return the row, or empty
     */
    Optional<ApiKeyRecord> findByKeyId(String keyId);

    /**
     * Marks a row revoked.
     *
     * @param fingerprint the key's fingerprint
     * @param at          revocation time (ignored when already revoked)
     * @return the row after the call, or empty when unknown
     */
    Optional<ApiKeyRecord> revoke(Fingerprint fingerprint, Instant at);

    /**
     * Lists an owner's rows.
     *
     * @param ownerId the owner
     * @return rows in creation order, possibly empty
     */
    List<ApiKeyRecord> byOwner(String ownerId);
}

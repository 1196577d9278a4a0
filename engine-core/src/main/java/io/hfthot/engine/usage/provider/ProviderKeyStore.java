package io.hfthot.engine.usage.provider;

import java.util.List;
import java.util.Optional;

/**
 * Where sealed provider keys live, one row per (owner, provider).
 *
 * <p>Contract: {@link #put} inserts or replaces the row of its (owner, provider); rows are returned
 * byte-for-byte as stored (the store never decrypts, it holds no key); {@link #byOwner} lists rows
 * sorted by provider; {@link #delete} returns whether a row existed. Thread-safe.
 */
public interface ProviderKeyStore {
    /**
     * Inserts or replaces a row.
     *
     * @param row the row
     */
    void put(ProviderKeyRecord row);

    /**
     * Finds a row.
     *
     * @param ownerId  the owner
     * @param provider the normalised provider name
     * @return the row, or empty
     */
    Optional<ProviderKeyRecord> find(String ownerId, String provider);

    /**
     * Lists an owner's rows.
     *
     * @param ownerId the owner
     * @return rows sorted by provider
     */
    List<ProviderKeyRecord> byOwner(String ownerId);

    /**
     * Deletes a row.
     *
     * @param ownerId  the owner
     * @param provider the normalised provider name
     * @return true when a row was deleted
     */
    boolean delete(String ownerId, String provider);
}

package io.hfthot.engine.hub.secrets;

import java.util.List;
import java.util.Optional;

/**
 * Where sealed secrets live, one row per (scope, key name).
 *
 * <p>Contract: {@link #put} inserts or replaces; rows come back byte-for-byte as stored (the store holds
 * no key and never decrypts); {@link #list} returns a scope's rows sorted by key name; {@link #delete}
 * returns whether a row existed. Thread-safe.
 */
public interface SecretStore {
    /**
     * Inserts or replaces a row.
     *
     * @param secret the row
     */
    void put(StoredSecret secret);

    /**
     * Finds a row.
     *
     * @param scope   whose
     * @param keyName the name
     * @return the row, or empty
     */
    Optional<StoredSecret> find(SecretScope scope, String keyName);

    /**
     * Lists a scope's rows.
     *
     * @param scope whose
     * @return rows sorted by key name
     */
    List<StoredSecret> list(SecretScope scope);

    /**
     * Deletes a row.
     *
     * @param scope   whose
     * @param keyName the name
     * @return true when a row was deleted
     */
    boolean delete(SecretScope scope, String keyName);
}

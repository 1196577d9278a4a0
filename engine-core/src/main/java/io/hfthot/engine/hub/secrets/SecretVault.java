package io.hfthot.engine.hub.secrets;

import io.hfthot.engine.identity.crypto.AesGcmSealer;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Stores secrets sealed and answers with key names only; values are opened solely to hand them to the
 * agent that runs with them ({@link #environmentFor}).
 *
 * <p>Each value is sealed with the scope and key name as AES-GCM associated data, so a row moved to
 * another user, agent or name fails to open. Thread-safe.
 */
public final class SecretVault {
    private final SecretStore store;
    private final AesGcmSealer sealer;
    private final InstantSource clock;

    /**
     * Creates the vault.
     *
     * @param store  where sealed rows live
     * @param sealer the AES-GCM sealer
     * @param clock  the time source
     */
    public SecretVault(SecretStore store, AesGcmSealer sealer, InstantSource clock) {
        if (store == null || sealer == null || clock == null) {
            throw new IllegalArgumentException("store, sealer and clock must not be null");
        }
        this.store = store;
        this.sealer = sealer;
        this.clock = clock;
    }

    /**
     * Stores (or replaces) a secret ({@code POST /api/secrets}, {@code POST /api/agents/{id}/secrets}).
     *
     * @param scope   whose
     * @param keyName the name
     * @param value   the value as received (sealed before it reaches the store)
     */
    public void put(SecretScope scope, String keyName, String value) {
        String name = StoredSecret.checkKeyName(keyName);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("encrypted_value for " + name + " must not be empty");
        }
        store.put(new StoredSecret(scope, name, sealer.seal(value, aad(scope, name)), clock.instant()));
    }

    /**
     * Lists key names ({@code GET /api/secrets}); values are never returned.
     *
     * @param scope whose
     * @return key names, sorted
     */
    public List<String> names(SecretScope scope) {
        return store.list(scope).stream().map(StoredSecret::keyName).collect(Collectors.toUnmodifiableList());
    }

    /**
     * Deletes a secret.
     *
     * @param scope   whose
     * @param keyName the name
     * @return true when it existed
     */
    public boolean delete(SecretScope scope, String keyName) {
        return store.delete(scope, keyName);
    }

    /**
     * Opens the secrets an agent runs with: the user's, overridden by the agent's own.
     *
     * @param userId  the owner
     * @param agentId the agent
     * @return key name to value
     * @throws io.hfthot.engine.identity.crypto.SealedValueException when a stored value was tampered with
     */
    public Map<String, String> environmentFor(String userId, String agentId) {
        Map<String, String> env = new LinkedHashMap<>();
        for (SecretScope scope : List.of(SecretScope.user(userId), SecretScope.agent(userId, agentId))) {
            for (StoredSecret secret : store.list(scope)) {
                env.put(secret.keyName(), sealer.open(secret.sealed(), aad(scope, secret.keyName())));
            }
        }
        return env;
    }

    private static String aad(SecretScope scope, String keyName) {
        return "hub-secret|" + scope.key() + "|" + keyName;
    }
}

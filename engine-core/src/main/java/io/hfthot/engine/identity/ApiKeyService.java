package io.hfthot.engine.identity;

import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;

/**
 * Issues, verifies and revokes HFThot API keys.
 *
 * <p>A key is the tier prefix followed by 256 random bits in base64url; only its SHA-256 fingerprint
 * is stored. Verification hashes the presented key, finds the row by fingerprint (O(1)) and accepts it
 * only when the row is active and its recorded tier's prefix matches the presented key: a key cannot
 * claim another tier by changing its prefix, because the prefix is part of what was hashed.
 * Thread-safe when its store is.
 */
public final class ApiKeyService {
    private static final int HINT_TAIL = 4;

    private final ApiKeyStore store;
    private final RandomSecrets secrets;
    private final InstantSource clock;

    /**
     * Creates the service.
     *
     * @param store   where rows are kept
     * @param secrets the CSPRNG
     * @param clock   the time source for created/revoked times
     */
    public ApiKeyService(ApiKeyStore store, RandomSecrets secrets, InstantSource clock) {
        if (store == null || secrets == null || clock == null) {
            throw new IllegalArgumentException("store, secrets and clock must not be null");
        }
        this.store = store;
        this.secrets = secrets;
        this.clock = clock;
    }

    /**
     * Issues a key. The raw key is in the result and nowhere else: show it once.
     *
     * @param ownerId the owning account
     * @param tier    the key's tier
     * @return the raw key and its stored row
     */
    public IssuedApiKey issue(String ownerId, Tier tier) {
        IssuedApiKey issued = newKey(ownerId, tier);
        store.insert(issued.record());
        return issued;
    }

    /**
     * Issues a key unless its owner already holds {@code maxLive} live keys, checked and inserted atomically by
     * the store ({@link ApiKeyStore#insertWithinCap}), so concurrent creations, on any replica sharing the store,
     * never pass the cap.
     *
     * @param ownerId the owning account
     * @param tier    the key's tier
     * @param maxLive the owner's live-key cap, at least 1
     * @return the raw key and its stored row, or empty when the owner was at the cap (nothing stored)
     */
    public Optional<IssuedApiKey> issueWithinCap(String ownerId, Tier tier, int maxLive) {
        IssuedApiKey issued = newKey(ownerId, tier);
        return store.insertWithinCap(issued.record(), maxLive) ? Optional.of(issued) : Optional.empty();
    }

    private IssuedApiKey newKey(String ownerId, Tier tier) {
        if (ownerId == null || ownerId.isBlank()) {
            throw new IllegalArgumentException("ownerId must not be blank, got " + ownerId);
        }
        if (tier == null) {
            throw new IllegalArgumentException("tier must be one of " + List.of(Tier.values()) + ", got null");
        }
        String raw = secrets.next(tier.keyPrefix());
        String hint = tier.keyPrefix() + "…" + raw.substring(raw.length() - HINT_TAIL);
        return new IssuedApiKey(raw, new ApiKeyRecord(Fingerprint.of(raw), hint, ownerId, tier, clock.instant(), null));
    }

    /**
     * Finds the active principal a raw key authenticates as.
     *
     * @param rawKey the key as presented (may be null)
     * @return the principal, or empty when the key is missing, malformed, unknown or revoked
     */
    public Optional<Principal> verify(String rawKey) {
        Optional<Tier> claimed = Tier.ofKey(rawKey);
        if (claimed.isEmpty()) {
            return Optional.empty();
        }
        Fingerprint presented = Fingerprint.of(rawKey);
        return store.find(presented)
                .filter(row -> row.active() && row.tier() == claimed.get() && row.fingerprint().matches(presented))
                .map(ApiKeyRecord::principal);
    }

    /**
     * Revokes a key by its public id.
     *
     * @param keyId the key id shown in key lists
     * @return the revoked row, or empty when no key has that id
     */
    public Optional<ApiKeyRecord> revoke(String keyId) {
        return store.findByKeyId(keyId).flatMap(row -> store.revoke(row.fingerprint(), clock.instant()));
    }

    /**
     * Finds a key's row by its public id.
     *
     * @param keyId the key id shown in key lists
     * @return the row, active or revoked, or empty
     */
    public Optional<ApiKeyRecord> find(String keyId) {
        return store.findByKeyId(keyId);
    }

    /**
     * Lists an owner's keys (fingerprints and hints only).
     *
     * @param ownerId the owner
     * @return rows in creation order
     */
    public List<ApiKeyRecord> keysOf(String ownerId) {
        return store.byOwner(ownerId);
    }
}

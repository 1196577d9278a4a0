package io.hfthot.engine.hti.profile;

import io.hfthot.engine.identity.crypto.Fingerprint;
import java.util.List;
import java.util.Optional;

/**
 * Where HTI profiles live, keyed by the fingerprint of their code.
 *
 * <p>Contract: {@link #insert} refuses a fingerprint already present; {@link #find} is O(1);
 * {@link #replace} updates an existing profile (same fingerprint) and returns false for an unknown one;
 * {@link #all} lists profiles by creation time. Stores never see a code in clear. Thread-safe.
 */
public interface ProfileStore {
    /**
     * Adds a profile.
     *
     * @param profile the profile
     * @throws IllegalStateException when its fingerprint exists
     */
    void insert(HtiProfile profile);

    /**
     * Finds a profile.
     *
     * @param fingerprint SHA-256 of the presented code
     * @return the profile, or empty
     */
    Optional<HtiProfile> find(Fingerprint fingerprint);

    /**
     * Replaces a profile with a new version carrying the same fingerprint.
     *
     * @param profile the new version
     * @return false when no profile had that fingerprint
     */
    boolean replace(HtiProfile profile);

    /**
     * Lists every profile.
     *
     * @return profiles by creation time
     */
    List<HtiProfile> all();
}

package io.hfthot.engine.hub.auth;

import java.util.Optional;

/**
 * Where hub users live.
 *
 * <p>Contract: {@link #insert} refuses a duplicate user id or (normalised) email with
 * {@link IllegalStateException}, atomically; lookups are exact on the normalised email. Thread-safe.
 */
public interface HubUserStore {
    /**
     * Adds a user.
     *
     * @param user the user
     * @throws IllegalStateException when the id or email is taken
     */
    void insert(HubUser user);

    /**
     * Finds a user by email.
     *
     * @param normalisedEmail the email as {@link HubUser#normaliseEmail} returns it
     * @return the user, or empty
     */
    Optional<HubUser> findByEmail(String normalisedEmail);

    /**
     * Finds a user by id.
     *
     * @param userId the id
     * @return the user, or empty
     */
    Optional<HubUser> findById(String userId);
}

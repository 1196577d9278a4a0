package io.hfthot.engine.hub.auth;

/**
 * An authenticated hub caller.
 *
 * @param userId the user
 * @param method how the caller authenticated
 */
public record HubPrincipal(String userId, Method method) {
    /** The credential the caller presented. */
    public enum Method {
        /** {@code Authorization: Bearer <access_token>}. */
        JWT,
        /** {@code X-API-Key: <raw_key>}. */
        API_KEY
    }

    /** Validates the components. */
    public HubPrincipal {
        if (userId == null || method == null) {
            throw new IllegalArgumentException("userId and method must not be null");
        }
    }
}

package io.hfthot.engine.hub.secrets;

/**
 * Whose secret it is: a user's, or a user's agent's override.
 *
 * @param userId  the owning user
 * @param agentId the agent for an override, or null for a user-wide secret
 */
public record SecretScope(String userId, String agentId) {
    /** Validates the ids. */
    public SecretScope {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank, got " + userId);
        }
        if (agentId != null && agentId.isBlank()) {
            throw new IllegalArgumentException("agentId must be null or non-blank");
        }
    }

    /**
     * Returns a user-wide scope.
     *
     * @param userId the user
     * @return the scope
     */
    public static SecretScope user(String userId) {
        return new SecretScope(userId, null);
    }

    /**
     * Returns an agent scope.
     *
     * @param userId  the user
     * @param agentId the agent
     * @return the scope
     */
    public static SecretScope agent(String userId, String agentId) {
        if (agentId == null) {
            throw new IllegalArgumentException("agentId must not be null for an agent scope");
        }
        return new SecretScope(userId, agentId);
    }

    /**
     * Returns a stable text form, used as the storage key and as AES-GCM associated data.
     *
     * @return {@code user:<id>} or {@code agent:<user>:<agent>} with ids length-prefixed so no two scopes collide
     */
    public String key() {
        return agentId == null ? "user:" + userId.length() + ":" + userId
                : "agent:" + userId.length() + ":" + userId + ":" + agentId;
    }
}

package io.hfthot.engine.hub.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Checks the {@code X-Internal-Secret} header of agent-to-hub push endpoints (seed 004).
 *
 * <p>Both values are hashed with SHA-256 before a {@link MessageDigest#isEqual} comparison, so neither
 * the position of the first differing byte nor the secret's length shows in the timing. Thread-safe.
 */
public final class InternalSecret {
    /** The header agents send. */
    public static final String HEADER = "X-Internal-Secret";
    private static final int MIN_LENGTH = 16;

    private final byte[] expectedDigest;

    /**
     * Creates the checker.
     *
     * @param secret the shared secret, at least 16 characters
     */
    public InternalSecret(String secret) {
        if (secret == null || secret.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("the internal secret must be at least " + MIN_LENGTH + " characters");
        }
        this.expectedDigest = digest(secret);
    }

    /**
     * Tells whether a presented header value is the shared secret.
     *
     * @param presented the header value, may be null
     * @return true on an exact match
     */
    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(expectedDigest, digest(presented));
    }

    private static byte[] digest(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return "InternalSecret[***]";
    }
}

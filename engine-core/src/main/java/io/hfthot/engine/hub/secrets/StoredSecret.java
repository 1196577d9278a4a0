package io.hfthot.engine.hub.secrets;

import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * The stored row of a secret: sealed, never in clear.
 *
 * @param scope     whose secret
 * @param keyName   the name (e.g. {@code OPENAI_API_KEY})
 * @param sealed    AES-GCM sealed value (copied in and out)
 * @param updatedAt when it was last stored
 */
public record StoredSecret(SecretScope scope, String keyName, byte[] sealed, Instant updatedAt) {
    /** Validates and copies. */
    public StoredSecret {
        if (scope == null || updatedAt == null) {
            throw new IllegalArgumentException("scope and updatedAt must not be null");
        }
        keyName = checkKeyName(keyName);
        if (sealed == null || sealed.length == 0) {
            throw new IllegalArgumentException("sealed must not be empty");
        }
        sealed = sealed.clone();
    }

    /**
     * Returns a copy of the sealed bytes.
     *
     * @return the sealed value
     */
    @Override
    public byte[] sealed() {
        return sealed.clone();
    }

    /**
     * Validates a key name: an environment-variable style name.
     *
     * @param keyName the name
     * @return the name
     */
    public static String checkKeyName(String keyName) {
        if (keyName == null || !keyName.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            throw new IllegalArgumentException("key_name must be 1 to 128 letters, digits or '_' not starting with"
                    + " a digit, got " + keyName);
        }
        return keyName;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredSecret s && scope.equals(s.scope) && keyName.equals(s.keyName)
                && Arrays.equals(sealed, s.sealed) && updatedAt.equals(s.updatedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, keyName, Arrays.hashCode(sealed), updatedAt);
    }

    /** Omits the sealed bytes. */
    @Override
    public String toString() {
        return "StoredSecret[scope=" + scope + ", keyName=" + keyName + ", updatedAt=" + updatedAt + "]";
    }
}

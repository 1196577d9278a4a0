package io.hfthot.engine.hub.auth;

import java.time.Instant;
import java.util.Locale;

/**
 * A hub user: email and argon2id hash, never the password.
 *
 * @param userId       stable id
 * @param email        login email, lowercase
 * @param passwordHash argon2id hash in PHC string form ({@code $argon2id$v=19$m=...})
 * @param createdAt    registration time
 */
public record HubUser(String userId, String email, String passwordHash, Instant createdAt) {
    /** Validates and lowercases the email. */
    public HubUser {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("userId must not be blank, got " + userId);
        }
        email = normaliseEmail(email);
        if (passwordHash == null || !passwordHash.startsWith("$argon2id$")) {
            throw new IllegalArgumentException("passwordHash must be an argon2id PHC string");
        }
        if (createdAt == null) {
            throw new IllegalArgumentException("createdAt must not be null");
        }
    }

    /**
     * Normalises an email for lookup: trimmed and lowercase; requires one {@code @} with text both sides.
     *
     * @param email the email
     * @return the normalised email
     */
    public static String normaliseEmail(String email) {
        String e = email == null ? "" : email.trim().toLowerCase(Locale.ROOT);
        int at = e.indexOf('@');
        if (at <= 0 || at != e.lastIndexOf('@') || at == e.length() - 1 || e.length() > 254) {
            throw new IllegalArgumentException("email must look like name@domain (at most 254 characters), got "
                    + email);
        }
        return e;
    }

    /** Omits the hash. */
    @Override
    public String toString() {
        return "HubUser[userId=" + userId + ", email=" + email + ", createdAt=" + createdAt + "]";
    }
}

package io.hfthot.engine.hub.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of {@code POST /auth/login} and {@code POST /auth/refresh} (seed 004).
 *
 * @param accessToken  the JWT
 * @param refreshToken the opaque refresh token (shown once; stored as SHA-256)
 * @param expiresIn    access token lifetime in seconds
 */
public record TokenPair(String accessToken, String refreshToken, long expiresIn) {
    /** Seed 004's {@code token_type}. */
    public static final String TOKEN_TYPE = "bearer";

    /** Validates the components. */
    public TokenPair {
        if (accessToken == null || refreshToken == null || expiresIn < 1) {
            throw new IllegalArgumentException("tokens are required and expiresIn must be >= 1");
        }
    }

    /**
     * Returns the fields under seed 004's names.
     *
     * @return {@code access_token, refresh_token, token_type, expires_in}
     */
    public Map<String, Object> toFields() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("access_token", accessToken);
        fields.put("refresh_token", refreshToken);
        fields.put("token_type", TOKEN_TYPE);
        fields.put("expires_in", expiresIn);
        return fields;
    }

    /** Hides the tokens. */
    @Override
    public String toString() {
        return "TokenPair[expiresIn=" + expiresIn + "]";
    }
}

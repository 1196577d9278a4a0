package io.hfthot.engine.hub.auth;

/**
 * A hub authentication failure; the hub adapter answers {@code {"detail": message}} with {@link #status()}.
 */
public final class HubAuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Why authentication failed. */
    public enum Reason {
        /** Wrong email or password (which one is not said). */
        INVALID_CREDENTIALS(401),
        /** The access token is malformed, not HS256, or its signature does not verify. */
        TOKEN_INVALID(401),
        /** The access token's lifetime has passed. */
        TOKEN_EXPIRED(401),
        /** The refresh token is unknown, expired or revoked. */
        REFRESH_INVALID(401),
        /** A refresh token was presented a second time: its whole family is revoked. */
        REFRESH_REUSED(401),
        /** The API key is unknown or was regenerated. */
        API_KEY_INVALID(401),
        /** Registration with an email already in use. */
        EMAIL_TAKEN(409);

        private final int status;

        Reason(int status) {
            this.status = status;
        }
    }

    private final Reason reason;

    /**
     * Creates the exception.
     *
     * @param reason  the reason
     * @param message the user-facing detail
     */
    public HubAuthException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /**
     * Returns the reason.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Returns the HTTP status for this failure.
     *
     * @return 401 or 409
     */
    public int status() {
        return reason.status;
    }
}

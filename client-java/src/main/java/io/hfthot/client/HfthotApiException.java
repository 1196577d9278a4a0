package io.hfthot.client;

import java.util.Objects;
import java.util.Optional;

/**
 * The server answered with an error: seed 000's {@code {"code": "...", "message": "..."}} body and its HTTP
 * status. Codes are the seed's ({@code INVALID_PARAMS} 400, {@code UNAUTHORIZED} 401, {@code TIER_REQUIRED}
 * 403, {@code RATE_LIMITED} 429, {@code INTERNAL_ERROR} 500) plus the transport's ({@code NOT_FOUND},
 * {@code METHOD_NOT_ALLOWED}, {@code PAYLOAD_TOO_LARGE}, {@code UNSUPPORTED_MEDIA_TYPE},
 * {@code SERVICE_UNAVAILABLE}). A body not in that shape (e.g. from a proxy) gives the code
 * {@code HTTP_<status>} and the body's start as the message.
 */
public final class HfthotApiException extends HfthotException {
    private static final long serialVersionUID = 1L;

    /** Seed 000: missing or invalid request parameters. */
    public static final String INVALID_PARAMS = "INVALID_PARAMS";
    /** Seed 000: missing or invalid API key. */
    public static final String UNAUTHORIZED = "UNAUTHORIZED";
    /** Seed 000: the endpoint or the requested history needs a higher tier. */
    public static final String TIER_REQUIRED = "TIER_REQUIRED";
    /** Seed 000: a rate window or quota is exhausted. */
    public static final String RATE_LIMITED = "RATE_LIMITED";
    /** Seed 000: unexpected server error. */
    public static final String INTERNAL_ERROR = "INTERNAL_ERROR";

    private final String code;
    private final String serverMessage;
    private final int status;
    private final int attempts;
    private final transient RateLimit rateLimit;

    /**
     * Creates the exception.
     *
     * @param status        the HTTP status
     * @param code          the error code
     * @param serverMessage the server's message
     * @param attempts      how many times the request was sent (1 when it was not retried)
     * @param rateLimit     the {@code X-RateLimit-*} headers of the last answer, or null when absent
     */
    public HfthotApiException(int status, String code, String serverMessage, int attempts, RateLimit rateLimit) {
        super(status + " " + code + ": " + serverMessage + (attempts > 1 ? " (after " + attempts + " attempts)" : ""), null);
        this.status = status;
        this.code = Objects.requireNonNull(code, "code");
        this.serverMessage = Objects.requireNonNull(serverMessage, "serverMessage");
        this.attempts = attempts;
        this.rateLimit = rateLimit;
    }

    /**
     * Returns the error code, e.g. {@link #RATE_LIMITED}.
     *
     * @return the code
     */
    public String code() {
        return code;
    }

    /**
     * Returns the server's message (it names the offending parameter for {@code INVALID_PARAMS}).
     *
     * @return the message
     */
    public String serverMessage() {
        return serverMessage;
    }

    /**
     * Returns the HTTP status.
     *
     * @return the status
     */
    public int status() {
        return status;
    }

    /**
     * Returns how many times the request was sent before this error was surfaced.
     *
     * @return the attempts, at least 1
     */
    public int attempts() {
        return attempts;
    }

    /**
     * Returns the rate-limit headers of the last answer.
     *
     * @return the headers, empty when the answer had none
     */
    public Optional<RateLimit> rateLimit() {
        return Optional.ofNullable(rateLimit);
    }
}

package io.hfthot.adapters.http;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How one API surface spells an error body. Seed 000 (HFThot) uses {@link #CODE_MESSAGE}; the HTI,
 * market-maker and hub seeds use FastAPI's {@link #DETAIL}.
 */
public interface ErrorShape {
    /**
     * Builds the JSON body for an error.
     *
     * @param kind    the kind of failure
     * @param message the client-facing message
     * @return an object the surface's JSON codec encodes
     */
    Object body(ErrorKind kind, String message);

    /**
     * Returns the status for a kind; the default is {@link ErrorKind#status()}.
     *
     * @param kind the kind of failure
     * @return the HTTP status
     */
    default int status(ErrorKind kind) {
        return kind.status();
    }

    /** {@code {"code":"INVALID_PARAMS","message":"..."}} (seed 000). */
    ErrorShape CODE_MESSAGE = (kind, message) -> new CodeMessage(kind.name(), message);

    /** {@code {"detail":"..."}} (seeds 001-004, FastAPI style). */
    ErrorShape DETAIL = (kind, message) -> new Detail(message);

    /**
     * The seed-000 error body.
     *
     * @param code    the error code, e.g. {@code RATE_LIMITED}
     * @param message what went wrong
     */
    record CodeMessage(@JsonProperty("code") String code, @JsonProperty("message") String message) {
    }

    /**
     * The FastAPI-style error body.
     *
     * @param detail what went wrong
     */
    record Detail(@JsonProperty("detail") String detail) {
    }
}

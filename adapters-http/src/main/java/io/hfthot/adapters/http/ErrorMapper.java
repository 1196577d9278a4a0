package io.hfthot.adapters.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an error kind and a client-facing message. Every route,
 * filter, WebSocket upgrade and SSE stream goes through it, so the mapping is the same everywhere.
 *
 * <ul>
 *   <li>{@link ApiException}: its own kind and message.</li>
 *   <li>{@link IllegalArgumentException}: {@link ErrorKind#INVALID_PARAMS} with its message, because
 *       the cores reject bad input that way and name the offending value (bad input is never a 500).</li>
 *   <li>Anything else: {@link ErrorKind#INTERNAL_ERROR} with a generic message that carries the request
 *       id; the stack trace goes to the log, never to the client.</li>
 * </ul>
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {
    }

    /**
     * A mapped failure.
     *
     * @param kind    the kind of failure
     * @param message the client-facing message
     */
    public record MappedError(ErrorKind kind, String message) {
    }

    /**
     * Maps a failure.
     *
     * @param failure   what was thrown
     * @param requestId the request id, quoted in internal-error messages and logs
     * @return the kind and message to report
     */
    public static MappedError map(Throwable failure, String requestId) {
        if (failure instanceof ApiException api) {
            return new MappedError(api.kind(), api.getMessage());
        }
        if (failure instanceof IllegalArgumentException bad && bad.getMessage() != null) {
            return new MappedError(ErrorKind.INVALID_PARAMS, bad.getMessage());
        }
        LOG.error("request {} failed", requestId, failure);
        return new MappedError(ErrorKind.INTERNAL_ERROR,
                "internal error; quote request id " + requestId + " when reporting it");
    }
}

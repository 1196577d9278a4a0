package io.hfthot.adapters.http;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.quant.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where a failure becomes an error kind and a client-facing message, and where the engine's
 * {@link ErrorCode} becomes an {@link ErrorKind} ({@link #kindOf}). Every route, filter, WebSocket upgrade and SSE
 * stream of every HTTP surface goes through it, so the mapping is the same everywhere; each surface's
 * {@link ErrorShape} then spells the kind its own way.
 *
 * <ul>
 *   <li>{@link ApiException}: its own kind and message.</li>
 *   <li>{@link EngineException}: the kind of its code; for a bad parameter the message names the parameter's wire
 *       name. An {@code INTERNAL_ERROR} is logged with its stack trace.</li>
 *   <li>quant-core's {@link InvalidParameterException} (a handler calling quant-core directly):
 *       {@link ErrorKind#INVALID_PARAMS} naming {@link InvalidParameterException#parameter()}.</li>
 *   <li>Anything else, including a plain {@link IllegalArgumentException} from a library (which names no
 *       parameter, so it cannot be the client's fault as far as the surface knows): {@link ErrorKind#INTERNAL_ERROR}
 *       with a generic message that carries the request id; the stack trace goes to the log once, never to the
 *       client. Handlers validate their input and throw {@link ApiException} or {@link EngineException}.</li>
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
        if (failure instanceof EngineException engine) {
            return new MappedError(kindOf(engine.code()), messageOf(engine, requestId));
        }
        if (failure instanceof InvalidParameterException bad) {
            return new MappedError(ErrorKind.INVALID_PARAMS, naming(bad.parameter(), bad.getMessage()));
        }
        LOG.error("request {} failed", requestId, failure);
        return new MappedError(ErrorKind.INTERNAL_ERROR, internalMessage(requestId));
    }

    /**
     * Returns the client-facing message of an engine exception: for {@code INVALID_PARAMS} it names the parameter's
     * wire name when the message does not already; an {@code INTERNAL_ERROR} is logged here with its stack trace.
     *
     * @param e         the exception
     * @param requestId the request id, for the log
     * @return the message
     */
    public static String messageOf(EngineException e, String requestId) {
        String message = e.getMessage() == null ? e.code().name() : e.getMessage();
        if (e.code() == ErrorCode.INTERNAL_ERROR) {
            // The engine's sentence reaches the client; the stack trace only the log.
            LOG.error("request {}: engine failure: {}", requestId, message, e);
            return message;
        }
        return e.code() == ErrorCode.INVALID_PARAMS && e.parameter().isPresent()
                ? naming(e.parameter().get(), message) : message;
    }

    /**
     * Maps an engine error code to the transport kind with the same HTTP status and name.
     *
     * @param code the code
     * @return the kind
     */
    public static ErrorKind kindOf(ErrorCode code) {
        return switch (code) {
            case INVALID_PARAMS -> ErrorKind.INVALID_PARAMS;
            case UNAUTHORIZED -> ErrorKind.UNAUTHORIZED;
            case TIER_REQUIRED -> ErrorKind.TIER_REQUIRED;
            case RATE_LIMITED -> ErrorKind.RATE_LIMITED;
            case NOT_FOUND -> ErrorKind.NOT_FOUND;
            case CONFLICT -> ErrorKind.CONFLICT;
            case INTERNAL_ERROR -> ErrorKind.INTERNAL_ERROR;
            case SERVICE_UNAVAILABLE -> ErrorKind.SERVICE_UNAVAILABLE;
        };
    }

    private static String naming(String parameter, String message) {
        return message.contains(parameter) ? message : "parameter '" + parameter + "': " + message;
    }

    private static String internalMessage(String requestId) {
        return "internal error; quote request id " + requestId + " when reporting it";
    }
}

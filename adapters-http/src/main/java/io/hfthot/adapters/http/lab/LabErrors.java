package io.hfthot.adapters.http.lab;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorKind;
import io.hfthot.adapters.http.RouteHandler;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.quota.QuotaDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Translates the engine's and the quota engine's refusals into the transport's {@link ApiException},
 * so the surface's single {@link io.hfthot.adapters.http.ErrorMapper} writes seed 000's
 * {@code {"code","message"}} body. This is the only place an engine {@link ErrorCode} (of an
 * {@link EngineException} or a refused {@link QuotaDecision}) becomes an {@link ErrorKind}.
 */
public final class LabErrors {
    private static final Logger LOG = LoggerFactory.getLogger(LabErrors.class);

    private LabErrors() {
    }

    /**
     * Wraps a route handler so that a {@link EngineException} it throws is reported with its seed-000 code.
     *
     * @param handler the handler
     * @return the translating handler
     */
    public static RouteHandler translating(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (EngineException e) {
                throw toApi(e);
            }
        };
    }

    /**
     * Maps an engine exception.
     *
     * @param e the exception
     * @return the API exception with the matching kind and the engine's message (which names the parameter)
     */
    public static ApiException toApi(EngineException e) {
        String message = e.getMessage() == null ? e.code().name() : e.getMessage();
        if (e.code() == ErrorCode.INVALID_PARAMS && e.parameter().isPresent()
                && !message.contains(e.parameter().get())) {
            message = "parameter '" + e.parameter().get() + "': " + message;
        }
        if (e.code() == ErrorCode.INTERNAL_ERROR) {
            // The engine's sentence reaches the client; the stack trace only the log.
            LOG.error("engine failure: {}", message, e);
        }
        return new ApiException(kindOf(e.code()), message, e);
    }

    /**
     * Maps an engine error code.
     *
     * @param code the code
     * @return the transport kind with the same HTTP status and name
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

    /**
     * Maps a refused quota decision.
     *
     * @param decision a decision that is not allowed
     * @return the API exception carrying the decision's message
     * @throws IllegalArgumentException when the decision allows
     */
    public static ApiException refused(QuotaDecision decision) {
        if (decision.allowed()) {
            throw new IllegalArgumentException("an allowed decision is not a refusal");
        }
        return new ApiException(kindOf(decision.code()), decision.message());
    }
}

package io.hfthot.adapters.grpc.service;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.hfthot.adapters.grpc.auth.ApiKeyAuthInterceptor;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.quota.QuotaDecision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become gRPC statuses.
 *
 * <p>Seed 000's error codes map to INVALID_ARGUMENT (INVALID_PARAMS), UNAUTHENTICATED (UNAUTHORIZED),
 * PERMISSION_DENIED (TIER_REQUIRED), RESOURCE_EXHAUSTED (RATE_LIMITED) and INTERNAL (INTERNAL_ERROR). The
 * seed's code travels in the {@code x-hfthot-error-code} trailer and, for a bad parameter, its wire name in
 * {@code x-hfthot-error-param}, so clients need not parse the description. Anything that is not a
 * {@link EngineException} is a bug or an outage: it is logged with its stack trace and reaches the client as
 * INTERNAL with a generic description, never with internals.
 */
public final class GrpcErrors {
    /** Trailer: the wire name of the parameter at fault, e.g. {@code lookback}. */
    public static final Metadata.Key<String> ERROR_PARAM =
            Metadata.Key.of("x-hfthot-error-param", Metadata.ASCII_STRING_MARSHALLER);

    private static final Logger LOG = LoggerFactory.getLogger(GrpcErrors.class);
    private static final String INTERNAL_DESCRIPTION = "Unexpected server error: retry with exponential backoff";

    private GrpcErrors() {
    }

    /**
     * Maps any failure of an rpc to the exception to hand to {@code StreamObserver.onError}.
     *
     * @param method    the rpc, for the log
     * @param failure   what the engine threw
     * @return the status exception with its trailers
     */
    public static StatusRuntimeException toStatus(String method, Throwable failure) {
        if (failure instanceof StatusRuntimeException already) {
            return already;
        }
        if (failure instanceof EngineException lab) {
            if (lab.code() == ErrorCode.INTERNAL_ERROR) {
                LOG.error("{} failed inside the engine", method, lab);
                return status(Status.Code.INTERNAL, INTERNAL_DESCRIPTION, ErrorCode.INTERNAL_ERROR.name(), null);
            }
            return status(statusCode(lab.code()), lab.getMessage(), lab.code().name(), lab.parameter().orElse(null));
        }
        LOG.error("{} failed unexpectedly", method, failure);
        return status(Status.Code.INTERNAL, INTERNAL_DESCRIPTION, ErrorCode.INTERNAL_ERROR.name(), null);
    }

    /**
     * Maps a refused quota decision taken inside a service (e.g. a stream slot) to its status.
     *
     * @param decision a refused decision
     * @return the status exception, with the seed's code in the trailers
     */
    public static StatusRuntimeException refused(QuotaDecision decision) {
        return status(statusCode(decision.code()), decision.message(), decision.errorCode(), null);
    }

    /**
     * Maps a seed 000 error code to its gRPC status code.
     *
     * @param code the seed's code
     * @return the gRPC code
     */
    public static Status.Code statusCode(ErrorCode code) {
        switch (code) {
            case INVALID_PARAMS:
                return Status.Code.INVALID_ARGUMENT;
            case UNAUTHORIZED:
                return Status.Code.UNAUTHENTICATED;
            case TIER_REQUIRED:
                return Status.Code.PERMISSION_DENIED;
            case RATE_LIMITED:
                return Status.Code.RESOURCE_EXHAUSTED;
            case NOT_FOUND:
                return Status.Code.NOT_FOUND;
            case CONFLICT:
                return Status.Code.FAILED_PRECONDITION;
            case INTERNAL_ERROR:
                return Status.Code.INTERNAL;
            case SERVICE_UNAVAILABLE:
                return Status.Code.UNAVAILABLE;
            default:
                throw new IllegalArgumentException("unmapped error code " + code);
        }
    }

    private static StatusRuntimeException status(Status.Code code, String description, String errorCode,
                                                 String parameter) {
        Metadata trailers = new Metadata();
        trailers.put(ApiKeyAuthInterceptor.ERROR_CODE, errorCode);
        if (parameter != null) {
            trailers.put(ERROR_PARAM, parameter);
        }
        return Status.fromCode(code).withDescription(description).asRuntimeException(trailers);
    }
}

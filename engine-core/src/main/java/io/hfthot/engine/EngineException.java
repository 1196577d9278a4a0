package io.hfthot.engine;

import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;

import io.hfthot.engine.identity.Tier;
import java.util.Optional;

/**
 * The one exception the engine's services throw for a request they cannot serve (seed 000's
 * {@code LabService} and the surfaces to come).
 *
 * <p>It carries the {@link ErrorCode} ({@link #code()}), the wire name of the offending parameter (for example
 * {@code symbol}, {@code start_time}, {@code lookback_days}; null when no single parameter is at fault)
 * and, for {@link ErrorCode#TIER_REQUIRED}, the lowest tier that would be served. The message is a
 * user-facing sentence naming the value and what is accepted. A call that throws has changed no stored data.
 */
public final class EngineException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;
    private final String parameter;
    private final transient Tier requiredTier;

    /**
     * Creates an exception.
     *
     * @param code         the error code
     * @param parameter    the wire name of the offending parameter, or null
     * @param requiredTier the tier needed (only for TIER_REQUIRED), or null
     * @param message      the user-facing message
     * @param cause        the underlying failure, or null
     */
    public EngineException(ErrorCode code, String parameter, Tier requiredTier, String message, Throwable cause) {
        super(message, cause);
        if (code == null) {
            throw new IllegalArgumentException("code must not be null");
        }
        this.code = code;
        this.parameter = parameter;
        this.requiredTier = requiredTier;
    }

    /**
     * Creates an {@link ErrorCode#INVALID_PARAMS} exception.
     *
     * @param parameter the wire name of the parameter
     * @param message   what was wrong and what is accepted
     * @return the exception
     */
    public static EngineException invalid(String parameter, String message) {
        return new EngineException(ErrorCode.INVALID_PARAMS, parameter, null, message, null);
    }

    /**
     * Creates an {@link ErrorCode#INTERNAL_ERROR} exception.
     *
     * @param message what failed
     * @param cause   the failure
     * @return the exception
     */
    public static EngineException internal(String message, Throwable cause) {
        return new EngineException(ErrorCode.INTERNAL_ERROR, null, null, message, cause);
    }

    /**
     * Returns the error code.
     *
     * @return the code
     */
    public ErrorCode code() {
        return code;
    }

    /**
     * Returns the wire name of the offending parameter.
     *
     * @return the parameter, or empty when no single parameter is at fault
     */
    public Optional<String> parameter() {
        return Optional.ofNullable(parameter);
    }

    /**
     * Returns the lowest tier that would be served, for {@link ErrorCode#TIER_REQUIRED}.
     *
     * @return the tier, or empty
     */
    public Optional<Tier> requiredTier() {
        return Optional.ofNullable(requiredTier);
    }
}

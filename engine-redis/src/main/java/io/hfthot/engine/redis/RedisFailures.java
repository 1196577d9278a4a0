package io.hfthot.engine.redis;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.lettuce.core.RedisException;
import java.util.function.Supplier;

/**
 * Fail closed: every Redis call of this module goes through {@link #call}, which turns a client failure
 * (not connected, timed out, refused) into an {@link EngineException} with {@link ErrorCode#SERVICE_UNAVAILABLE}.
 * The adapters answer that code with 503 in their surface's shape; nothing is admitted, authenticated or
 * metered while Redis cannot be asked, and no Redis error reaches a client as a 500.
 */
final class RedisFailures {
    private RedisFailures() {
    }

    /**
     * Runs one Redis interaction.
     *
     * @param what  what was being done, for the message (e.g. "rate limit decision")
     * @param redis the interaction
     * @param <T>   the result type
     * @return the interaction's result
     * @throws EngineException {@link ErrorCode#SERVICE_UNAVAILABLE} when Redis failed
     */
    static <T> T call(String what, Supplier<T> redis) {
        try {
            return redis.get();
        } catch (RedisException e) {
            throw unavailable(what, e);
        }
    }

    /**
     * Builds the exception for a failed interaction.
     *
     * @param what  what was being done
     * @param cause the client's exception
     * @return the engine exception to throw
     */
    static EngineException unavailable(String what, RuntimeException cause) {
        return new EngineException(ErrorCode.SERVICE_UNAVAILABLE, null, null,
                "the shared store (Redis) is unavailable, so the " + what + " was refused rather than done"
                        + " unchecked; retry shortly (" + cause.getMessage() + ")", cause);
    }
}

package io.hfthot.adapters.http.lab;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.ErrorMapper;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.quota.QuotaDecision;

/**
 * The HFThot surface's refusals outside a route's return path: an {@link EngineException} answered on the stream
 * ({@link #toApi}) and a refused {@link QuotaDecision} ({@link #refused}). Both use {@link ErrorMapper}, the one
 * place an engine {@link io.hfthot.engine.ErrorCode} becomes an {@link io.hfthot.adapters.http.ErrorKind}; a route
 * simply lets its {@link EngineException} propagate and the surface maps it there.
 */
public final class LabErrors {
    private LabErrors() {
    }

    /**
     * Maps an engine exception for a reply that is not a route's answer (a WebSocket message).
     *
     * @param e the exception
     * @return the API exception with the matching kind and the engine's message (which names the parameter)
     */
    public static ApiException toApi(EngineException e) {
        return new ApiException(ErrorMapper.kindOf(e.code()), ErrorMapper.messageOf(e, "-"), e);
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
        return new ApiException(ErrorMapper.kindOf(decision.code()), decision.message());
    }
}

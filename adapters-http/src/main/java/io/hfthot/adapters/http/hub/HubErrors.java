package io.hfthot.adapters.http.hub;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.RouteHandler;
import io.hfthot.adapters.http.lab.LabErrors;
import io.hfthot.engine.EngineException;

/**
 * Where the hub surface turns the engine's {@link EngineException} into the transport's {@link ApiException}; the
 * surface's {@link io.hfthot.adapters.http.ErrorShape#DETAIL} then writes {@code {"detail": message}}. The code to
 * status table is the one every HTTP surface shares ({@link io.hfthot.adapters.http.ErrorMapper#kindOf}).
 */
final class HubErrors {
    private HubErrors() {
    }

    /** Wraps a handler so that an engine refusal is reported with its status and message. */
    static RouteHandler translating(RouteHandler handler) {
        return request -> {
            try {
                return handler.handle(request);
            } catch (EngineException e) {
                throw toApi(e);
            }
        };
    }

    /** Maps one engine refusal. */
    static ApiException toApi(EngineException e) {
        return LabErrors.toApi(e);
    }
}

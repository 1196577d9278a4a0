package io.hfthot.adapters.http;

/**
 * Handles one matched route: decode and validate the request, make one engine call, return the
 * response. Throwing is fine: {@link ErrorMapper} turns the exception into the surface's error shape.
 */
@FunctionalInterface
public interface RouteHandler {
    /**
     * Handles a request.
     *
     * @param request the request, with path parameters filled in
     * @return the response
     * @throws Exception any failure; see {@link ErrorMapper} for how it is reported
     */
    Response handle(Request request) throws Exception;
}

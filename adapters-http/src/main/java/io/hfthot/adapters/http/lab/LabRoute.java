package io.hfthot.adapters.http.lab;

import io.hfthot.adapters.http.RouteHandler;
import io.hfthot.engine.quota.Feature;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the seed-000 route table: method, path, what the access filter charges for it and the handler.
 *
 * @param method        {@code GET} or {@code POST}
 * @param path          the path pattern, under {@code /v1/}
 * @param authenticated whether {@code X-HFThot-API-Key} is required (false only for the OpenAPI document)
 * @param feature       the tier-gated or metered feature charged besides the REST request, if any
 * @param handler       decode and validate, one engine call, encode
 */
public record LabRoute(String method, String path, boolean authenticated, Optional<Feature> feature,
                       RouteHandler handler) {
    /** Validates the fields. */
    public LabRoute {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(feature, "feature");
        Objects.requireNonNull(handler, "handler");
        if (path == null || !path.startsWith("/v1/")) {
            throw new IllegalArgumentException("seed-000 routes live under /v1/, got '" + path + "'");
        }
        if (!authenticated && feature.isPresent()) {
            throw new IllegalArgumentException("a public route cannot charge feature " + feature.get());
        }
    }
}

package io.hfthot.adapters.http.hub;

import io.hfthot.adapters.http.ApiException;
import io.hfthot.adapters.http.Request;
import java.util.Map;

/** Reads the hub's small JSON bodies: an object whose named fields are strings. */
final class Bodies {
    private Bodies() {
    }

    /** Decodes the body as a JSON object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Request request) {
        return request.body(Map.class);
    }

    /** Returns a required string field, refusing with its name and what is accepted. */
    static String string(Map<String, Object> body, String field) {
        Object v = body.get(field);
        if (!(v instanceof String s) || s.isEmpty()) {
            throw ApiException.invalid("field '" + field + "' must be a non-empty string, got "
                    + (v == null ? "nothing" : v.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT)));
        }
        return s;
    }
}

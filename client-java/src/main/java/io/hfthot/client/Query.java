package io.hfthot.client;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.StringJoiner;

/** A path and its query parameters; null values are left out (the server then applies its default). */
final class Query {
    private final String path;
    private final StringJoiner params = new StringJoiner("&", "?", "").setEmptyValue("");

    Query(String path) {
        this.path = Objects.requireNonNull(path, "path");
    }

    Query add(String name, Object value) {
        if (value != null) {
            params.add(URLEncoder.encode(name, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
        }
        return this;
    }

    String path() {
        return path;
    }

    String encoded() {
        return params.toString();
    }
}

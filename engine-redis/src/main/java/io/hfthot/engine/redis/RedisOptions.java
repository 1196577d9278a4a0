package io.hfthot.engine.redis;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where the shared Redis is and how long to wait for it.
 *
 * @param uri            a {@code redis://host:port[/db]} (or {@code rediss://}) address
 * @param namespace      prefix of every key this module writes, so several deployments can share one Redis;
 *                       letters, digits, '-', '_' and '.', 1 to 64 characters
 * @param commandTimeout how long one command may take before the call fails closed (503), in [10 ms, 60 s]
 */
public record RedisOptions(String uri, String namespace, Duration commandTimeout) {
    /** Validates the fields, naming the offending one. */
    public RedisOptions {
        Objects.requireNonNull(uri, "uri");
        if (!uri.startsWith("redis://") && !uri.startsWith("rediss://")) {
            throw new IllegalArgumentException("redis uri must start with redis:// or rediss://, got '" + uri + "'");
        }
        try {
            RedisURI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("redis uri '" + uri + "' is not valid: " + e.getMessage(), e);
        }
        if (namespace == null || !namespace.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("redis namespace must be 1 to 64 of [A-Za-z0-9._-], got '" + namespace
                    + "'");
        }
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (commandTimeout.compareTo(Duration.ofMillis(10)) < 0 || commandTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            throw new IllegalArgumentException("redis commandTimeout must be in [10ms, 60s], got " + commandTimeout);
        }
    }

    /**
     * Options with namespace {@code hfthot} and a one-second command timeout.
     *
     * @param uri the address
     * @return the options
     */
    public static RedisOptions of(String uri) {
        return new RedisOptions(uri, "hfthot", Duration.ofSeconds(1));
    }

    /**
     * Returns a copy with another namespace.
     *
     * @param ns the namespace
     * @return the copy
     */
    public RedisOptions withNamespace(String ns) {
        return new RedisOptions(uri, ns, commandTimeout);
    }
}

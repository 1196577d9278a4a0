package io.hfthot.engine.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;

/**
 * The client, one shared connection (lettuce connections are thread-safe and pipeline concurrent commands) and
 * the key namespace, for the stores of this module.
 *
 * <p>Client behaviour chosen for failing closed: commands issued while disconnected are rejected at once instead
 * of queued ({@code DisconnectedBehavior.REJECT_COMMANDS}), every command has the options' timeout, and the client
 * reconnects by itself, so service resumes when Redis returns.
 */
final class RedisSession implements AutoCloseable {
    private static final int CONNECT_ATTEMPTS = 4;

    private final RedisOptions options;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> connection;

    private RedisSession(RedisOptions options, RedisClient client, StatefulRedisConnection<String, String> connection) {
        this.options = options;
        this.client = client;
        this.connection = connection;
    }

    /**
     * Connects.
     *
     * @param options where and how
     * @return the session
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE when Redis cannot be reached
     */
    static RedisSession open(RedisOptions options) {
        RedisURI uri = RedisURI.create(options.uri());
        uri.setTimeout(options.commandTimeout());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(options.commandTimeout()))
                .socketOptions(SocketOptions.builder().connectTimeout(options.commandTimeout()).build())
                .build());
        // The connection handshake runs under the command timeout; a busy machine (a JVM starting beside others)
        // can miss it once, so a few attempts are made before the start fails.
        RedisException last = null;
        for (int attempt = 1; attempt <= CONNECT_ATTEMPTS; attempt++) {
            try {
                return new RedisSession(options, client, client.connect());
            } catch (RedisException e) {
                last = e;
                sleepBeforeRetry();
            }
        }
        client.shutdown();
        throw RedisFailures.unavailable("connection to " + uri.getHost() + ":" + uri.getPort() + " (" + CONNECT_ATTEMPTS
                + " attempts)", last);
    }

    private static void sleepBeforeRetry() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Returns the shared connection's synchronous commands.
     *
     * @return the commands
     */
    RedisCommands<String, String> commands() {
        return connection.sync();
    }

    /**
     * Opens a further connection, for blocking reads that must not stall the shared one.
     *
     * @return the connection; the caller closes it
     * @throws io.hfthot.engine.EngineException SERVICE_UNAVAILABLE when Redis cannot be reached
     */
    StatefulRedisConnection<String, String> connect() {
        return RedisFailures.call("connection", client::connect);
    }

    /**
     * Builds a namespaced key.
     *
     * @param kind what the key holds (e.g. {@code key}, {@code usage})
     * @param id   the identifier within that kind
     * @return {@code namespace:kind:id}
     */
    String key(String kind, String id) {
        return options.namespace() + ':' + kind + ':' + id;
    }

    /**
     * Returns the options.
     *
     * @return the options
     */
    RedisOptions options() {
        return options;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown();
    }
}

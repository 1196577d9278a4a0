package io.hfthot.adapters.http;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of one WebSocket endpoint.
 *
 * @param idleTimeout          a connection with no frame in either direction for this long is closed
 *                             (status 1001); seed 000 uses 60 s
 * @param sendQueueMessages    the most outgoing messages queued per connection, in {@code [1, 1_000_000]}
 * @param sendQueueBytes       the most outgoing UTF-16 code units queued per connection (bounds memory
 *                             whatever the message sizes), at least 1024
 * @param slowClientPolicy     what happens when either bound is reached
 * @param maxTextMessageBytes  the largest incoming text message accepted (larger ones close with 1009)
 * @param keepAlivePing        interval of server ping frames that keep a quiet push-only connection
 *                             under the idle timeout; {@link Duration#ZERO} sends none
 */
public record WebSocketSettings(Duration idleTimeout, int sendQueueMessages, long sendQueueBytes,
                                SlowClientPolicy slowClientPolicy, int maxTextMessageBytes, Duration keepAlivePing) {
    /** Validates the fields. */
    public WebSocketSettings {
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(slowClientPolicy, "slowClientPolicy");
        Objects.requireNonNull(keepAlivePing, "keepAlivePing");
        if (keepAlivePing.isNegative()) {
            throw new IllegalArgumentException("keepAlivePing must be >= 0, got " + keepAlivePing);
        }
        if (idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("idleTimeout must be > 0, got " + idleTimeout);
        }
        if (sendQueueMessages < 1 || sendQueueMessages > 1_000_000) {
            throw new IllegalArgumentException("sendQueueMessages must be in [1, 1000000], got " + sendQueueMessages);
        }
        if (sendQueueBytes < 1024) {
            throw new IllegalArgumentException("sendQueueBytes must be >= 1024, got " + sendQueueBytes);
        }
        if (maxTextMessageBytes < 16) {
            throw new IllegalArgumentException("maxTextMessageBytes must be >= 16, got " + maxTextMessageBytes);
        }
    }

    /**
     * The defaults: 60 s idle timeout, 1024 messages or 4 Mi code units queued, disconnect slow
     * clients, 64 KiB incoming messages, no keep-alive pings.
     *
     * @return the defaults
     */
    public static WebSocketSettings defaults() {
        return new WebSocketSettings(Duration.ofSeconds(60), 1024, 4L * 1024 * 1024, SlowClientPolicy.DISCONNECT,
                64 * 1024, Duration.ZERO);
    }

    /**
     * Returns a copy with another idle timeout.
     *
     * @param timeout the timeout
     * @return the settings
     */
    public WebSocketSettings withIdleTimeout(Duration timeout) {
        return new WebSocketSettings(timeout, sendQueueMessages, sendQueueBytes, slowClientPolicy, maxTextMessageBytes,
                keepAlivePing);
    }

    /**
     * Returns a copy with another send queue bound and policy.
     *
     * @param messages the message bound
     * @param policy   the slow-client policy
     * @return the settings
     */
    public WebSocketSettings withSendQueue(int messages, SlowClientPolicy policy) {
        return new WebSocketSettings(idleTimeout, messages, sendQueueBytes, policy, maxTextMessageBytes, keepAlivePing);
    }

    /**
     * Returns a copy that pings the client at an interval.
     *
     * @param interval the interval, shorter than the idle timeout; zero for none
     * @return the settings
     */
    public WebSocketSettings withKeepAlivePing(Duration interval) {
        return new WebSocketSettings(idleTimeout, sendQueueMessages, sendQueueBytes, slowClientPolicy,
                maxTextMessageBytes, interval);
    }
}

package io.hfthot.adapters.http.lab;

import java.util.Objects;

/**
 * The JSON messages of seed 000's {@code /v1/stream} WebSocket, as records whose snake_case encoding is the
 * wire format. Client to server: {@link Command}. Server to client: {@link PriceTick}, the engine's
 * {@code RegimeChangeMessage}, {@link Pong}, {@link Ack} and {@link StreamError}.
 */
public final class StreamMessages {
    /** The {@code stream} value of the tick feed. */
    public static final String PRICE_FEED = "price_feed";
    /** The {@code stream} value of the regime-change feed. */
    public static final String REGIME = "regime";

    private StreamMessages() {
    }

    /**
     * A client command: {@code {"type":"subscribe","stream":"price_feed","symbol":"BTC-USDT"}},
     * {@code {"type":"unsubscribe",...}} or {@code {"type":"ping"}}.
     *
     * @param type   subscribe, unsubscribe or ping
     * @param stream price_feed or regime (subscribe, unsubscribe)
     * @param symbol the symbol (subscribe, unsubscribe)
     */
    public record Command(String type, String stream, String symbol) {
    }

    /**
     * A trade on the {@code price_feed} stream, exactly seed 000's message.
     *
     * @param type      always {@code tick}
     * @param symbol    the symbol
     * @param price     the trade price
     * @param qty       the traded quantity
     * @param side      {@code buy} or {@code sell} (the aggressor)
     * @param tsMs      the trade time, Unix ms
     * @param latencyUs microseconds from the trade's ingestion to this message's send
     */
    public record PriceTick(String type, String symbol, double price, double qty, String side, long tsMs,
                            long latencyUs) {
        /** Validates the fields. */
        public PriceTick {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
        }
    }

    /**
     * The answer to {@code {"type":"ping"}}.
     *
     * @param type always {@code pong}
     */
    public record Pong(String type) {
        /** The one pong. */
        public static final Pong INSTANCE = new Pong("pong");
    }

    /**
     * Confirms a subscription change: {@code {"type":"subscribed","stream":"price_feed","symbol":"BTC-USDT"}}
     * (or {@code unsubscribed}); events of a stream follow its {@code subscribed}.
     *
     * @param type   subscribed or unsubscribed
     * @param stream the stream
     * @param symbol the symbol
     */
    public record Ack(String type, String stream, String symbol) {
    }

    /**
     * An error that does not close the connection: {@code {"type":"error","code":"INVALID_PARAMS","message":...}}
     * with seed 000's codes.
     *
     * @param type    always {@code error}
     * @param code    the seed-000 error code
     * @param message what was wrong, naming the field
     */
    public record StreamError(String type, String code, String message) {
        /**
         * Creates an error message.
         *
         * @param code    the code
         * @param message the message
         * @return the message
         */
        public static StreamError of(String code, String message) {
            return new StreamError("error", code, message);
        }
    }
}

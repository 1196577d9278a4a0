package io.hfthot.client.stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.client.internal.Json;
import java.util.Objects;

/**
 * A server-to-client message of the {@code /v1/stream} WebSocket (seed 000), one record per {@code type}.
 */
public sealed interface StreamMessage {
    /**
     * Decodes one text message.
     *
     * @param json the message
     * @return the typed message; {@link Other} for a type this SDK does not know
     */
    static StreamMessage parse(String json) {
        JsonNode node = Json.tree(json);
        if (node == null || !node.path("type").isTextual()) {
            return new Other("", json);
        }
        return switch (node.get("type").asText()) {
            case "tick" -> Json.convert(node, Tick.class);
            case "regime_change" -> Json.convert(node, RegimeChange.class);
            case "subscribed", "unsubscribed" -> Json.convert(node, Ack.class);
            case "pong" -> new Pong();
            case "error" -> Json.convert(node, StreamError.class);
            default -> new Other(node.get("type").asText(), json);
        };
    }

    /**
     * A trade on the {@code price_feed} stream.
     *
     * @param symbol    the symbol
     * @param price     trade price
     * @param qty       traded quantity
     * @param side      {@code buy} or {@code sell}
     * @param tsMs      trade time, Unix ms
     * @param latencyUs microseconds from the trade's ingestion to the message's send
     */
    record Tick(String symbol, double price, double qty, String side, long tsMs, long latencyUs) implements StreamMessage {
        /** Checks the fields. */
        public Tick {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(side, "side");
        }
    }

    /**
     * A regime change on the {@code regime} stream.
     *
     * @param symbol              the symbol
     * @param from                the previous regime
     * @param to                  the new regime
     * @param confidence          the filtered probability of {@code to} (above 0.75)
     * @param recommendedStrategy the strategy for {@code to}
     * @param tsMs                time of the bar that changed the regime, Unix ms
     */
    record RegimeChange(String symbol, String from, String to, double confidence, String recommendedStrategy, long tsMs)
            implements StreamMessage {
        /** Checks the fields. */
        public RegimeChange {
            Objects.requireNonNull(symbol, "symbol");
            Objects.requireNonNull(to, "to");
        }
    }

    /**
     * Confirms a subscription change; a stream's events follow its {@code subscribed}.
     *
     * @param type   {@code subscribed} or {@code unsubscribed}
     * @param stream {@code price_feed} or {@code regime}
     * @param symbol the symbol
     */
    record Ack(String type, String stream, String symbol) implements StreamMessage {
    }

    /** The answer to a ping. */
    record Pong() implements StreamMessage {
    }

    /**
     * A refused message; the connection stays open.
     *
     * @param code    seed 000's code, e.g. {@code INVALID_PARAMS}
     * @param message what was wrong
     */
    record StreamError(String code, String message) implements StreamMessage {
    }

    /**
     * A message of a type this SDK does not know (kept so that newer servers do not break older clients).
     *
     * @param type the message's {@code type}, empty when it had none
     * @param json the raw message
     */
    record Other(String type, String json) implements StreamMessage {
    }
}

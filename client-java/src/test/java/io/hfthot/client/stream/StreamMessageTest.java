package io.hfthot.client.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Decoding of seed 000's stream messages, exactly as rest-api.md lists them. */
class StreamMessageTest {
    @Test
    void everyServerMessageTypeDecodes() {
        assertEquals(new StreamMessage.Tick("BTC-USDT", 42315.5, 0.024, "buy", 1706785201423L, 320),
                StreamMessage.parse("{\"type\":\"tick\",\"symbol\":\"BTC-USDT\",\"price\":42315.5,\"qty\":0.024,\"side\":\"buy\","
                        + "\"ts_ms\":1706785201423,\"latency_us\":320}"));
        assertEquals(new StreamMessage.RegimeChange("BTC-USDT", "trending", "mean_reverting", 0.89, "stat_arb", 1706785260000L),
                StreamMessage.parse("{\"type\":\"regime_change\",\"symbol\":\"BTC-USDT\",\"from\":\"trending\",\"to\":\"mean_reverting\","
                        + "\"confidence\":0.89,\"recommended_strategy\":\"stat_arb\",\"ts_ms\":1706785260000}"));
        assertEquals(new StreamMessage.Ack("subscribed", "price_feed", "BTC-USDT"),
                StreamMessage.parse("{\"type\":\"subscribed\",\"stream\":\"price_feed\",\"symbol\":\"BTC-USDT\"}"));
        assertEquals(new StreamMessage.Ack("unsubscribed", "regime", "ETH-USDT"),
                StreamMessage.parse("{\"type\":\"unsubscribed\",\"stream\":\"regime\",\"symbol\":\"ETH-USDT\"}"));
        assertEquals(new StreamMessage.Pong(), StreamMessage.parse("{\"type\":\"pong\"}"));
        assertEquals(new StreamMessage.StreamError("INVALID_PARAMS", "field 'stream' = 'orders' is not accepted"),
                StreamMessage.parse("{\"type\":\"error\",\"code\":\"INVALID_PARAMS\",\"message\":\"field 'stream' = 'orders' is not accepted\"}"));
    }

    @Test
    void unknownOrMalformedMessagesAreKeptRaw() {
        assertEquals(new StreamMessage.Other("news", "{\"type\":\"news\",\"x\":1}"), StreamMessage.parse("{\"type\":\"news\",\"x\":1}"));
        assertEquals(new StreamMessage.Other("", "not json"), StreamMessage.parse("not json"));
    }
}

package io.hfthot.server.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.hfthot.engine.hti.ideas.IdeaStatus;
import io.hfthot.engine.hti.ideas.Timeframe;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.market.BookLevel;
import io.hfthot.engine.marketmaker.TradeData;
import io.hfthot.engine.redis.JsonPayloadCodec;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every payload a surface publishes on the event bus crosses replicas through the shared Redis bus: HTI ideas,
 * market-maker {@code TradeData} and the hub's messages are read back equal, and an unregistered type is refused.
 * Without the registrations, HTI, the market maker and the hub fail to publish on a replica.
 */
class ReplicaPayloadsTest {
    private final JsonPayloadCodec codec = Replicas.payloads();

    private Object roundTrip(String topic, Object payload) {
        return codec.decode(topic, codec.encode(topic, payload));
    }

    @Test
    void htiIdeasMarketMakerTradeDataAndHubMessagesCrossReplicasUnchanged() {
        Instant t = Instant.parse("2026-12-07T10:00:00.123Z");
        TradeIdea idea = new TradeIdea(7, 2, "EUR-USD", Timeframe.M5, "forex", TradeIdea.BUY, "LIMIT", "REVERSION",
                "mean_reverting", 0.72, 12.5, 1.0842, 1.0871, 1.0826, t, t.plusSeconds(60), t.plusSeconds(3600),
                IdeaStatus.ACTIVE, "reverting to the mean");
        assertEquals(idea, roundTrip("hti.ideas", idea));

        TradeData data = new TradeData("2026-12-07T10:00:00.123Z", "token", 0.52, 0.01, 0.4, 20, "LOW_VOL", 97_000.5,
                3.0, "TRADE_PLACED", List.of(new BookLevel(0.51, 100)), List.of(new BookLevel(0.53, 80)), 1.25, 40.0,
                1001.25, 980.0, 0.02, 3, 5, 9.98);
        assertEquals(data, roundTrip("marketmaker.trades", data));

        Map<String, Object> status = new LinkedHashMap<>();
        status.put("type", "agent_status");
        status.put("agent_id", "a1");
        status.put("position", 1.5);
        assertEquals(status, roundTrip("hub.user.u1", status));
    }

    @Test
    void anUnregisteredPayloadTypeIsRefusedByName() {
        assertThrows(IllegalArgumentException.class, () -> codec.encode("t", new StringBuilder("x")));
    }
}

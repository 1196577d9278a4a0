package io.hfthot.adapters.http.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import io.hfthot.engine.lab.api.TickMessage;
import java.net.http.WebSocketHandshakeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's {@code /v1/stream} through the JDK WebSocket client: authentication at the upgrade, per-tier
 * stream limits with the slot released on close, subscribe / unsubscribe, exact tick and regime_change
 * messages, ping / pong, errors as messages and the idle timeout.
 */
class LabStreamTest {
    private static final Duration IDLE = Duration.ofSeconds(3);
    @TempDir
    static Path dir;
    static LabServerFixture lab;
    static String ws;

    @BeforeAll
    static void start() throws Exception {
        lab = new LabServerFixture(dir, LabHttpOptions.defaults().withStreamIdleTimeout(IDLE));
        ws = lab.base.replace("http://", "ws://") + "/v1/stream?api_key=";
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    private static int refusedStatus(String uri) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> StreamClient.connect(lab.client, uri));
        return assertInstanceOf(WebSocketHandshakeException.class, e.getCause()).getResponse().statusCode();
    }

    private static JsonNode subscribe(StreamClient c, String stream, String symbol) throws Exception {
        c.send("{\"type\":\"subscribe\",\"stream\":\"" + stream + "\",\"symbol\":\"" + symbol + "\"}");
        JsonNode ack = c.next();
        assertEquals("subscribed", ack.path("type").asText(), ack.toString());
        return ack;
    }

    @Test
    void upgradeWithoutAValidKeyIsRefusedWith401() {
        assertEquals(401, refusedStatus(lab.base.replace("http://", "ws://") + "/v1/stream"));
        assertEquals(401, refusedStatus(ws + "hft_pro_unknownunknownunknownunknownunknown000"));
    }

    @Test
    void freeBetaHoldsOneStreamAndClosingReleasesIt() throws Exception {
        String key = lab.key(Tier.FREE_BETA);
        StreamClient first = StreamClient.connect(lab.client, ws + key);
        assertEquals(429, refusedStatus(ws + key), "Free Beta has one concurrent stream");
        first.socket.sendClose(1000, "done").get(10, TimeUnit.SECONDS);
        first.closed.get(10, TimeUnit.SECONDS);
        // The server frees the slot when it sees the close; retry briefly until it has.
        StreamClient second = null;
        for (int attempt = 0; attempt < 50 && second == null; attempt++) {
            try {
                second = StreamClient.connect(lab.client, ws + key);
            } catch (ExecutionException refused) {
                Thread.sleep(100);
            }
        }
        assertTrue(second != null, "the slot is released when the first stream closes");
        second.close();
    }

    @Test
    void hobbyistHoldsThreeStreams() throws Exception {
        String key = lab.key(Tier.HOBBYIST);
        List<StreamClient> open = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(StreamClient.connect(lab.client, ws + key));
        }
        assertEquals(429, refusedStatus(ws + key));
        open.forEach(StreamClient::close);
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        try (StreamClient c = StreamClient.connect(lab.client, ws + lab.key(Tier.PROFESSIONAL))) {
            c.send("{\"type\":\"ping\"}");
            assertEquals("{\"type\":\"pong\"}", c.next().toString());
        }
    }

    @Test
    void subscriberReceivesEveryTickInOrderWithSeedFields() throws Exception {
        try (StreamClient c = StreamClient.connect(lab.client, ws + lab.key(Tier.PROFESSIONAL))) {
            JsonNode ack = subscribe(c, "price_feed", "ETH-USDT");
            assertEquals("price_feed", ack.path("stream").asText());
            int n = 2000;
            for (int i = 1; i <= n; i++) {
                lab.engine.bus().publish(LabTopics.ticks("ETH-USDT"), new TickMessage(TickMessage.TYPE, "ETH-USDT",
                        2000.0 + i * 0.01, 0.001 * i, i % 2 == 0 ? "buy" : "sell", 1_706_785_201_000L + i, 150, i));
            }
            for (int i = 1; i <= n; i++) {
                JsonNode t = c.next();
                List<String> names = new ArrayList<>();
                t.fieldNames().forEachRemaining(names::add);
                assertEquals(List.of("type", "symbol", "price", "qty", "side", "ts_ms", "latency_us"), names);
                assertEquals("tick", t.path("type").asText());
                assertEquals(1_706_785_201_000L + i, t.path("ts_ms").asLong(), "tick " + i + " in order, no gap");
                assertEquals(2000.0 + i * 0.01, t.path("price").asDouble(), 0.0);
                assertEquals(i % 2 == 0 ? "buy" : "sell", t.path("side").asText());
                assertTrue(t.path("latency_us").asLong() >= 150);
            }
        }
    }

    @Test
    void liveFeedTicksArriveAsTheEngineRecordsThem() throws Exception {
        List<TickMessage> published = new ArrayList<>();
        Subscription direct = lab.engine.subscribeTicks("BTC-USDT", new SubscriptionOptions(100_000,
                OverflowPolicy.CANCEL), (Event e) -> {
                    synchronized (published) {
                        published.add((TickMessage) e.payload());
                    }
                });
        try (StreamClient c = StreamClient.connect(lab.client, ws + lab.key(Tier.PROFESSIONAL))) {
            subscribe(c, "price_feed", "BTC-USDT");
            int polls = 0;
            while (true) {
                Thread.sleep(200);
                lab.engine.runMaintenance();
                synchronized (published) {
                    if (published.size() >= 5 || ++polls > 50) {
                        break;
                    }
                }
            }
            List<TickMessage> expected;
            synchronized (published) {
                expected = List.copyOf(published);
            }
            assertTrue(expected.size() >= 5, "the simulated market traded: " + expected.size());
            for (TickMessage want : expected) {
                JsonNode got = c.next();
                assertEquals(want.tsMs(), got.path("ts_ms").asLong());
                assertEquals(want.price(), got.path("price").asDouble(), 0.0);
                assertEquals(want.qty(), got.path("qty").asDouble(), 0.0);
                assertEquals(want.side(), got.path("side").asText());
            }
        } finally {
            direct.close();
        }
    }

    @Test
    void regimeChangesAreForwardedExactly() throws Exception {
        try (StreamClient c = StreamClient.connect(lab.client, ws + lab.key(Tier.PROFESSIONAL))) {
            subscribe(c, "regime", "BTC-USDT");
            lab.engine.bus().publish(LabTopics.regime("BTC-USDT"), new RegimeChangeMessage(RegimeChangeMessage.TYPE,
                    "BTC-USDT", "trending", "mean_reverting", 0.89, "stat_arb", 1_706_785_260_000L));
            assertEquals(LabServerFixture.JSON.readTree("{\"type\":\"regime_change\",\"symbol\":\"BTC-USDT\","
                    + "\"from\":\"trending\",\"to\":\"mean_reverting\",\"confidence\":0.89,"
                    + "\"recommended_strategy\":\"stat_arb\",\"ts_ms\":1706785260000}"), c.next());
        }
    }

    @Test
    void unsubscribeStopsTheStream() throws Exception {
        try (StreamClient c = StreamClient.connect(lab.client, ws + lab.key(Tier.PROFESSIONAL))) {
            subscribe(c, "price_feed", "SOL-USDT");
            c.send("{\"type\":\"unsubscribe\",\"stream\":\"price_feed\",\"symbol\":\"SOL-USDT\"}");
            assertEquals("unsubscribed", c.next().path("type").asText());
            lab.engine.bus().publish(LabTopics.ticks("SOL-USDT"), new TickMessage(TickMessage.TYPE, "SOL-USDT",
                    100, 1, "buy", 1L, 0, 1));
            c.send("{\"type\":\"ping\"}");
            assertEquals("pong", c.next().path("type").asText(), "no tick after unsubscribing");
        }
    }

    @Test
    void badMessagesAreAnsweredWithErrorsAndTheConnectionStaysOpen() throws Exception {
        try (StreamClient c = StreamClient.connect(lab.client, ws + lab.key(Tier.PROFESSIONAL))) {
            String[][] cases = {
                {"{\"type\":", "malformed"},
                {"{\"type\":\"subscribe\",\"stream\":\"orders\",\"symbol\":\"BTC-USDT\"}", "stream"},
                {"{\"type\":\"subscribe\",\"stream\":\"price_feed\",\"symbol\":\"DOGE-USDT\"}", "symbol"},
                {"{\"type\":\"subscribe\",\"stream\":\"price_feed\"}", "symbol"},
                {"{\"type\":\"dance\"}", "type"},
                {"{\"stream\":\"price_feed\"}", "type"},
                {"{\"type\":\"ping\",\"extra\":1}", "extra"},
            };
            for (String[] bad : cases) {
                c.send(bad[0]);
                JsonNode e = c.next();
                assertEquals("error", e.path("type").asText(), e.toString());
                assertEquals("INVALID_PARAMS", e.path("code").asText(), e.toString());
                assertTrue(e.path("message").asText().contains(bad[1]), bad[1] + " in " + e);
            }
            c.send("{\"type\":\"ping\"}");
            assertEquals("pong", c.next().path("type").asText());
        }
    }

    @Test
    void idleConnectionsAreClosed() throws Exception {
        StreamClient c = StreamClient.connect(lab.client, ws + lab.key(Tier.PROFESSIONAL));
        int code = c.closed.get(IDLE.toSeconds() + 10, TimeUnit.SECONDS);
        assertEquals(1001, code);
    }
}

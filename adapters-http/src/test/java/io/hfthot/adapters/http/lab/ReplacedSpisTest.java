package io.hfthot.adapters.http.lab;

import io.hfthot.engine.EngineException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.hfthot.adapters.http.ErrorShape;
import io.hfthot.adapters.http.HttpSurface;
import io.hfthot.adapters.http.Response;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.Engine;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.ForwardingEventBus;
import io.hfthot.engine.events.InMemoryEventBus;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabLimits;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.market.Bar;
import io.hfthot.engine.market.Interval;
import io.hfthot.engine.market.MarketDataSource;
import io.hfthot.engine.market.OrderBook;
import io.hfthot.engine.market.SimulatedMarket;
import io.hfthot.engine.market.Tick;
import io.hfthot.engine.market.Ticker;
import io.hfthot.engine.market.HistoryPlan;
import io.hfthot.engine.market.SimulatedMarketConfig;
import io.hfthot.engine.quota.RateLimitResult;
import io.hfthot.engine.quota.RateLimiter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replaces three of the {@link Engine}'s SPIs from outside engine-core (an event bus, a market data source and a
 * rate limiter written here) and serves seed 000 through them over HTTP: what a Redis bus, an exchange feed or a
 * shared limiter would plug in the same way.
 */
class ReplacedSpisTest {
    private static final String ONLY = "ETH-USDT";

    @TempDir
    Path dir;

    private CountingBus bus;
    private OneSymbolMarket market;
    private BudgetLimiter limiter;
    private Engine engine;
    private LabService lab;
    private TransportServer server;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @BeforeEach
    void start() throws Exception {
        Clock clock = Clock.systemUTC();
        LabConfig config = LabConfig.forTests(dir, 11L);
        bus = new CountingBus(new InMemoryEventBus(clock, 1));
        market = new OneSymbolMarket(new SimulatedMarket(SimulatedMarketConfig.defaults(11L)
                .withHistory(HistoryPlan.small()), clock), ONLY);
        limiter = new BudgetLimiter(3);
        engine = Engine.builder(config).clock(clock).inMemoryIdentity()
                .eventBus(bus).marketData(market).rateLimiter(limiter).build();
        lab = new LabService(engine, LabLimits.defaults().compute(), null);
        HttpSurface.Builder builder = HttpSurface.builder("hfthot", ErrorShape.CODE_MESSAGE)
                .get("/v1/health", r -> Response.ok(Map.of("status", "ok")));
        LabHttpSurface.mount(builder, lab, lab.access(), clock, LabHttpOptions.defaults());
        server = TransportServer.start(TransportConfig.of("127.0.0.1", 0), builder.build());
    }

    @AfterEach
    void stop() {
        server.close();
        lab.close();
        engine.close();
    }

    @Test
    void seedOperationsReadTheReplacedMarket() throws Exception {
        String key = lab.access().keys().issue("replaced-spis", Tier.PROFESSIONAL).rawKey();
        HttpResponse<String> ticker = get("/v1/market/ticker?symbol=" + ONLY, key);
        assertEquals(200, ticker.statusCode(), ticker.body());
        assertEquals(ONLY, json(ticker).get("symbol").asText(), "the replaced source serves its one symbol");

        HttpResponse<String> other = get("/v1/market/ticker?symbol=BTC-USDT", key);
        assertEquals(400, other.statusCode(), other.body());
        assertEquals("INVALID_PARAMS", json(other).get("code").asText());
        assertTrue(json(other).get("message").asText().contains(ONLY), other.body());

        HttpResponse<String> bars = get("/v1/market/ohlcv?symbol=" + ONLY + "&interval=1h&limit=24", key);
        assertEquals(200, bars.statusCode(), bars.body());
        JsonNode data = json(bars).get("bars");
        assertEquals(24, data.size());
        long last = data.get(23).get("time").asLong();
        List<Bar> fromSource = market.bars(ONLY, Interval.ONE_HOUR, last, last, 1);
        assertEquals(fromSource.get(0).close(), data.get(23).get("close").asDouble(), 0.0,
                "bars recorded from the source are served back");
    }

    @Test
    void ticksReachSubscribersThroughTheReplacedBus() {
        List<Object> received = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (Subscription s = lab.subscribeTicks(ONLY, SubscriptionOptions.defaults(), e -> received.add(e))) {
            long before = bus.published.get();
            sleep(Duration.ofMillis(500)); // the simulator trades 20 times a second on the system clock
            lab.runMaintenance();
            assertTrue(bus.published.get() > before, "the engine published ticks on the replaced bus");
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(received.isEmpty(), "a subscriber of the replaced bus received the ticks");
            assertTrue(bus.topics.contains(LabTopics.ticks(ONLY)));
        }
    }

    @Test
    void rateLimitsComeFromTheReplacedLimiter() throws Exception {
        String key = lab.access().keys().issue("limited", Tier.PROFESSIONAL).rawKey();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> ok = get("/v1/market/ticker?symbol=" + ONLY, key);
            assertEquals(200, ok.statusCode(), ok.body());
        }
        HttpResponse<String> refused = get("/v1/market/ticker?symbol=" + ONLY, key);
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("RATE_LIMITED", json(refused).get("code").asText());
        assertTrue(limiter.acquired.get() >= 4, "every request asked the replaced limiter");
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> get(String pathAndQuery, String key) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(server.baseUri() + pathAndQuery))
                .timeout(Duration.ofSeconds(60)).header("X-HFThot-API-Key", key).GET().build();
        return client.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return LabServerFixture.JSON.readTree(r.body());
    }

    /** An event bus that counts what goes through it and delegates the rest. */
    private static final class CountingBus extends ForwardingEventBus {
        final AtomicLong published = new AtomicLong();
        final java.util.Set<String> topics = ConcurrentHashMap.newKeySet();

        CountingBus(EventBus delegate) {
            super(delegate);
        }

        @Override
        public long publish(String topic, Object payload) {
            published.incrementAndGet();
            topics.add(topic);
            return super.publish(topic, payload);
        }
    }

    /**
     * A market data source serving one symbol of a simulator through the SPI only (so the engine records its
     * history through the SPI's default column methods).
     */
    private static final class OneSymbolMarket implements MarketDataSource {
        private final SimulatedMarket sim;
        private final String symbol;

        OneSymbolMarket(SimulatedMarket sim, String symbol) {
            this.sim = sim;
            this.symbol = symbol;
        }

        private String known(String s) {
            if (!symbol.equals(s)) {
                throw EngineException.invalid("symbol", "symbol must be one of [" + symbol + "], got '" + s + "'");
            }
            return s;
        }

        @Override
        public List<String> symbols() {
            return List.of(symbol);
        }

        @Override
        public Ticker ticker(String s) {
            return sim.ticker(known(s));
        }

        @Override
        public OrderBook orderBook(String s, int depth) {
            return sim.orderBook(known(s), depth);
        }

        @Override
        public List<Bar> bars(String s, Interval interval, long startMs, long endMs, int limit) {
            return sim.bars(known(s), interval, startMs, endMs, limit);
        }

        @Override
        public long lastSequence(String s) {
            return sim.lastSequence(known(s));
        }

        @Override
        public List<Tick> ticksSince(String s, long afterSequence, int maxTicks) {
            return sim.ticksSince(known(s), afterSequence, maxTicks);
        }

        @Override
        public void close() {
            sim.close();
        }
    }

    /** A limiter granting each bucket a fixed number of calls, whatever the window: easy to exhaust in a test. */
    private static final class BudgetLimiter implements RateLimiter {
        final AtomicInteger acquired = new AtomicInteger();
        private final int budget;
        private final Map<String, AtomicInteger> used = new ConcurrentHashMap<>();

        BudgetLimiter(int budget) {
            this.budget = budget;
        }

        @Override
        public RateLimitResult tryAcquire(String bucket, long limit, Duration window, Instant now) {
            acquired.incrementAndGet();
            long cap = Math.min(budget, limit);
            int n = used.computeIfAbsent(bucket, b -> new AtomicInteger()).incrementAndGet();
            boolean allowed = n <= cap;
            long remaining = allowed ? cap - n : 0;
            return new RateLimitResult(allowed, cap, remaining, now.plus(window).getEpochSecond());
        }

        @Override
        public RateLimitResult peek(String bucket, long limit, Duration window, Instant now) {
            long cap = Math.min(budget, limit);
            int n = used.getOrDefault(bucket, new AtomicInteger()).get();
            return new RateLimitResult(n < cap, cap, Math.max(0, cap - n), now.plus(window).getEpochSecond());
        }
    }
}

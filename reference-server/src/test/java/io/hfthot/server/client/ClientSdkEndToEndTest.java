package io.hfthot.server.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.hfthot.client.HfthotApiException;
import io.hfthot.client.HfthotClient;
import io.hfthot.client.RetryPolicy;
import io.hfthot.client.model.BacktestRequest;
import io.hfthot.client.model.BacktestResponse;
import io.hfthot.client.model.Bar;
import io.hfthot.client.model.BinaryResult;
import io.hfthot.client.model.GeneratedKey;
import io.hfthot.client.model.MarketSymbols;
import io.hfthot.client.model.MfgPrice;
import io.hfthot.client.model.OhlcvQuery;
import io.hfthot.client.model.OhlcvResponse;
import io.hfthot.client.model.OptimizeRequest;
import io.hfthot.client.model.OptimizeResponse;
import io.hfthot.client.model.OrderBook;
import io.hfthot.client.model.Regime;
import io.hfthot.client.model.RevokedKey;
import io.hfthot.client.model.SqlResult;
import io.hfthot.client.model.TableRead;
import io.hfthot.client.model.TableVersions;
import io.hfthot.client.model.Ticker;
import io.hfthot.client.model.Usage;
import io.hfthot.client.stream.LabStream;
import io.hfthot.client.stream.StreamMessage;
import io.hfthot.client.stream.StreamName;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.lab.api.RegimeChangeMessage;
import io.hfthot.server.ReferenceServer;
import io.hfthot.server.ServerConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java SDK against a started reference server (as {@code HistoricalDepthEndToEndTest} starts it): every
 * seed 000 REST route, both WebSocket streams, the error codes, and 429 handling with retries exhausted and
 * disabled.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientSdkEndToEndTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final List<String> SYMBOLS = List.of("BTC-USDT", "ETH-USDT", "SOL-USDT");

    private ReferenceServer server;
    private URI base;
    private HfthotClient enterprise;
    private HfthotClient professional;
    private HfthotClient free;

    @BeforeAll
    void start(@TempDir Path data) throws Exception {
        server = ReferenceServer.start(ServerConfig.ephemeral(data));
        base = URI.create(server.baseUri(ReferenceServer.Surface.HFTHOT));
        enterprise = client(key(Tier.ENTERPRISE));
        professional = client(key(Tier.PROFESSIONAL));
        free = client(key(Tier.FREE_BETA));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String key(Tier tier) {
        return DemoKey.of(server, tier);
    }

    private HfthotClient client(String apiKey) {
        return HfthotClient.builder(base, apiKey).build();
    }

    @Test
    void marketData() {
        OhlcvResponse ohlcv = enterprise.ohlcv(OhlcvQuery.of("BTC-USDT", "5m").withLimit(50));
        assertEquals("BTC-USDT", ohlcv.symbol());
        assertEquals("5m", ohlcv.interval());
        assertEquals(50, ohlcv.bars().size());
        for (int i = 0; i < ohlcv.bars().size(); i++) {
            Bar b = ohlcv.bars().get(i);
            assertTrue(b.low() <= Math.min(b.open(), b.close()) && b.high() >= Math.max(b.open(), b.close()), b.toString());
            if (i > 0) {
                assertEquals(300_000, b.time() - ohlcv.bars().get(i - 1).time(), "5m bars are 300000 ms apart");
            }
        }
        OrderBook book = enterprise.orderBook("ETH-USDT", 5);
        assertEquals(5, book.bids().size());
        assertEquals(5, book.asks().size());
        assertTrue(book.bids().get(0).price() < book.asks().get(0).price(), "best bid below best ask");
        for (int i = 1; i < 5; i++) {
            assertTrue(book.bids().get(i).price() < book.bids().get(i - 1).price());
            assertTrue(book.asks().get(i).price() > book.asks().get(i - 1).price());
        }
        Ticker ticker = enterprise.ticker("SOL-USDT");
        assertEquals("SOL-USDT", ticker.symbol());
        assertTrue(ticker.bid() < ticker.ask(), ticker.toString());

        MarketSymbols symbols = free.marketSymbols();
        List<String> live = symbols.symbols().stream().filter(MarketSymbols.Symbol::live).map(MarketSymbols.Symbol::symbol)
                .toList();
        assertTrue(live.containsAll(SYMBOLS), live.toString());
        MarketSymbols.Symbol btc = symbols.symbols().stream().filter(x -> x.symbol().equals("BTC-USDT")).findFirst()
                .orElseThrow();
        assertFalse(btc.intervals().isEmpty(), "the simulated history is stored: " + btc);
        for (MarketSymbols.Series series : btc.intervals()) {
            assertTrue(series.bars() > 0 && series.firstTime() <= series.lastTime(), series.toString());
        }
    }

    @Test
    void signals() {
        Regime regime = enterprise.regime("BTC-USDT", 200);
        assertEquals(Set.of("trending", "mean_reverting", "volatile"), regime.stateProbs().keySet());
        assertEquals(1.0, regime.stateProbs().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(regime.stateProbs().get(regime.regime()), regime.confidence(), 1e-12);

        MfgPrice mfg = professional.mfgPrice("BTC-USDT", 5, 200);
        assertEquals(5, mfg.horizonMin());
        assertEquals(200, mfg.nAgents());
        assertFalse(mfg.trajectory().isEmpty());
        assertEquals(mfg.targetPrice(), mfg.trajectory().get(mfg.trajectory().size() - 1).price(), 1e-9 * mfg.targetPrice());

        HfthotApiException tier = assertThrows(HfthotApiException.class, () -> free.mfgPrice("BTC-USDT", null, null));
        assertEquals(403, tier.status());
        assertEquals(HfthotApiException.TIER_REQUIRED, tier.code());
    }

    @Test
    void portfolio() {
        OptimizeResponse rp = enterprise.optimize(OptimizeRequest.of("risk_parity", SYMBOLS).withLookbackDays(30));
        assertEquals(SYMBOLS, new ArrayList<>(rp.weights().keySet()), "weights in request order");
        assertEquals(1.0, rp.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        // Risk parity: every asset contributes the same share of variance.
        for (double share : rp.diagnostics().riskContributions().values()) {
            assertEquals(1.0 / 3, share, 1e-6);
        }
        for (String method : List.of("min_variance", "max_sharpe", "hrp")) {
            OptimizeResponse r = enterprise.optimize(OptimizeRequest.of(method, SYMBOLS).withLookbackDays(30));
            assertEquals(SYMBOLS, new ArrayList<>(r.weights().keySet()), method);
            assertEquals(1.0, r.weights().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9, method);
        }
        BacktestResponse bt = enterprise.backtest(BacktestRequest.of("risk_parity", SYMBOLS));
        assertEquals(SYMBOLS, bt.symbols());
        assertFalse(bt.equityCurve().isEmpty());
        assertEquals(bt.equityCurve().get(bt.equityCurve().size() - 1).equity() - 1, bt.metrics().totalReturn(), 1e-9);
        assertTrue(bt.rebalances() > 0);
    }

    @Test
    void lakehouse() {
        TableVersions versions = enterprise.versions("market.ohlcv");
        assertFalse(versions.versions().isEmpty());
        long latest = versions.versions().get(versions.versions().size() - 1).version();
        for (int i = 1; i < versions.versions().size(); i++) {
            assertTrue(versions.versions().get(i).version() > versions.versions().get(i - 1).version());
        }

        // Version 0 is the table's creation; the first history append is version 1.
        SqlResult count = enterprise.query("SELECT count(*) AS n FROM market.ohlcv VERSION AS OF 1");
        assertEquals("n", count.columns().get(0).name());
        long rowsAtOne = ((Number) count.rows().get(0).get(0)).longValue();
        assertTrue(rowsAtOne > 0);

        TableRead v1 = enterprise.readVersion("market.ohlcv", 1, 5);
        assertEquals(1, v1.version());
        assertEquals(5, v1.rows().size());
        assertEquals(rowsAtOne, v1.rowCount(), "the SQL count and the read agree on version 1");
        TableRead now = enterprise.readAt("market.ohlcv", Instant.now(), 3);
        assertTrue(now.version() >= 0 && now.rows().size() == 3);

        BinaryResult arrow = enterprise.queryArrow("SELECT * FROM market.ohlcv VERSION AS OF 1 LIMIT 7");
        assertEquals("application/vnd.apache.arrow.stream", arrow.contentType());
        assertEquals(7, arrow.rowCount());
        // An Arrow IPC stream starts with the continuation marker 0xFFFFFFFF.
        assertArrayEquals(new byte[] {-1, -1, -1, -1}, Arrays.copyOf(arrow.body(), 4));

        BinaryResult parquet = enterprise.export("market.ohlcv", 1L);
        assertEquals(1, parquet.tableVersion());
        assertEquals(rowsAtOne, parquet.rowCount());
        byte[] file = parquet.body();
        assertEquals("PAR1", new String(file, 0, 4, StandardCharsets.US_ASCII));
        assertEquals("PAR1", new String(file, file.length - 4, 4, StandardCharsets.US_ASCII));
        assertTrue(enterprise.export("market.ohlcv", null).tableVersion() >= latest);
    }

    @Test
    void accountKeysAndOpenApi() throws Exception {
        Usage usage = enterprise.usage();
        assertEquals("enterprise", usage.tier());
        assertTrue(usage.wsMax().unlimited());
        assertTrue(usage.requestsToday() >= 0);
        Usage freeUsage = free.usage();
        assertEquals(1, freeUsage.wsMax().value());

        GeneratedKey created = enterprise.createKey("hobbyist");
        assertTrue(created.apiKey().startsWith("hft_hob_"), created.toString());
        assertEquals("hobbyist", client(created.apiKey()).usage().tier());
        HfthotApiException above = assertThrows(HfthotApiException.class, () -> free.createKey("professional"));
        assertEquals(HfthotApiException.TIER_REQUIRED, above.code());

        // Revocation: the key is refused from its next request on; revoking again answers the first time; an id
        // that is no key of this account is 404.
        RevokedKey revoked = enterprise.revokeKey(created.keyId());
        assertEquals(created.keyId(), revoked.keyId());
        assertEquals("hobbyist", revoked.tier());
        HfthotApiException gone = assertThrows(HfthotApiException.class, () -> client(created.apiKey()).usage());
        assertEquals(401, gone.status());
        assertEquals(revoked.revokedAt(), enterprise.revokeKey(created.keyId()).revokedAt());
        HfthotApiException unknown = assertThrows(HfthotApiException.class, () -> enterprise.revokeKey("0000000000000000"));
        assertEquals(404, unknown.status());
        assertEquals("NOT_FOUND", unknown.code());
        HfthotApiException foreign = assertThrows(HfthotApiException.class,
                () -> professional.revokeKey(enterprise.createKey("free_beta").keyId()));
        assertEquals(404, foreign.status(), "a key of another account is not found, as an unknown one");

        // The OpenAPI document lists exactly the paths this SDK has methods for (the server's /v1/health aside).
        JsonNode doc = new ObjectMapper().readTree(enterprise.openApi());
        Set<String> paths = new TreeSet<>();
        doc.get("paths").fieldNames().forEachRemaining(paths::add);
        paths.remove("/v1/health");
        assertEquals(new TreeSet<>(List.of("/v1/market/ohlcv", "/v1/market/orderbook", "/v1/market/ticker",
                "/v1/market/symbols", "/v1/signals/regime", "/v1/signals/mfg", "/v1/portfolio/optimize",
                "/v1/portfolio/backtest", "/v1/lakehouse/query", "/v1/lakehouse/export", "/v1/lakehouse/versions",
                "/v1/lakehouse/read", "/v1/account/usage", "/v1/keys", "/v1/keys/{key_id}", "/v1/openapi.json")), paths);
    }

    @Test
    void errorsAreTheTypedException() {
        HfthotApiException bad = assertThrows(HfthotApiException.class, () -> enterprise.ticker("DOGE-XYZ"));
        assertEquals(400, bad.status());
        assertEquals(HfthotApiException.INVALID_PARAMS, bad.code());
        assertTrue(bad.serverMessage().contains("symbol"), bad.serverMessage());

        HfthotApiException unknown = assertThrows(HfthotApiException.class, () -> client("hft_pro_not_a_key").usage());
        assertEquals(401, unknown.status());
        assertEquals(HfthotApiException.UNAUTHORIZED, unknown.code());

        HfthotApiException sql = assertThrows(HfthotApiException.class, () -> enterprise.query("DROP TABLE market.ohlcv"));
        assertEquals(HfthotApiException.INVALID_PARAMS, sql.code());
    }

    @Test
    void priceFeedStreamDeliversTicksInOrder() {
        try (LabStream stream = enterprise.openStream(64)) {
            stream.ping();
            assertInstanceOf(StreamMessage.Pong.class, stream.next(WAIT).orElseThrow());
            stream.subscribe(StreamName.PRICE_FEED, "BTC-USDT");
            assertEquals(new StreamMessage.Ack("subscribed", "price_feed", "BTC-USDT"), stream.next(WAIT).orElseThrow());
            Iterator<StreamMessage> it = stream.iterator();
            long lastTs = Long.MIN_VALUE;
            for (int i = 0; i < 5; i++) {
                StreamMessage.Tick tick = assertInstanceOf(StreamMessage.Tick.class, it.next());
                assertEquals("BTC-USDT", tick.symbol());
                assertTrue(tick.price() > 0 && tick.qty() > 0 && Set.of("buy", "sell").contains(tick.side()), tick.toString());
                assertTrue(tick.tsMs() >= lastTs, "ticks in trade order");
                lastTs = tick.tsMs();
            }
            stream.subscribe(StreamName.PRICE_FEED, "NOPE-USDT");
            StreamMessage err = nextNot(stream, StreamMessage.Tick.class);
            assertEquals(HfthotApiException.INVALID_PARAMS, assertInstanceOf(StreamMessage.StreamError.class, err).code());
            stream.unsubscribe(StreamName.PRICE_FEED, "BTC-USDT");
            assertEquals(new StreamMessage.Ack("unsubscribed", "price_feed", "BTC-USDT"), nextNot(stream, StreamMessage.Tick.class));
        }
    }

    private static StreamMessage nextNot(LabStream stream, Class<?> skipped) {
        for (int i = 0; i < 100_000; i++) {
            StreamMessage m = stream.next(WAIT).orElseThrow();
            if (!skipped.isInstance(m)) {
                return m;
            }
        }
        throw new AssertionError("only " + skipped.getSimpleName() + " messages arrived");
    }

    @Test
    void regimeStreamDeliversRegimeChanges() {
        try (LabStream stream = professional.openStream(16)) {
            stream.subscribe(StreamName.REGIME, "ETH-USDT");
            assertEquals(new StreamMessage.Ack("subscribed", "regime", "ETH-USDT"), stream.next(WAIT).orElseThrow());
            // The engine publishes a change only when the Viterbi state flips; publish one on its bus as it would.
            server.lab().bus().publish(LabTopics.regime("ETH-USDT"), new RegimeChangeMessage(RegimeChangeMessage.TYPE,
                    "ETH-USDT", "trending", "volatile", 0.91, "reduce_exposure", 1_706_785_260_000L));
            StreamMessage m = stream.next(WAIT).orElseThrow();
            assertEquals(new StreamMessage.RegimeChange("ETH-USDT", "trending", "volatile", 0.91, "reduce_exposure",
                    1_706_785_260_000L), m);
        }
    }

    @Test
    void aStreamBeyondTheTiersSlotsIsRefusedAsRateLimited() {
        String freeKey = enterprise.createKey("free_beta").apiKey();
        try (LabStream first = client(freeKey).openStream(4)) {
            HfthotApiException e = assertThrows(HfthotApiException.class, () -> client(freeKey).openStream(4));
            assertEquals(429, e.status());
            assertEquals(HfthotApiException.RATE_LIMITED, e.code());
            first.ping();
            assertInstanceOf(StreamMessage.Pong.class, first.next(WAIT).orElseThrow());
        }
        HfthotApiException e = assertThrows(HfthotApiException.class, () -> client("hft_free_unknown").openStream(4));
        assertEquals(401, e.status());
    }

    @Test
    void rateLimitedCallsBackOffThenSurfaceTheTypedError() {
        String freeKey = enterprise.createKey("free_beta").apiKey();
        HfthotClient noRetry = HfthotClient.builder(base, freeKey).retryPolicy(RetryPolicy.none()).build();
        // Spend the Free key's 60-requests-per-minute window.
        HfthotApiException refused = null;
        for (int i = 0; i < 61 && refused == null; i++) {
            try {
                noRetry.ticker("BTC-USDT");
            } catch (HfthotApiException e) {
                refused = e;
            }
        }
        assertTrue(refused != null, "the 61st request of a minute is refused");
        assertEquals(429, refused.status());
        assertEquals(HfthotApiException.RATE_LIMITED, refused.code());
        assertEquals(1, refused.attempts(), "retries disabled: surfaced on the first answer");
        assertEquals(0, refused.rateLimit().orElseThrow().remaining());
        assertEquals(60, refused.rateLimit().orElseThrow().limit());

        // With retries: the SDK waits the server's hint (until X-RateLimit-Reset), here recorded instead of slept,
        // and surfaces the error once its attempts are spent.
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        HfthotClient retrying = HfthotClient.builder(base, freeKey).retryPolicy(RetryPolicy.defaults().withMaxAttempts(3))
                .sleeper(waits::add).build();
        Instant before = Instant.now();
        HfthotApiException exhausted = assertThrows(HfthotApiException.class, () -> retrying.regime("BTC-USDT", null));
        assertEquals(HfthotApiException.RATE_LIMITED, exhausted.code());
        assertEquals(3, exhausted.attempts());
        assertEquals(2, waits.size());
        long reset = exhausted.rateLimit().orElseThrow().resetEpochSecond();
        for (Duration w : waits) {
            // At least the time from the request until the reset second, at most the whole window.
            assertTrue(w.compareTo(Duration.between(before, Instant.ofEpochSecond(reset)).minusSeconds(1)) >= 0, w.toString());
            assertTrue(w.compareTo(Duration.ofSeconds(62)) <= 0, w.toString());
        }

        // A caller that accepts no long waits gets the error at once.
        HfthotClient impatient = HfthotClient.builder(base, freeKey)
                .retryPolicy(RetryPolicy.defaults().withMaxRetryAfter(Duration.ZERO)).sleeper(waits::add).build();
        waits.clear();
        HfthotApiException immediate = assertThrows(HfthotApiException.class, () -> impatient.usage());
        assertEquals(1, immediate.attempts());
        assertTrue(waits.isEmpty(), waits.toString());
    }

    @Test
    void theQuickstartRuns() {
        ClientQuickstart.main(new String[] {base.toString(), key(Tier.PROFESSIONAL)});
    }
}

package io.hfthot.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.client.HfthotApiException;
import io.hfthot.client.HfthotClient;
import io.hfthot.client.model.MarketSymbols;
import io.hfthot.client.model.OptimizeRequest;
import io.hfthot.client.model.RevokedKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code DELETE /v1/keys/{key_id}} and {@code GET /v1/market/symbols} through {@link HfthotClient} against a scripted
 * server: the request sent, the answer decoded, the argument checked before sending, and the retry rule.
 */
class KeyAndSymbolRoutesTest {
    private static final String KEY_ID = "0123456789abcdef";
    private static final String REVOKED = "{\"key_id\":\"" + KEY_ID + "\",\"tier\":\"hobbyist\","
            + "\"revoked_at\":\"2026-12-07T12:00:00Z\"}";

    private final List<Duration> waits = new ArrayList<>();
    private ScriptedServer server;
    private HfthotClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedServer();
        client = HfthotClient.builder(server.uri(), "hft_pro_test").sleeper(waits::add).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void revokeKeySendsADeleteWithTheKeyAndDecodesTheAnswer() {
        server.then(200, Map.of("Content-Type", "application/json"), REVOKED);
        RevokedKey r = client.revokeKey(KEY_ID);
        assertEquals(new RevokedKey(KEY_ID, "hobbyist", "2026-12-07T12:00:00Z"), r);
        ScriptedServer.Received sent = server.received.get(0);
        assertEquals("DELETE", sent.method());
        assertEquals("/v1/keys/" + KEY_ID, sent.pathAndQuery());
        assertEquals(List.of("hft_pro_test"), sent.headers().get("X-hfthot-api-key"));
    }

    @Test
    void aMalformedKeyIdIsRefusedBeforeAnythingIsSent() {
        for (String bad : new String[] {null, "", "0123456789ABCDEF", "0123456789abcde", "0123456789abcdef0",
                "../usage/xxxxxxxx", "hft_pro_abc"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> client.revokeKey(bad));
            assertTrue(e.getMessage().startsWith("keyId = ") && e.getMessage().contains("16 lowercase hex digits"),
                    e.getMessage());
        }
        assertTrue(server.received.isEmpty(), "nothing was sent");
    }

    @Test
    void revokeIsRetriedAfterA5xxBecauseItIsIdempotent() {
        server.then(503, Map.of(), "{\"code\":\"SERVICE_UNAVAILABLE\",\"message\":\"shutting down\"}")
                .then(200, Map.of(), REVOKED);
        assertEquals(KEY_ID, client.revokeKey(KEY_ID).keyId());
        assertEquals(2, server.received.size());
        assertEquals(1, waits.size());
    }

    @Test
    void anUnknownKeyIsTheTypedNotFoundWithoutRetries() {
        server.then(404, Map.of(), "{\"code\":\"NOT_FOUND\",\"message\":\"no API key with key_id '" + KEY_ID
                + "' in this key's account\"}");
        HfthotApiException e = assertThrows(HfthotApiException.class, () -> client.revokeKey(KEY_ID));
        assertEquals(404, e.status());
        assertEquals("NOT_FOUND", e.code());
        assertEquals(1, e.attempts());
    }

    @Test
    void marketSymbolsDecodesSimulatedAndImportedSymbols() {
        server.then(200, Map.of(), "{\"symbols\":[{\"symbol\":\"BTC-USDT\",\"source\":\"simulated\",\"intervals\":[]},"
                + "{\"symbol\":\"AAPL\",\"source\":\"imported\",\"intervals\":[{\"interval\":\"1d\","
                + "\"first_time\":1700000000000,\"last_time\":1700086400000,\"bars\":2}]}]}");
        MarketSymbols s = client.marketSymbols();
        assertEquals("/v1/market/symbols", server.received.get(0).pathAndQuery());
        assertEquals(2, s.symbols().size());
        assertTrue(s.symbols().get(0).live());
        MarketSymbols.Symbol aapl = s.symbols().get(1);
        assertFalse(aapl.live());
        assertEquals(List.of(new MarketSymbols.Series("1d", 1_700_000_000_000L, 1_700_086_400_000L, 2)), aapl.intervals());
        assertThrows(UnsupportedOperationException.class, () -> s.symbols().clear());
    }

    @Test
    void theNewPortfolioMethodsAreAccepted() {
        for (String m : List.of("min_variance", "max_sharpe", "hrp")) {
            assertEquals(m, OptimizeRequest.of(m, List.of("BTC-USDT", "ETH-USDT")).method());
        }
    }
}

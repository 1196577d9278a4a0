package io.hfthot.client.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.client.internal.Json;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Requests refuse bad fields before anything is sent; responses decode seed 000's JSON. */
class ModelValidationTest {
    private static void refused(String expected, Executable e) {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
        assertTrue(x.getMessage().contains(expected), x.getMessage());
    }

    @Test
    void badRequestFieldsAreNamedWithTheValueAndWhatIsAccepted() {
        refused("field 'interval' = '2m' is not accepted; expected one of [15m, 1d, 1h, 1m, 5m]",
                () -> OhlcvQuery.of("BTC-USDT", "2m"));
        refused("field 'limit' = 5001", () -> OhlcvQuery.of("BTC-USDT", "5m").withLimit(5001));
        refused("field 'symbol' = ' '", () -> OhlcvQuery.of(" ", "5m"));
        refused("'start_time' = 10 is after 'end_time' = 5", () -> new OhlcvQuery("BTC-USDT", "1m", 10L, 5L, null));
        refused("field 'method' = 'markowitz'", () -> OptimizeRequest.of("markowitz", List.of("BTC-USDT")));
        refused("'BTC-USDT' appears twice", () -> OptimizeRequest.of("cara", List.of("BTC-USDT", "BTC-USDT")));
        refused("field 'symbols' = []", () -> BacktestRequest.of("cara", List.of()));
        refused("field 'expected_returns' has 1 values", () -> new OptimizeRequest("cara", List.of("A", "B"), null, null, null,
                List.of(0.1), null));
        refused("field 'cost_bps' = -1.0", () -> new BacktestRequest("cara", List.of("A"), null, null, null, null, -1.0, null, null));
        refused("field 'gamma' = NaN", () -> new OptimizeRequest("cara", List.of("A"), null, Double.NaN, null, null, null));
    }

    @Test
    void requestsCopyTheirListsAndEncodeSnakeCaseWithoutNulls() {
        List<String> symbols = new ArrayList<>(List.of("BTC-USDT", "ETH-USDT"));
        OptimizeRequest r = OptimizeRequest.of("risk_parity", symbols).withLookbackDays(30);
        symbols.add("SOL-USDT");
        assertEquals(2, r.symbols().size());
        assertEquals("{\"method\":\"risk_parity\",\"symbols\":[\"BTC-USDT\",\"ETH-USDT\"],\"lookback_days\":30,\"gamma\":null,"
                + "\"rho\":null,\"expected_returns\":null,\"covariance\":null}".replace(",\"gamma\":null,\"rho\":null,"
                + "\"expected_returns\":null,\"covariance\":null", ""), Json.write(r));
    }

    @Test
    void usageLimitsAreNumbersOrUnlimited() {
        Usage u = Json.read("{\"requests_today\":3,\"daily_limit\":86400,\"ws_active\":0,\"ws_max\":\"unlimited\",\"tier\":\"enterprise\","
                + "\"billing_cycle_end\":\"2026-02-01T00:00:00Z\",\"provider_keys\":{}}", Usage.class);
        assertEquals(new Limit(86400), u.dailyLimit());
        assertTrue(u.wsMax().unlimited());
        assertEquals("\"unlimited\"", Json.write(Limit.UNLIMITED));
        refused("expected >= 0", () -> new Limit(-2));
    }

    @Test
    void sqlRowsKeepNulls() {
        SqlResult r = Json.read("{\"columns\":[{\"name\":\"a\",\"type\":\"DOUBLE\"}],\"rows\":[[null],[\"NaN\"]],\"row_count\":2,"
                + "\"truncated\":false,\"tables\":[{\"table\":\"market.ohlcv\",\"version\":3}],\"elapsed_ms\":1.5}", SqlResult.class);
        assertEquals(null, r.rows().get(0).get(0));
        assertEquals(new SqlResult.TableSnapshot("market.ohlcv", 3), r.tables().get(0));
    }

    @Test
    void theGeneratedKeyIsNotPrinted() {
        GeneratedKey k = new GeneratedKey("hft_pro_secret", "k1", "o", "professional", "2026-01-01T00:00:00Z");
        assertTrue(!k.toString().contains("secret"), k.toString());
    }
}

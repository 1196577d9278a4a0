package io.hfthot.adapters.http.hub;

import static io.hfthot.adapters.http.hub.HubFixture.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.hub.HubOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Over the provider budget, a miss is answered stale (flagged by a header) or refused with 429 and Retry-After. */
class HubCandlesHttpTest {
    @TempDir
    Path dir;

    @Test
    void overBudgetStaleWithAHeaderOr429() throws Exception {
        // The candle scheduler is pushed out of the test's way so that only requests spend the budget.
        try (HubFixture f = new HubFixture(dir, o -> new HubOptions(o.adminEmail(), o.adminPassword(), o.passwords(),
                o.internalSecret(), o.agentThreads(), o.maxAgentsPerUser(), o.journalFlush(), Duration.ofHours(1),
                o.planner()))) {
            String access = f.login(HubFixture.ADMIN, HubFixture.PASSWORD).get("access_token").asText();
            List<String> keys = new ArrayList<>();
            for (String s : new String[] {"BTC/USDT", "ETH/USDT", "SOL/USDT"}) {
                for (String tf : new String[] {"1m", "5m", "15m", "1h", "1d"}) {
                    keys.add("/api/market/candles?symbol=" + s + "&timeframe=" + tf);
                }
            }
            for (int i = 0; i < 8; i++) {
                assertEquals(200, f.get(keys.get(i), access).statusCode());
            }
            HttpResponse<String> refused = f.get(keys.get(8), access);
            assertEquals(429, refused.statusCode(), refused.body());
            assertTrue(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow()) >= 1);
            assertTrue(json(refused).get("detail").asText().contains("budget"));

            f.shiftMillis.set(61_000);
            for (int i = 0; i < 8; i++) {
                HttpResponse<String> r = f.get(keys.get(i), access);
                assertFalse(r.headers().firstValue(HubRoutes.STALE_HEADER).isPresent(), "refetched: " + keys.get(i));
            }
            f.shiftMillis.set(62_000);
            // The window's 8 calls are spent and the 9th key was never cached: 429 again.
            assertEquals(429, f.get(keys.get(8), access).statusCode());
            f.shiftMillis.set(122_000);
            for (int i = 1; i < 8; i++) {
                assertEquals(200, f.get(keys.get(i), access).statusCode());
            }
            // Eighth call of this window spent on key 8; key 0 is stale (61 s old) with no budget left.
            assertEquals(200, f.get(keys.get(8), access).statusCode());
            HttpResponse<String> stale = f.get(keys.get(0), access);
            assertEquals(200, stale.statusCode(), stale.body());
            assertEquals("true", stale.headers().firstValue(HubRoutes.STALE_HEADER).orElseThrow());
            assertTrue(json(stale).get("stale").asBoolean());
            // 61 s of shifted clock plus the real time the requests took.
            assertTrue(Long.parseLong(stale.headers().firstValue(HubRoutes.AGE_HEADER).orElseThrow()) >= 61);
        }
    }
}

package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.GeneratedKey;
import io.hfthot.engine.lab.api.ParquetExport;
import io.hfthot.engine.lab.api.TableRead;
import io.hfthot.engine.lab.api.TableVersions;
import io.hfthot.engine.lab.api.UsageResponse;
import io.hfthot.engine.keys.DemoKeys;
import io.hfthot.engine.market.lakehouse.MarketTables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabAccountAndHistoryTest {
    /** A caller whose history is unbounded, so these tests see every row. */
    private static final Principal ENTERPRISE = LabFixtures.caller(Tier.ENTERPRISE);

    @TempDir
    Path dir;

    @Test
    void demoKeysAreIssuedOncePerTierSavedOwnerOnlyAndSurviveARestart() throws IOException {
        TestClock clock = new TestClock(LabFixtures.START);
        LabConfig config = LabConfig.forTests(dir, LabFixtures.SEED).withDemoKeys(true);
        List<GeneratedKey> first;
        try (LabService lab = LabService.start(config, clock)) {
            first = lab.demoKeys();
            assertEquals(4, first.size());
            for (int i = 0; i < 4; i++) {
                Tier tier = Tier.values()[i];
                assertEquals(tier.id(), first.get(i).tier());
                assertTrue(first.get(i).apiKey().startsWith(tier.keyPrefix()));
                assertEquals(DemoKeys.owner(tier), first.get(i).owner(), "each demo key has its own account");
                assertEquals(tier, lab.access().keys().verify(first.get(i).apiKey()).orElseThrow().tier());
            }
            Path file = dir.resolve(DemoKeys.FILE_NAME);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        }
        clock.advance(Duration.ofMinutes(10));
        try (LabService lab = LabService.start(config, clock)) {
            assertEquals(first.stream().map(GeneratedKey::apiKey).toList(),
                    lab.demoKeys().stream().map(GeneratedKey::apiKey).toList(), "the same keys, not new ones");
            for (Tier tier : Tier.values()) {
                assertEquals(1, lab.access().keys().keysOf(DemoKeys.owner(tier)).size(), "the key table kept them");
            }
            assertTrue(lab.access().keys().verify(first.get(2).apiKey()).isPresent());
        }
    }

    @Test
    void generatedKeysVerifyAndUsageIsReportedUnderTheSeedsNames() {
        TestClock clock = new TestClock(LabFixtures.START);
        try (LabService lab = LabService.start(LabConfig.forTests(dir, LabFixtures.SEED), clock)) {
            GeneratedKey k = lab.generateKey("user-123", "pro");
            assertEquals("professional", k.tier());
            Principal p = lab.access().keys().verify(k.apiKey()).orElseThrow();
            assertEquals("user-123", p.ownerId());
            lab.access().check(k.apiKey(), io.hfthot.engine.quota.Feature.REST_REQUEST, clock.instant());
            lab.access().check(k.apiKey(), io.hfthot.engine.quota.Feature.REST_REQUEST, clock.instant());
            UsageResponse u = lab.usage(p);
            assertEquals(List.of("requests_today", "daily_limit", "ws_active", "ws_max", "tier", "billing_cycle_end",
                    "provider_keys"), List.copyOf(u.toFields().keySet()));
            assertEquals("professional", u.tier());
            assertEquals(2, u.requestsToday(), "two admitted requests were counted");
            assertEquals(2000L * 1440, u.dailyLimit());
            assertEquals(10L, u.wsMax());
            assertEquals(java.util.Map.of(), u.providerKeys());
            lab.providerKeys().register("user-123", "finnhub", "fh-secret-token",
                    io.hfthot.engine.usage.provider.ProviderBudget.FINNHUB);
            lab.providerKeys().acquire("user-123", "finnhub").orElseThrow();
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> finnhub = (java.util.Map<String, Object>) lab.usage(p).providerKeys().get("finnhub");
            assertEquals(59L, finnhub.get("queries_remaining"), "seed 000 reads provider_keys.finnhub.queries_remaining");
            assertInvalid("tier", () -> lab.generateKey("user-123", "gold"));
            assertInvalid("owner", () -> lab.generateKey("", "pro"));
            assertInvalid("owner", () -> lab.generateKey("a b", "pro"));
        }
    }

    @Test
    void tableHistoryListsVersionsTimeTravelsAndExportsOnlyPublicTables() throws IOException {
        TestClock clock = new TestClock(LabFixtures.START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, LabFixtures.SEED), clock, null)) {
            long firstWrite = clock.millis();
            clock.advance(Duration.ofMinutes(5));
            lab.runMaintenance();
            TableVersions v = lab.versions("market.ohlcv");
            assertEquals(3, v.versions().size(), "create, bulk write, one append");
            assertEquals(List.of(0L, 1L, 2L), v.versions().stream().map(e -> e.version()).toList());
            assertEquals("UPSERT", v.versions().get(2).operation(), "bars are upserted by (symbol, interval, ts)");
            assertEquals(List.of("market.ohlcv", "market.ticks"), lab.tables());

            TableRead atV1 = lab.readVersion(ENTERPRISE, "market.ohlcv", 1, 10);
            assertEquals(10, atV1.rows().size());
            assertTrue(atV1.truncated());
            assertEquals(List.of("symbol", "interval", "ts", "open", "high", "low", "close", "volume"), atV1.columns());
            assertTrue(atV1.rows().get(0).get("ts") instanceof String);
            TableRead atTime = lab.readAtTimestamp(ENTERPRISE, "market.ohlcv", firstWrite + 60_000L, 1);
            assertEquals(1, atTime.version());
            assertEquals(atV1.rowCount(), atTime.rowCount());
            assertTrue(lab.readVersion(ENTERPRISE, "market.ohlcv", 2, 1).rowCount() > atV1.rowCount(), "the append added rows");

            try (ParquetExport export = lab.exportParquet(ENTERPRISE, "market.ohlcv", 1L)) {
                assertEquals(1, export.version());
                assertEquals(atV1.rowCount(), export.rows());
                assertTrue(Files.size(export.file()) > 0);
                export.close();
                assertFalse(Files.exists(export.file()), "closing deletes the file");
            }
            assertInvalid("table", () -> lab.versions("auth.api_keys"));
            assertInvalid("table", () -> lab.versions("market.quotes"));
            assertInvalid("table", () -> lab.versions("../etc"));
            assertInvalid("table", () -> lab.exportParquet(ENTERPRISE, null, null));
            assertInvalid("version", () -> lab.readVersion(ENTERPRISE, "market.ohlcv", 99, null));
            assertInvalid("version", () -> lab.exportParquet(ENTERPRISE, "market.ohlcv", 99L));
            assertInvalid("limit", () -> lab.readVersion(ENTERPRISE, "market.ohlcv", 1, 10_001));
            assertInvalid("timestamp", () -> lab.readAtTimestamp(ENTERPRISE, "market.ohlcv", firstWrite - 86_400_000L, null));
            assertEquals(2, lab.engine().lakehouse().read(MarketTables.OHLCV).version(), "no request changed the table");
        }
    }

    private static void assertInvalid(String parameter, Runnable call) {
        EngineException e = assertThrows(EngineException.class, call::run);
        assertEquals(ErrorCode.INVALID_PARAMS, e.code(), e.getMessage());
        assertEquals(parameter, e.parameter().orElseThrow(), e.getMessage());
    }
}

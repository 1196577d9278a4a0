package io.hfthot.server.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import io.hfthot.engine.sql.SqlLimits;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server's SQL limits end to end through the lab engine and DuckDB: one caller's long queries cannot take the
 * whole pool, everyone else is answered at once, and each tier's time limit applies.
 */
class DuckDbQueryEngineLimitsTest {
    private static final Instant NOW = Instant.parse("2026-01-12T14:00:30Z");
    /** Runs until cancelled: one row per iteration, so memory grows slowly. */
    private static final String ENDLESS = "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 1000000000) "
            + "SELECT max(n) FROM r";

    @TempDir
    Path dir;

    private static Principal key(String id, String owner, Tier tier) {
        return new Principal(id, owner, tier, NOW);
    }

    @Test
    void fourRecursiveQueriesOfOneCallerDoNotHoldTheOthersBack() throws Exception {
        Map<Tier, Duration> timeouts = SqlLimits.defaultTimeouts();
        timeouts.put(Tier.PROFESSIONAL, Duration.ofSeconds(3));
        SqlConfig config = new SqlConfig("256MB", 1, "256MB", new SqlLimits(2, 4, Duration.ofMillis(500), timeouts));
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try (LabService lab = LabService.start(LabConfig.forTests(dir, 7L), Clock.fixed(NOW, ZoneOffset.UTC),
                config.queryEngines(dir))) {
            Principal hog = key("hog-1", "hog", Tier.PROFESSIONAL);
            List<Future<ErrorCode>> attempts = new ArrayList<>();
            long started = System.nanoTime();
            for (int i = 0; i < 4; i++) {
                attempts.add(threads.submit(() -> {
                    try {
                        lab.sql(hog, ENDLESS, "json");
                        return null;
                    } catch (EngineException e) {
                        return e.code();
                    }
                }));
            }
            Thread.sleep(300);
            for (String other : List.of("alice", "bob")) {
                long before = System.nanoTime();
                byte[] body = lab.sql(key(other + "-1", other, Tier.HOBBYIST), "SELECT 1 AS one", "json").body();
                assertTrue(new String(body, StandardCharsets.UTF_8).contains("[[1]]"));
                assertTrue(System.nanoTime() - before < Duration.ofSeconds(1).toNanos(), other + " waited behind the hog");
            }
            int refused = 0;
            int timedOut = 0;
            for (Future<ErrorCode> attempt : attempts) {
                ErrorCode code = attempt.get();
                refused += code == ErrorCode.RATE_LIMITED ? 1 : 0;
                timedOut += code == ErrorCode.INVALID_PARAMS ? 1 : 0;
            }
            assertEquals(2, refused, "the hog's share is 2 queries at once");
            assertEquals(2, timedOut, "the 2 admitted ones stop at the Professional limit");
            long elapsed = System.nanoTime() - started;
            assertTrue(elapsed < Duration.ofSeconds(10).toNanos(), "the tier's 3 s limit cancelled them, took " + elapsed / 1_000_000 + " ms");
            assertTrue(Files.isDirectory(dir.resolve(SqlConfig.SPILL_DIRECTORY)), "the spill directory lives in the data directory");
            // the hog's slots were given back
            assertTrue(new String(lab.sql(hog, "SELECT 2 AS two", "json").body(), StandardCharsets.UTF_8).contains("[[2]]"));
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void theFlagsParseIntoLimitsAndBadValuesNameTheFlag() {
        SqlConfig parsed = SqlConfig.parse("512MB", "2", "0", "6", "3", "1500", "hobbyist=7s,enterprise=90s");
        assertEquals("512MB", parsed.memoryLimit());
        assertEquals(null, parsed.maxSpill());
        assertEquals(6, parsed.limits().concurrent());
        assertEquals(Duration.ofSeconds(7), parsed.limits().timeout(Tier.HOBBYIST));
        assertEquals(Duration.ofSeconds(90), parsed.limits().timeout(Tier.ENTERPRISE));
        assertEquals(Duration.ofSeconds(20), parsed.limits().timeout(Tier.PROFESSIONAL), "tiers left out keep their default");
        for (String[] bad : List.of(new String[] {"lots", "auto", "1GB", "4", "2", "2000", ""},
                new String[] {"auto", "auto", "1GB", "4", "9", "2000", ""},
                new String[] {"auto", "auto", "1GB", "4", "2", "2000", "gold=5s"})) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> SqlConfig.parse(bad[0], bad[1], bad[2], bad[3], bad[4], bad[5], bad[6]));
            assertTrue(e.getMessage().contains("--sql-"), e.getMessage());
        }
    }
}

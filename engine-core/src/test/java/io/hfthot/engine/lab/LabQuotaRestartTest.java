package io.hfthot.engine.lab;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.ErrorCode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.quota.Feature;
import io.hfthot.engine.quota.QuotaDecision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rate windows and hourly/daily quotas survive a restart on the same data directory. */
class LabQuotaRestartTest {
    @TempDir
    Path dir;

    private final TestClock clock = new TestClock(LabFixtures.START);

    private LabService start() {
        return LabService.start(LabConfig.forTests(dir, LabFixtures.SEED), clock);
    }

    private static Principal principal(LabService lab, String rawKey) {
        return lab.access().keys().verify(rawKey).orElseThrow();
    }

    private static int spend(LabService lab, Principal p, Feature feature, int attempts) {
        int allowed = 0;
        for (int i = 0; i < attempts; i++) {
            allowed += lab.access().decide(p, feature, LabFixtures.START.plusSeconds(1)).allowed() ? 1 : 0;
        }
        return allowed;
    }

    @Test
    void aKeyAtItsLimitStaysLimitedAfterARestart() {
        String free;
        String hob;
        try (LabService lab = start()) {
            free = lab.access().keys().issue("restart-free", Tier.FREE_BETA).rawKey();
            hob = lab.access().keys().issue("restart-hob", Tier.HOBBYIST).rawKey();
            assertEquals(60, spend(lab, principal(lab, free), Feature.REST_REQUEST, 70));
            assertEquals(10, spend(lab, principal(lab, hob), Feature.LAKEHOUSE_SQL, 12), "10 SQL queries an hour");
            assertEquals(30, spend(lab, principal(lab, hob), Feature.PORTFOLIO_OPTIMIZATION, 30));
        }
        assertTrue(Files.exists(dir.resolve(io.hfthot.engine.EngineBuilder.WINDOWS_FILE)));
        try (LabService lab = start()) {
            QuotaDecision rest = lab.access().decide(principal(lab, free), Feature.REST_REQUEST,
                    LabFixtures.START.plusSeconds(2));
            assertEquals(ErrorCode.RATE_LIMITED, rest.code(), "the minute window survived the restart");
            assertEquals(0, spend(lab, principal(lab, hob), Feature.LAKEHOUSE_SQL, 3), "the hourly quota too");
            assertEquals(20, spend(lab, principal(lab, hob), Feature.PORTFOLIO_OPTIMIZATION, 25),
                    "the daily quota too: 50 a day, 30 spent before the restart");
            // The windows still slide: a minute after the first requests the REST window has room again.
            assertTrue(lab.access().decide(principal(lab, free), Feature.REST_REQUEST,
                    LabFixtures.START.plus(Duration.ofSeconds(62))).allowed());
        }
    }

    @Test
    void anUnreadableWindowFileIsSetAsideAndTheServerStarts() throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(io.hfthot.engine.EngineBuilder.WINDOWS_FILE), "not a window file");
        try (LabService lab = start()) {
            Principal p = principal(lab, lab.access().keys().issue("fresh", Tier.FREE_BETA).rawKey());
            assertTrue(lab.access().decide(p, Feature.REST_REQUEST, LabFixtures.START).allowed());
        }
        assertTrue(Files.exists(dir.resolve(io.hfthot.engine.EngineBuilder.WINDOWS_FILE + ".unreadable")));
        assertTrue(Files.size(dir.resolve(io.hfthot.engine.EngineBuilder.WINDOWS_FILE)) > 12, "a valid file was written at close");
    }
}

package io.hfthot.engine.hti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.hti.ideas.IdeaStatus;
import io.hfthot.engine.hti.ideas.IdeaTable;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiAuthentication;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.hti.profile.IssuedApiCode;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.testkit.TestClock;
import io.hfthot.lakehouse.Row;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtiServiceTest {
    private static final Instant START = Instant.parse("2026-01-12T14:00:30Z");
    private static final HtiConfig MANUAL = HtiConfig.defaults().withBackground(false);

    @TempDir
    Path dir;

    /** Runs passes every 5 simulated minutes for the given hours and returns every revision made. */
    private static List<TradeIdea> simulate(LabService lab, HtiService hti, TestClock clock, int hours) {
        List<TradeIdea> all = new ArrayList<>(hti.runOnce());
        for (int i = 0; i < hours * 12; i++) {
            clock.advance(Duration.ofMinutes(5));
            lab.engine().runMaintenance();
            all.addAll(hti.runOnce());
        }
        return all;
    }

    @Test
    void ideasComeOnSeveralAssetClassesAndTimeframesAreUpdatedAndExpireAndEveryRevisionIsStored() {
        TestClock clock = new TestClock(START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            HtiService hti = HtiService.start(lab.engine(), MANUAL);
            List<TradeIdea> all = simulate(lab, hti, clock, 2);
            Set<String> classes = all.stream().map(TradeIdea::assetClass).collect(Collectors.toSet());
            Set<String> frames = all.stream().map(i -> i.timeframe().name()).collect(Collectors.toSet());
            Set<String> prefixes = all.stream().map(TradeIdea::prefix).collect(Collectors.toSet());
            assertEquals(Set.of("CRYPTO", "FOREX", "INDEX", "COMMODITY"), classes);
            assertEquals(Set.of("M1", "M5", "M15", "H1"), frames);
            assertTrue(prefixes.size() >= 2, prefixes.toString());
            assertTrue(all.stream().anyMatch(i -> i.revision() > 0 && i.status() == IdeaStatus.ACTIVE), "no update");
            assertTrue(all.stream().anyMatch(i -> i.status() == IdeaStatus.EXPIRED), "no expiry");
            for (TradeIdea i : all) {
                if (i.revision() == 0) {
                    assertEquals(i.creationTime().plusMillis(12 * i.timeframe().millis()), i.expirationTime());
                }
            }
            // Every revision is a row of hti.ideas, with its values.
            List<Row> rows = lab.engine().lakehouse().read(IdeaTable.TABLE).rows();
            assertEquals(all.size(), rows.size());
            Set<String> stored = new HashSet<>();
            for (Row r : rows) {
                stored.add(r.getLong("id") + "/" + r.getLong("revision") + "/" + r.getString("status") + "/"
                        + r.getDouble("confidence"));
            }
            Set<String> made = all.stream().map(i -> i.id() + "/" + i.revision() + "/" + i.status().wireName() + "/"
                    + i.confidence()).collect(Collectors.toSet());
            assertEquals(made, stored);
            // At most one active idea per instrument and timeframe.
            List<TradeIdea> active = hti.activeIdeas();
            assertEquals(active.size(), active.stream().map(i -> i.instrument() + i.timeframe()).distinct().count());
        }
    }

    @Test
    void codesAndIdeaHistorySurviveARestart() {
        TestClock clock = new TestClock(START);
        String code;
        List<TradeIdea> before;
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            HtiService hti = HtiService.start(lab.engine(), MANUAL);
            IssuedApiCode issued = hti.issueCode("Acme", null, 60, IdeaFilters.all());
            code = issued.code();
            simulate(lab, hti, clock, 1);
            before = hti.history(issued.profile(), 100);
            assertFalse(before.isEmpty());
        }
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            HtiService hti = HtiService.start(lab.engine(), MANUAL);
            HtiAuthentication.Accepted ok = assertInstanceOf(HtiAuthentication.Accepted.class, hti.authenticate(code));
            assertEquals("Acme", ok.profile().accountName());
            assertEquals(before, hti.history(ok.profile(), 100));
        }
    }

    @Test
    void threeDemoCodesWithDifferentFiltersAreIssuedOnceAndReportedAgain() {
        TestClock clock = new TestClock(START);
        List<DemoCodes.DemoCode> first;
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            HtiService hti = HtiService.start(lab.engine(), MANUAL);
            first = hti.demoCodes();
            assertEquals(3, first.size());
            Set<IdeaFilters> filters = new HashSet<>();
            for (DemoCodes.DemoCode c : first) {
                filters.add(assertInstanceOf(HtiAuthentication.Accepted.class, hti.authenticate(c.code())).profile()
                        .filters());
            }
            assertEquals(3, filters.size());
        }
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            assertEquals(first, HtiService.start(lab.engine(), MANUAL).demoCodes());
        }
    }

    @Test
    void revokingACodeEndsItsFeedAndRefusesIt() throws InterruptedException {
        TestClock clock = new TestClock(START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            HtiService hti = HtiService.start(lab.engine(), MANUAL);
            IssuedApiCode issued = hti.issueCode("Acme", null, 60, IdeaFilters.all());
            IdeaFeed feed = hti.subscribe(issued.profile());
            assertTrue(feed.isActive());
            assertTrue(hti.revoke(issued.profile().codeId()));
            assertEquals(java.util.Optional.empty(), feed.poll(Duration.ofMillis(10)));
            assertFalse(feed.isActive());
            assertTrue(feed.endMessage(io.hfthot.engine.events.CloseReason.UNSUBSCRIBED).contains("expired"));
            HtiAuthentication.Refused refused = assertInstanceOf(HtiAuthentication.Refused.class,
                    hti.authenticate(issued.code()));
            assertEquals(401, refused.status());
            assertFalse(hti.revoke(issued.profile().codeId()));
        }
    }

    @Test
    void badArgumentsAreRefusedNamingTheField() {
        TestClock clock = new TestClock(START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            HtiService hti = HtiService.start(lab.engine(), MANUAL);
            IssuedApiCode issued = hti.issueCode("Acme", null, 60, IdeaFilters.all());
            for (int limit : new int[] {0, -1, 101, Integer.MAX_VALUE}) {
                EngineException e = assertThrows(EngineException.class, () -> hti.history(issued.profile(), limit));
                assertEquals(ErrorCode.INVALID_PARAMS, e.code());
                assertEquals("limit", e.parameter().orElseThrow());
            }
            assertEquals("request_limit_per_minute", assertThrows(EngineException.class,
                    () -> hti.issueCode("Acme", null, 0, IdeaFilters.all())).parameter().orElseThrow());
            assertEquals("valid_until", assertThrows(EngineException.class,
                    () -> hti.issueCode("Acme", START.minusSeconds(1), 10, IdeaFilters.all())).parameter().orElseThrow());
            assertEquals("account_name", assertThrows(EngineException.class,
                    () -> hti.issueCode(" ", null, 10, IdeaFilters.all())).parameter().orElseThrow());
            assertEquals(List.of(issued.profile()), hti.profiles().stream()
                    .filter(p -> p.accountName().equals("Acme")).toList());
        }
    }

    @Test
    void publishedRevisionsReachAFeedOnlyWhenTheyMatch() throws InterruptedException {
        TestClock clock = new TestClock(START);
        try (LabService lab = LabService.startInMemoryIdentity(LabConfig.forTests(dir, 7L), clock, null)) {
            HtiService hti = HtiService.start(lab.engine(), MANUAL);
            IdeaFilters cryptoOnly = new IdeaFilters(Set.of("CRYPTO"), Set.of(), Set.of(), Set.of(), Set.of());
            IssuedApiCode issued = hti.issueCode("Acme", null, 60, cryptoOnly);
            IdeaFeed feed = hti.subscribe(issued.profile());
            List<TradeIdea> made = simulate(lab, hti, clock, 1);
            List<TradeIdea> received = new ArrayList<>();
            for (java.util.Optional<Event> e; (e = feed.poll(Duration.ofMillis(50))).isPresent(); ) {
                received.add((TradeIdea) e.get().payload());
            }
            assertEquals(made.stream().filter(i -> i.assetClass().equals("CRYPTO")).toList(), received);
            Map<Long, TradeIdea> latest = new java.util.HashMap<>();
            received.forEach(i -> latest.merge(i.id(), i, (a, b) -> b));
            assertTrue(hti.history(issued.profile(), 100).containsAll(latest.values().stream()
                    .sorted(java.util.Comparator.comparing(TradeIdea::lastUpdate).reversed()).limit(100).toList()));
            feed.close();
        }
    }
}

package io.hfthot.engine.hti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.Engine;
import io.hfthot.engine.hti.ideas.IdeaStatus;
import io.hfthot.engine.hti.ideas.IdeaTable;
import io.hfthot.engine.hti.ideas.Timeframe;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.testkit.TestClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generator runs only while the engine is the market writer: on standby a pass draws and stores nothing, and
 * the history follows what the writer publishes; on taking over, the table is read back first so that ids continue
 * and nothing stored while this replica missed it is lost. (The Redis lease that drives the writer role is tested
 * in reference-server.)
 */
class HtiStandbyTest {
    private static final Instant START = Instant.parse("2026-01-12T14:00:30Z");
    private static final HtiConfig MANUAL = HtiConfig.defaults().withBackground(false).withDemoCodes(false);

    @TempDir
    Path dir;

    private static TradeIdea otherReplicasIdea(long id, Instant at) {
        return new TradeIdea(id, 0, "BTC-USDT", Timeframe.M5, "CRYPTO", TradeIdea.BUY, "MARKET", "TREND", "trending",
                0.8, 0.1, 100, 102, 99, at, at, at.plusSeconds(3600), IdeaStatus.ACTIVE, "drawn by the writer");
    }

    private static void awaitHistory(HtiService hti, HtiProfile all, TradeIdea expected) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!hti.history(all, 100).contains(expected) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertTrue(hti.history(all, 100).contains(expected), "not in history: " + expected);
    }

    @Test
    void onlyTheMarketWriterGeneratesAndATakeOverContinuesFromTheTable() throws InterruptedException {
        TestClock clock = new TestClock(START);
        AtomicBoolean writer = new AtomicBoolean(false);
        try (Engine engine = Engine.builder(LabConfig.forTests(dir, 7L)).clock(clock).inMemoryIdentity()
                .marketWriter(writer::get).build()) {
            HtiService hti = HtiService.start(engine, MANUAL);
            IdeaTable table = IdeaTable.open(engine.lakehouse());
            HtiProfile all = hti.issueCode("Acme", null, 60, IdeaFilters.all()).profile();

            assertEquals(List.of(), hti.runOnce());
            assertTrue(table.latest().isEmpty(), "a standby replica stored ideas");

            // The writer stores, then publishes on the shared bus: the standby's history follows.
            TradeIdea published = otherReplicasIdea(41, clock.instant());
            table.append(List.of(published));
            engine.eventBus().publish(HtiService.TOPIC, published);
            awaitHistory(hti, all, published);
            assertEquals(List.of(), hti.runOnce());

            // A revision this replica never received on the bus, then the lease moves here.
            TradeIdea missed = published.revise(clock.instant(), IdeaStatus.SUPERSEDED, 0.8, 0.1, "superseded");
            table.append(List.of(missed));
            writer.set(true);
            engine.runMaintenance();
            List<TradeIdea> made = hti.runOnce();
            assertFalse(made.isEmpty(), "the new writer drew no idea");
            assertTrue(made.stream().allMatch(i -> i.id() > 41 && i.revision() == 0), made.toString());
            assertTrue(hti.history(all, 100).contains(missed));
            assertFalse(hti.history(all, 100).contains(published));
            assertEquals(2 + made.size(), engine.lakehouse().read(IdeaTable.TABLE).rows().size());

            // The lease moves away again: passes stop.
            writer.set(false);
            assertEquals(List.of(), hti.runOnce());
        }
    }
}

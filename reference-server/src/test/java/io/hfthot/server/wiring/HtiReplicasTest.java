package io.hfthot.server.wiring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.Engine;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.hti.HtiConfig;
import io.hfthot.engine.hti.HtiService;
import io.hfthot.engine.hti.IdeaFeed;
import io.hfthot.engine.hti.ideas.IdeaStatus;
import io.hfthot.engine.hti.ideas.IdeaTable;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.redis.RedisServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas in one JVM on a real redis-server and one data directory: only the holder of the market-writer lease
 * draws ideas, each idea reaches a stream on the other replica once and is in its history, and when the lease moves
 * the new holder continues with fresh ids.
 */
class HtiReplicasTest {
    private static final Instant START = Instant.parse("2026-01-12T14:00:30Z");
    private static final HtiConfig MANUAL = HtiConfig.defaults().withBackground(false).withDemoCodes(false);

    @TempDir
    Path dir;

    private static Engine engine(Replicas replicas, Path dir, Clock clock) {
        return replicas.apply(Engine.builder(LabConfig.forTests(dir, 7L)).clock(clock), clock, 1).build();
    }

    @Test
    void onlyTheLeaseHolderDrawsIdeasAndTheOtherReplicaStreamsAndServesEachOnce() throws Exception {
        Clock clock = Clock.fixed(START, ZoneOffset.UTC);
        try (RedisServer redis = RedisServer.start()) {
            Replicas ra = Replicas.connect(redis.uri());
            Replicas rb = Replicas.connect(redis.uri());
            try {
                assertTrue(ra.isMarketWriter(), "the first replica should hold the lease");
                assertFalse(rb.isMarketWriter());
                Engine ea = engine(ra, dir, clock);
                Engine eb = engine(rb, dir, clock);
                try (eb) {
                    HtiService ha = HtiService.start(ea, MANUAL);
                    HtiService hb = HtiService.start(eb, MANUAL);
                    HtiProfile all = ha.issueCode("Acme", null, 600, IdeaFilters.all()).profile();
                    IdeaFeed onB = hb.subscribe(all);

                    List<TradeIdea> made = ha.runOnce();
                    assertFalse(made.isEmpty(), "the lease holder drew no idea");
                    assertEquals(List.of(), hb.runOnce());

                    List<TradeIdea> received = new ArrayList<>();
                    long deadline = System.nanoTime() + 10_000_000_000L;
                    while (received.size() < made.size() && System.nanoTime() < deadline) {
                        onB.poll(Duration.ofMillis(200)).ifPresent(e -> received.add((TradeIdea) e.payload()));
                    }
                    Optional<Event> extra = onB.poll(Duration.ofMillis(500));
                    assertEquals(made, received);
                    assertTrue(extra.isEmpty(), "a duplicate reached the stream: " + extra);
                    assertTrue(hb.history(all, 100).containsAll(made), "B's history misses A's ideas");
                    assertEquals(made.size(), eb.lakehouse().read(IdeaTable.TABLE).rows().size());
                    onB.close();

                    // A stops and gives the lease up: B takes over and continues after A's last id.
                    ea.close();
                    ra.close();
                    long until = System.nanoTime() + 10_000_000_000L;
                    while (!rb.isMarketWriter() && System.nanoTime() < until) {
                        Thread.sleep(50);
                    }
                    assertTrue(rb.isMarketWriter(), "the lease did not move within 10 s");
                    eb.runMaintenance();
                    long lastId = made.stream().mapToLong(TradeIdea::id).max().orElseThrow();
                    List<TradeIdea> next = hb.runOnce();
                    // A's ideas still active are B's now: no new idea in their slots, new ones after A's last id.
                    Set<String> stillActive = new HashSet<>();
                    for (TradeIdea i : made) {
                        boolean closedNow = next.stream().anyMatch(n -> n.id() == i.id()
                                && n.status() != IdeaStatus.ACTIVE);
                        if (i.status() == IdeaStatus.ACTIVE && !closedNow) {
                            stillActive.add(i.instrument() + "|" + i.timeframe());
                        }
                    }
                    assertFalse(stillActive.isEmpty());
                    for (TradeIdea i : next) {
                        if (i.revision() == 0) {
                            assertTrue(i.id() > lastId, i.toString());
                            assertFalse(stillActive.contains(i.instrument() + "|" + i.timeframe()), i.toString());
                        }
                    }
                    assertEquals(hb.activeIdeas().size(), hb.activeIdeas().stream()
                            .map(i -> i.instrument() + "|" + i.timeframe()).distinct().count());
                }
            } finally {
                ra.close();
                rb.close();
            }
        }
    }
}

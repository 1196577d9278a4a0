package io.hfthot.engine.hti;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.InMemoryEventBus;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.hti.ideas.IdeaBook;
import io.hfthot.engine.hti.ideas.IdeaStatus;
import io.hfthot.engine.hti.ideas.Timeframe;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.HtiProfile;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.hti.profile.InMemoryProfileStore;
import io.hfthot.engine.hti.profile.ValidityType;
import io.hfthot.engine.identity.crypto.Fingerprint;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/**
 * Filter matching: an idea is delivered if and only if it matches every non-empty filter of the profile, and the
 * stream and history agree on which ideas a profile receives. Ideas and filters are drawn from a seeded
 * generator over small value sets, so that filters hit and miss often.
 */
class IdeaFilterProperties {
    private static final Instant T0 = Instant.parse("2026-01-12T14:00:00Z");
    private static final List<String> INSTRUMENTS = List.of("BTC-USDT", "EUR-USD", "SPX500-USD", "XAU-USD");
    private static final List<String> CLASSES = List.of("CRYPTO", "FOREX", "INDEX", "COMMODITY");
    private static final List<String> PREFIXES = List.of("TREND", "REVERSION", "BREAKOUT");
    private static final List<String> SIDES = List.of("BUY", "SELL");
    private static final List<String> FRAMES = List.of("M1", "M5", "M15", "H1");

    private static TradeIdea idea(SplittableRandom r, long id) {
        int k = r.nextInt(INSTRUMENTS.size());
        String side = SIDES.get(r.nextInt(2));
        boolean buy = side.equals("BUY");
        Instant at = T0.plusSeconds(id);
        return new TradeIdea(id, 0, INSTRUMENTS.get(k), Timeframe.valueOf(FRAMES.get(r.nextInt(4))), CLASSES.get(k), side,
                "MARKET", PREFIXES.get(r.nextInt(3)), "trending", 0.7, 0.1, 100, buy ? 102 : 98, buy ? 99 : 101, at, at,
                at.plusSeconds(600), IdeaStatus.ACTIVE, "test idea");
    }

    private static Set<String> subset(SplittableRandom r, List<String> values) {
        Set<String> out = new HashSet<>();
        if (r.nextInt(3) == 0) {
            return out;
        }
        for (String v : values) {
            if (r.nextBoolean()) {
                out.add(r.nextBoolean() ? v.toLowerCase() : v);
            }
        }
        return out;
    }

    private static IdeaFilters filters(SplittableRandom r) {
        return new IdeaFilters(subset(r, CLASSES), subset(r, FRAMES), subset(r, INSTRUMENTS), subset(r, PREFIXES),
                subset(r, SIDES));
    }

    /** The independent oracle: every non-empty filter contains the idea's value, ignoring case. */
    private static boolean oracle(IdeaFilters f, TradeIdea i) {
        return accepts(f.assetClasses(), i.assetClass()) && accepts(f.timeframes(), i.timeframe().name())
                && accepts(f.instruments(), i.instrument()) && accepts(f.prefixes(), i.prefix())
                && accepts(f.sides(), i.side());
    }

    private static boolean accepts(Set<String> filter, String value) {
        return filter.isEmpty() || filter.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }

    @Property(tries = 200)
    void anIdeaMatchesIffItPassesEveryNonEmptyFilter(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        IdeaFilters f = filters(r);
        for (int i = 1; i <= 50; i++) {
            TradeIdea idea = idea(r, i);
            assertEquals(oracle(f, idea), idea.matches(f), () -> idea + " vs " + f);
        }
    }

    @Property(tries = 50)
    void streamDeliversExactlyTheMatchingIdeasAndHistoryAgrees(@ForAll @LongRange(min = 1, max = 1_000_000) long seed)
            throws InterruptedException {
        SplittableRandom r = new SplittableRandom(seed);
        IdeaFilters f = filters(r);
        InMemoryProfileStore store = new InMemoryProfileStore();
        HtiProfile profile = new HtiProfile(Fingerprint.of("code-" + seed), "P", ValidityType.UNLIMITED, null, 60, f, T0);
        store.insert(profile);
        try (InMemoryEventBus bus = new InMemoryEventBus(InstantSource.fixed(T0), 1)) {
            IdeaFeed feed = new IdeaFeed(bus.subscribe(HtiService.TOPIC, new SubscriptionOptions(1000, OverflowPolicy.CANCEL)),
                    store, profile, InstantSource.fixed(T0));
            List<TradeIdea> published = new ArrayList<>();
            for (int i = 1; i <= 40; i++) {
                published.add(idea(r, i));
            }
            IdeaBook book = new IdeaBook(List.of(), 1000);
            book.apply(new IdeaBook.Plan(published, Map.of(), Map.of()));
            published.forEach(i -> bus.publish(HtiService.TOPIC, i));
            List<TradeIdea> delivered = new ArrayList<>();
            for (Optional<Event> e; (e = feed.poll(Duration.ofMillis(20))).isPresent(); ) {
                delivered.add((TradeIdea) e.get().payload());
            }
            List<TradeIdea> expected = published.stream().filter(i -> oracle(f, i)).toList();
            assertEquals(expected, delivered);
            List<TradeIdea> history = book.history(f, 100);
            assertEquals(delivered.stream().map(TradeIdea::id).collect(Collectors.toSet()),
                    history.stream().map(TradeIdea::id).collect(Collectors.toSet()));
            feed.close();
        }
    }

    @Property(tries = 5)
    void aClientThatStopsReadingHoldsAtMostItsQueueAndIsCutOff(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        InMemoryProfileStore store = new InMemoryProfileStore();
        HtiProfile profile = new HtiProfile(Fingerprint.of("code-" + seed), "P", ValidityType.UNLIMITED, null, 60,
                IdeaFilters.all(), T0);
        store.insert(profile);
        int queue = 16;
        try (InMemoryEventBus bus = new InMemoryEventBus(InstantSource.fixed(T0), 1)) {
            IdeaFeed feed = new IdeaFeed(bus.subscribe(HtiService.TOPIC, new SubscriptionOptions(queue, OverflowPolicy.CANCEL)),
                    store, profile, InstantSource.fixed(T0));
            for (int i = 1; i <= 10 * queue; i++) {
                bus.publish(HtiService.TOPIC, idea(r, i));
                assertTrue(feed.pending() <= queue, "pending " + feed.pending());
            }
            assertEquals(Optional.of(CloseReason.OVERFLOW), feed.closeReason());
            assertEquals(0, feed.pending());
            assertTrue(feed.endMessage(CloseReason.OVERFLOW).contains("call history"));
            assertEquals(0, bus.subscriberCount(HtiService.TOPIC));
        }
    }
}

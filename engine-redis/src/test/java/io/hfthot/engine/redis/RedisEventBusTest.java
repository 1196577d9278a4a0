package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.events.Event;
import io.hfthot.engine.events.EventBus;
import io.hfthot.engine.events.OverflowPolicy;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.testkit.EventBusContract;
import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the {@link EventBusContract} on {@link RedisEventBus} against a real redis-server, then checks what only a
 * shared bus promises: an event published on one replica reaches another replica's subscribers, in order,
 * without gaps, whichever replica publishes.
 */
class RedisEventBusTest extends EventBusContract {
    private final RedisContracts redis = new RedisContracts();
    private final List<RedisBackends> replicas = new ArrayList<>();

    static JsonPayloadCodec codec() {
        return JsonPayloadCodec.builder().build();
    }

    @Override
    protected EventBus createBus(InstantSource clock) {
        return redis.fresh().eventBus(clock, codec(), 2);
    }

    @Override
    protected void awaitDelivery() throws InterruptedException {
        assertTrue(((RedisEventBus) bus).awaitDelivered(Duration.ofSeconds(10)), "events not delivered in 10 s");
    }

    @AfterEach
    void closeRedis() {
        bus.close();
        redis.close();
        replicas.forEach(RedisBackends::close);
    }

    private RedisBackends replica(RedisOptions shared) {
        RedisBackends b = RedisBackends.connect(shared);
        replicas.add(b);
        return b;
    }

    @Test
    void eventsPublishedOnTwoReplicasReachBothInOneGaplessOrder() throws Exception {
        RedisOptions shared = RedisServer.shared().freshOptions();
        try (RedisEventBus a = replica(shared).eventBus(InstantSource.system(), codec(), 1);
             RedisEventBus b = replica(shared).eventBus(InstantSource.system(), codec(), 1)) {
            SubscriptionOptions big = new SubscriptionOptions(10_000, OverflowPolicy.CANCEL);
            try (Subscription onA = a.subscribe("ticks.BTC", big); Subscription onB = b.subscribe("ticks.BTC", big)) {
                Thread publisherA = new Thread(() -> {
                    for (int i = 0; i < 500; i++) {
                        a.publish("ticks.BTC", "a" + i);
                    }
                });
                publisherA.start();
                for (int i = 0; i < 500; i++) {
                    b.publish("ticks.BTC", "b" + i);
                }
                publisherA.join();
                // Each bus waits for its own publications only, so collect until every event arrived.
                List<Event> seenA = collect(onA, 1000);
                List<Event> seenB = collect(onB, 1000);
                assertEquals(1000, seenA.size());
                assertEquals(seenA.stream().map(Event::payload).toList(), seenB.stream().map(Event::payload).toList(),
                        "both replicas see one order");
                int nextA = 0;
                int nextB = 0;
                for (int i = 0; i < seenA.size(); i++) {
                    assertEquals(i + 1, seenA.get(i).sequence(), "gapless sequence");
                    String p = (String) seenA.get(i).payload();
                    if (p.startsWith("a")) {
                        assertEquals("a" + nextA++, p, "replica A's publications in its order");
                    } else {
                        assertEquals("b" + nextB++, p, "replica B's publications in its order");
                    }
                }
            }
        }
    }

    private static List<Event> collect(Subscription sub, int count) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (out.size() < count && System.nanoTime() < deadline) {
            sub.poll(Duration.ofMillis(100)).ifPresent(out::add);
            out.addAll(sub.drain(Integer.MAX_VALUE));
        }
        assertEquals(0, sub.pending(), "no more than the published events");
        return out;
    }

    @Test
    void aSubscriberOnlySeesEventsAfterItSubscribedEvenFromAnotherReplica() throws IOException, InterruptedException {
        RedisOptions shared = RedisServer.shared().freshOptions();
        try (RedisEventBus a = replica(shared).eventBus(InstantSource.system(), codec(), 1);
             RedisEventBus b = replica(shared).eventBus(InstantSource.system(), codec(), 1)) {
            a.publish("t", "before");
            try (Subscription onB = b.subscribe("t", SubscriptionOptions.defaults())) {
                long seq = a.publish("t", "after");
                Event e = onB.poll(Duration.ofSeconds(5)).orElseThrow();
                assertEquals("after", e.payload());
                assertEquals(seq, e.sequence());
                assertEquals(2, seq);
            }
        }
    }
}

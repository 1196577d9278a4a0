package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.events.CloseReason;
import io.hfthot.engine.events.Subscription;
import io.hfthot.engine.events.SubscriptionOptions;
import io.hfthot.engine.hub.secrets.SecretScope;
import io.hfthot.engine.identity.ApiKeyRecord;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.quota.RateLimiter;
import io.hfthot.engine.usage.UsageStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Redis stopped under the stores: every decision fails closed with SERVICE_UNAVAILABLE (never admits, never
 * authenticates, never loses a count silently), and service resumes by itself when Redis returns, even empty
 * (scripts are reloaded; the bus closes subscriptions whose events Redis lost).
 */
class RedisFailClosedTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private RedisServer server;
    private RedisBackends redis;

    @BeforeEach
    void start() throws Exception {
        server = RedisServer.start();
        redis = RedisBackends.connect(new RedisOptions(server.uri(), "fc", Duration.ofMillis(500)));
    }

    @AfterEach
    void stop() {
        redis.close();
        server.close();
    }

    private static void assertUnavailable(Executable call) {
        EngineException e = assertThrows(EngineException.class, call);
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
        assertTrue(e.getMessage().contains("Redis"), e.getMessage());
    }

    private static <T> T eventually(Supplier<T> call) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (true) {
            try {
                return call.get();
            } catch (EngineException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void unreachableSaysWhyWhileRedisIsDownAndNothingOnceItAnswers() throws Exception {
        assertTrue(redis.unreachable().isEmpty());
        server.stop();
        java.util.Optional<String> down = redis.unreachable();
        assertTrue(down.isPresent() && down.get().contains("Redis"), down.toString());
        server.restart();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (redis.unreachable().isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(redis.unreachable().isEmpty(), "answers again after the restart");
    }

    @Test
    void everyStoreRefusesWhileRedisIsDownAndResumesAfter() throws Exception {
        RateLimiter limiter = redis.rateLimiter();
        UsageStore usage = redis.usage();
        RedisApiKeyStore keys = redis.apiKeys();
        assertTrue(limiter.tryAcquire("k", 2, Duration.ofMinutes(1), T0).allowed());
        assertEquals(1, usage.add("k", 1, 1));

        server.stop();
        assertUnavailable(() -> limiter.tryAcquire("k", 2, Duration.ofMinutes(1), T0.plusSeconds(1)));
        assertUnavailable(() -> limiter.peek("k", 2, Duration.ofMinutes(1), T0.plusSeconds(1)));
        assertUnavailable(() -> usage.add("k", 1, 1));
        assertUnavailable(() -> keys.find(Fingerprint.of("hft_free_x")));
        assertUnavailable(() -> redis.streamLimiter().tryOpen("k", 1));
        assertUnavailable(() -> redis.refreshTokens().markUsed(Fingerprint.of("t"), T0));
        assertUnavailable(() -> redis.profiles().all());
        assertUnavailable(() -> keys.insertWithinCap(new ApiKeyRecord(Fingerprint.of("hft_free_y"), "hft_free_…_y", "a",
                Tier.FREE_BETA, T0, null), 3));
        assertUnavailable(() -> redis.hubUsers().findByEmail("alice@example.com"));
        assertUnavailable(() -> redis.hubApiKeys().find(Fingerprint.of("hub_key")));
        assertUnavailable(() -> redis.secrets().list(SecretScope.user("u1")));
        assertUnavailable(() -> redis.providerKeys().find("u1", "finnhub"));

        server.restart();
        // Redis came back empty (no persistence in this test): the script cache is empty too.
        assertTrue(eventually(() -> limiter.tryAcquire("k", 2, Duration.ofMinutes(1), T0.plusSeconds(2))).allowed());
        assertEquals(1, eventually(() -> usage.add("k", 1, 1)));
        assertEquals(Optional.empty(), keys.find(Fingerprint.of("hft_free_x")));
    }

    @Test
    void theBusRefusesWhileDownAndClosesSubscriptionsWhoseEventsRedisLost() throws Exception {
        try (RedisEventBus bus = redis.eventBus(InstantSource.system(), JsonPayloadCodec.builder().build(), 1)) {
            Subscription sub = bus.subscribe("t", SubscriptionOptions.defaults());
            bus.publish("t", "one");
            assertEquals("one", sub.poll(Duration.ofSeconds(5)).orElseThrow().payload());
            server.stop();
            assertUnavailable(() -> bus.publish("t", "lost"));
            assertUnavailable(() -> bus.subscribe("t", SubscriptionOptions.defaults()));
            server.restart();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (sub.isActive() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertFalse(sub.isActive(), "the subscription learns that events were lost");
            assertEquals(Optional.of(CloseReason.OVERFLOW), sub.closeReason());
            Subscription again = eventually(() -> bus.subscribe("t", SubscriptionOptions.defaults()));
            eventually(() -> bus.publish("t", "two"));
            assertEquals("two", again.poll(Duration.ofSeconds(5)).orElseThrow().payload());
        }
    }
}

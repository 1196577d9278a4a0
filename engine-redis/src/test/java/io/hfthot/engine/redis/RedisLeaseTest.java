package io.hfthot.engine.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One holder at a time; a holder that stops renewing (it died or lost Redis) is replaced within ttl + ttl/5. */
class RedisLeaseTest {
    private static final Duration TTL = Duration.ofSeconds(2);

    /** Records the listener's calls as "acquired" / "lost". */
    private static final class Calls implements RedisLease.Listener {
        final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

        @Override
        public void acquired() {
            events.add("acquired");
        }

        @Override
        public void lost() {
            events.add("lost");
        }
    }

    @Test
    void oneHolderAtATimeAndTakeoverWhenTheHolderStopsRenewing() throws Exception {
        RedisOptions options = RedisServer.shared().freshOptions();
        Calls a = new Calls();
        Calls b = new Calls();
        RedisSession sessionA = RedisSession.open(options);
        RedisLease leaseA = new RedisLease(sessionA, "market-writer", "replica-a", TTL, a);
        leaseA.start();
        assertEquals("acquired", a.events.poll(5, TimeUnit.SECONDS));
        try (RedisBackends other = RedisBackends.connect(options)) {
            RedisLease leaseB = other.lease("market-writer", "replica-b", TTL, b);
            assertEquals(null, b.events.poll(TTL.toMillis(), TimeUnit.MILLISECONDS), "B waits while A renews");
            assertEquals(Optional.of("replica-a"), leaseB.holder());
            assertFalse(leaseB.isHeld());

            // A loses Redis (as if its process died): it stops renewing; B takes over.
            long cut = System.nanoTime();
            sessionA.close();
            assertEquals("acquired", b.events.poll(TTL.toMillis() * 3, TimeUnit.MILLISECONDS));
            long takeoverMillis = (System.nanoTime() - cut) / 1_000_000;
            assertTrue(takeoverMillis <= TTL.toMillis() + TTL.toMillis() / 5 + 500, "takeover in " + takeoverMillis);
            assertEquals("lost", a.events.poll(1, TimeUnit.SECONDS), "A gave up before B could take over");
            assertEquals(Optional.of("replica-b"), leaseB.holder());
            leaseA.close();

            leaseB.close();
            assertEquals("lost", b.events.poll(1, TimeUnit.SECONDS));
            assertEquals(Optional.empty(), leaseB.holder(), "close gives the lease up at once");
        }
    }
}

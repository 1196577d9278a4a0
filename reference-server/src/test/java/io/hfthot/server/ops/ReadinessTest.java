package io.hfthot.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.storage.StorageGuard;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readiness fails with the reason of any failing check, a further named check (Redis) included. */
class ReadinessTest {
    @TempDir
    Path dir;

    @Test
    void aFurtherCheckJoinsTheReportAndItsFailureMakesTheServerNotReady() {
        StorageGuard storage = StorageGuard.open(dir, 0, Duration.ofSeconds(1), Clock.systemUTC());
        AtomicReference<Optional<String>> redis = new AtomicReference<>(Optional.empty());
        Readiness readiness = new Readiness(storage, () -> Optional.of(Duration.ofMillis(200)), Duration.ofSeconds(10))
                .with("redis", redis::get);
        Readiness.Report ok = readiness.check();
        assertTrue(ok.ready(), ok.toString());
        assertEquals("reachable", ok.checks().get("redis").detail());

        redis.set(Optional.of("Redis is unavailable (ping): connection refused"));
        Readiness.Report down = readiness.check();
        assertFalse(down.ready());
        assertEquals("Redis is unavailable (ping): connection refused", down.checks().get("redis").detail());
        assertTrue(down.checks().get("lakehouse").ok() && down.checks().get("feed").ok());
    }
}

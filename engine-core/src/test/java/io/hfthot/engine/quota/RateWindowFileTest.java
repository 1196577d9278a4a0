package io.hfthot.engine.quota;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RateWindowFileTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void savedWindowsRestoreTheSameDecisions() {
        SlidingLogRateLimiter before = new SlidingLogRateLimiter();
        for (int i = 0; i < 5; i++) {
            assertTrue(before.tryAcquire("acct", 5, Duration.ofMinutes(1), T0.plusSeconds(i)).allowed());
        }
        before.tryAcquire("old", 5, Duration.ofMinutes(1), T0.minus(Duration.ofDays(2)));
        RateWindowFile file = new RateWindowFile(dir.resolve("w.bin"));
        assertEquals(1, file.save(before, T0.plusSeconds(10)), "events older than a day are not saved");
        assertEquals(1, before.bucketCount(), "idle buckets are dropped from memory at save");

        SlidingLogRateLimiter after = new SlidingLogRateLimiter();
        assertEquals(1, file.restoreInto(after));
        RateLimitResult refused = after.tryAcquire("acct", 5, Duration.ofMinutes(1), T0.plusSeconds(11));
        assertFalse(refused.allowed());
        RateLimitResult expected = before.tryAcquire("acct", 5, Duration.ofMinutes(1), T0.plusSeconds(11));
        assertEquals(expected, refused, "same limit, remaining and reset as before the restart");
        assertTrue(after.tryAcquire("acct", 5, Duration.ofMinutes(1), T0.plusSeconds(60)).allowed(),
                "the first event left the window at T0 + 60 s");
        Map<String, long[]> read = file.read();
        assertArrayEquals(before.snapshot(T0.plusSeconds(10), Duration.ofDays(1)).get("acct"), read.get("acct"));
    }

    @Test
    void aMissingFileIsEmptyAndAForeignFileIsRefused() throws Exception {
        RateWindowFile file = new RateWindowFile(dir.resolve("none.bin"));
        assertTrue(file.read().isEmpty());
        Files.write(dir.resolve("bad.bin"), new byte[] {'H', 'F', 'R', 'W', 0, 0, 0, 1, 0, 0, 0, 1});
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> new RateWindowFile(dir.resolve("bad.bin")).read());
        assertTrue(e.getMessage().contains("bad.bin"), e.getMessage());
    }
}

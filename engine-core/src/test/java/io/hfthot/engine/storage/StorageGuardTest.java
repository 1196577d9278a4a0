package io.hfthot.engine.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.testkit.TestClock;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard's state machine on a real directory: a failure that says "disk full" (however deeply wrapped) makes
 * the directory read-only, writes are then refused with SERVICE_UNAVAILABLE without being attempted, and the
 * next probe after the interval, finding space and a successful probe write, makes it writable again. The
 * reserve is exercised with one larger than any disk. The real full disk is {@code DiskFullTest}'s.
 */
class StorageGuardTest {
    private static final Duration PROBE = Duration.ofSeconds(2);

    @Test
    void recognisesADiskFullFailureThroughWrappersAndNothingElse() {
        IOException enospc = new IOException("No space left on device");
        assertEquals(Optional.of("No space left on device"),
                StorageGuard.diskFullMessage(new UncheckedIOException("cannot write commit 7", enospc)));
        assertTrue(StorageGuard.diskFullMessage(new FileSystemException("/d/x", null, "Disk quota exceeded")).isPresent());
        assertTrue(StorageGuard.diskFullMessage(new RuntimeException(new IllegalStateException(
                new IOException("There is not enough space on the disk")))).isPresent());
        assertEquals(Optional.of("No space left on device"), StorageGuard.diskFullMessage(
                new IOException("/srv/data/lakehouse/x.parquet: no space left on device")), "only the phrase, no path");
        assertEquals(Optional.empty(), StorageGuard.diskFullMessage(new IOException("Permission denied")));
        assertEquals(Optional.empty(), StorageGuard.diskFullMessage(new IllegalArgumentException("bad symbol")));
    }

    @Test
    void aDiskFullFailureMakesTheDirectoryReadOnlyUntilAProbeFindsSpace(@TempDir Path dir) {
        TestClock clock = TestClock.fixed();
        StorageGuard guard = StorageGuard.open(dir, 1024, PROBE, clock);
        assertTrue(guard.writable());
        assertEquals("done", guard.write("a test write", () -> "done"));

        EngineException full = assertThrows(EngineException.class, () -> guard.write("creating an API key", () -> {
            throw new UncheckedIOException("cannot write commit 3", new IOException("No space left on device"));
        }));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, full.code());
        assertTrue(full.getMessage().startsWith("creating an API key needs to write to the server's data directory, "
                + "which is read-only for now: a write failed: No space left on device ("), full.getMessage());
        assertFalse(full.getMessage().contains(dir.toString()), "clients never see the server's paths");
        assertTrue(full.getMessage().endsWith("Reads go on; retry once disk space has been freed."), full.getMessage());
        assertFalse(guard.writable());

        AtomicInteger attempts = new AtomicInteger();
        EngineException refused = assertThrows(EngineException.class, () -> guard.write("x", attempts::incrementAndGet));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, refused.code());
        assertEquals(0, attempts.get(), "a read-only directory is not written to at all");

        clock.advance(PROBE.minusMillis(1));
        assertFalse(guard.writable(), "no re-probe before the interval");
        clock.advance(Duration.ofMillis(1));
        assertTrue(guard.writable(), "the probe found space and wrote its probe file");
        assertFalse(Files.exists(dir.resolve(StorageGuard.PROBE_FILE)), "the probe file is removed");
        assertEquals(1, (int) guard.write("x", attempts::incrementAndGet));
    }

    @Test
    void otherFailuresPassThroughAndLeaveTheDirectoryWritable(@TempDir Path dir) {
        StorageGuard guard = StorageGuard.open(dir, 0, PROBE, TestClock.fixed());
        IllegalStateException other = new IllegalStateException("conflict");
        assertSame(other, assertThrows(IllegalStateException.class, () -> guard.write("x", () -> {
            throw other;
        })));
        assertFalse(guard.recordFailure(new IOException("Permission denied")));
        assertTrue(guard.writable());
    }

    @Test
    void underTheReserveTheDirectoryIsReadOnlyFromTheStart(@TempDir Path dir) {
        StorageGuard guard = StorageGuard.open(dir, Long.MAX_VALUE, PROBE, TestClock.fixed());
        String reason = guard.unavailableReason().orElseThrow();
        assertTrue(reason.contains("bytes are free on the data directory's file system, under the " + Long.MAX_VALUE
                + "-byte reserve (--min-free-disk)"), reason);
        assertFalse(reason.contains(dir.toString()), reason);
        EngineException e = assertThrows(EngineException.class, () -> guard.write("a Parquet export", () -> 1));
        assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
    }
}

package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Replicas ({@code --redis}) share a data directory; a server without {@code --redis} and replicas exclude each other. */
class SharedDataDirectoryLockTest {
    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");

    @Test
    void replicasShareTheDirectoryAndExcludeASingleServer(@TempDir Path dir) throws IOException {
        DataDirectoryLock first = DataDirectoryLock.acquire(dir, T, true);
        DataDirectoryLock second = DataDirectoryLock.acquire(dir, T, true);
        IOException single = assertThrows(IOException.class, () -> DataDirectoryLock.acquire(dir, T));
        assertTrue(single.getMessage().contains("--redis"), single.getMessage());
        first.close();
        first.close();
        assertThrows(IOException.class, () -> DataDirectoryLock.acquire(dir, T), "the second replica still holds it");
        second.close();
        DataDirectoryLock.acquire(dir, T).close();
    }

    @Test
    void aSingleServerExcludesReplicas(@TempDir Path dir) throws IOException {
        try (DataDirectoryLock single = DataDirectoryLock.acquire(dir, T)) {
            IOException replica = assertThrows(IOException.class, () -> DataDirectoryLock.acquire(dir, T, true));
            assertTrue(replica.getMessage().contains("without --redis"), replica.getMessage());
        }
        DataDirectoryLock.acquire(dir, T, true).close();
    }
}

package io.hfthot.server;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A child process for {@link DataDirectoryLockTest}: takes the lock of the data directory named by its argument,
 * prints {@code LOCKED} and holds the lock until it is killed or its stdin closes.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    /**
     * Runs the holder.
     *
     * @param args the data directory
     * @throws Exception when the lock cannot be taken
     */
    public static void main(String[] args) throws Exception {
        try (DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(args[0]), Instant.parse("2026-01-02T03:04:05Z"))) {
            System.out.println("LOCKED " + ProcessHandle.current().pid());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Hold the lock until the parent closes our stdin (or kills us).
            }
        }
    }
}

package io.hfthot.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One server process per data directory, with real processes: a child JVM holds the lock; this process is
 * refused (by the lock and by a server start) with a message naming the child; after the child is SIGKILLed
 * the lock is free again at once.
 */
class DataDirectoryLockTest {
    private static Process holder(Path dataDir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        return new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                LockHolderMain.class.getName(), dataDir.toString()).redirectErrorStream(true).start();
    }

    private static String awaitLocked(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("LOCKED ")) {
                return line.substring("LOCKED ".length());
            }
        }
        throw new AssertionError("the holder exited with " + waitExit(p) + " before taking the lock");
    }

    private static int waitExit(Process p) {
        try {
            return p.waitFor(10, TimeUnit.SECONDS) ? p.exitValue() : -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    @Test
    void aSecondProcessIsRefusedNamingTheHolderAndASigkilledHolderLeavesNoStaleLock(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Process child = holder(data);
        try {
            String pid = awaitLocked(child);
            assertEquals(Long.toString(child.pid()), pid);

            IOException refused = assertThrows(IOException.class, () -> DataDirectoryLock.acquire(data, Instant.now()));
            assertTrue(refused.getMessage().contains("in use by another process: pid " + child.pid() + " on host "),
                    refused.getMessage());
            assertTrue(refused.getMessage().contains("started 2026-01-02T03:04:05Z"), refused.getMessage());

            IOException serverRefused = assertThrows(IOException.class,
                    () -> ReferenceServer.start(ServerConfig.ephemeral(data)));
            assertTrue(serverRefused.getMessage().contains("pid " + child.pid()), serverRefused.getMessage());
            assertTrue(Files.notExists(data.resolve("lakehouse")), "a refused server wrote nothing");

            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close(); the OS drops the lock
            assertTrue(child.waitFor(10, TimeUnit.SECONDS), "the holder did not die");
            assertTrue(Files.exists(data.resolve(DataDirectoryLock.FILE_NAME)), "the killed holder's lock file stays");
            try (DataDirectoryLock again = DataDirectoryLock.acquire(data, Instant.now())) {
                assertTrue(Files.readString(again.file()).contains("pid=" + ProcessHandle.current().pid()));
            }
        } finally {
            child.destroyForcibly();
        }
    }

    @Test
    void aSecondServerInTheSameProcessIsRefusedAndCloseReleases(@TempDir Path tmp) throws Exception {
        Path data = Files.createDirectories(tmp.resolve("data"));
        DataDirectoryLock first = DataDirectoryLock.acquire(data, Instant.now());
        IOException refused = assertThrows(IOException.class, () -> DataDirectoryLock.acquire(data, Instant.now()));
        assertTrue(refused.getMessage().contains("another server in this process"), refused.getMessage());
        // The failed attempt must not have dropped the first holder's lock (POSIX drops it when any descriptor
        // of the file closes): a child process is still refused.
        Process child = holder(data);
        try {
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child should fail at once");
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(output.contains("pid " + ProcessHandle.current().pid()), output);
        } finally {
            child.destroyForcibly();
        }
        first.close();
        try (DataDirectoryLock again = DataDirectoryLock.acquire(data, Instant.now())) {
            assertEquals(data.toAbsolutePath().normalize().resolve(DataDirectoryLock.FILE_NAME), again.file());
        }
    }
}

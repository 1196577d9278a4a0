package io.hfthot.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted for a test, so that a full disk is a real one ({@code ENOSPC} from the kernel), not a
 * simulation. Mounting needs root: where it is refused the test is skipped with the reason, except under CI
 * (the {@code CI} variable set), where CI runs as root and a refusal fails the test.
 */
final class TmpfsMount implements AutoCloseable {
    private final Path dir;

    private TmpfsMount(Path dir) {
        this.dir = dir;
    }

    /**
     * Mounts a tmpfs of a given size on a new directory.
     *
     * @param dir  the mount point, created
     * @param size the size, e.g. {@code 192m}
     * @return the mount; close to unmount
     */
    static TmpfsMount mount(Path dir, String size) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Result r = run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0700", "tmpfs", dir.toString());
        if (r.exit != 0) {
            String why = "cannot mount a " + size + " tmpfs on " + dir + " (exit " + r.exit + ": " + r.output.strip()
                    + "); the full-disk test needs root (CI runs it as root)";
            if (System.getenv("CI") != null) {
                Assertions.fail(why);
            }
            Assumptions.abort(why);
        }
        return new TmpfsMount(dir);
    }

    /** @return the mount point */
    Path dir() {
        return dir;
    }

    /**
     * Fills the file system: writes a file until the kernel answers "No space left on device".
     *
     * @param file the filler, created inside the mount
     * @return bytes written
     */
    static long fill(Path file) throws IOException {
        byte[] chunk = new byte[1 << 16];
        long written = 0;
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
                written += chunk.length;
            }
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("No space left on device")) {
                throw e;
            }
        }
        return written;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        Result r = run("umount", dir.toString());
        if (r.exit != 0) {
            // A file still open (a child process not yet reaped): detach now, freed when the last user goes.
            run("umount", "-l", dir.toString());
        }
    }

    private record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), output);
    }
}

package io.hfthot.engine.quota;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Saves and restores the windows of a {@link SlidingLogRateLimiter} in one file, so that rate limits and
 * hourly/daily quotas survive a restart.
 *
 * <p><b>Why a file and not a lakehouse table.</b> The windows are a bounded, replaceable state (only events of
 * the last day matter), not a history: a Delta table would add a commit per save forever, while this file is
 * rewritten whole and never outgrows the events of one day (8 bytes per admitted event, e.g. 16 KB for an
 * account at 2000 requests per minute).
 *
 * <p><b>Durability.</b> Saving writes a temporary file, forces it to disk and renames it over the previous one
 * (atomic on POSIX file systems), so a crash leaves either the old or the new file. Events admitted after the
 * last save are lost by a crash (not by an orderly close, which saves): the lab saves every append interval.
 *
 * <p>Format (big-endian): magic {@code HFRW}, version 1, bucket count, then per bucket its name (modified
 * UTF-8), its event count and the event times in epoch nanoseconds.
 */
public final class RateWindowFile {
    /** The longest window any quota uses (a sliding day): older events are not saved. */
    public static final Duration LONGEST_WINDOW = Duration.ofDays(1);
    private static final int MAGIC = 0x48465257;
    private static final int VERSION = 1;
    /** More events than any bucket can hold ({@link SlidingLogRateLimiter#MAX_LIMIT}): a corrupt count. */
    private static final int MAX_EVENTS = (int) SlidingLogRateLimiter.MAX_LIMIT;

    private final Path file;

    /**
     * Creates the saver for one file.
     *
     * @param file the file (its directory must exist when saving)
     */
    public RateWindowFile(Path file) {
        if (file == null) {
            throw new IllegalArgumentException("file must not be null");
        }
        this.file = file;
    }

    /**
     * Returns the file.
     *
     * @return the path
     */
    public Path file() {
        return file;
    }

    /**
     * Writes the limiter's events of the last {@link #LONGEST_WINDOW} and drops its idle buckets from memory.
     *
     * @param limiter the limiter
     * @param now     the current time
     * @return the number of buckets written
     * @throws UncheckedIOException when the file cannot be written (the previous file is left in place)
     */
    public int save(SlidingLogRateLimiter limiter, Instant now) {
        Map<String, long[]> windows = limiter.snapshot(now, LONGEST_WINDOW);
        limiter.evictIdle(now, LONGEST_WINDOW);
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            try (OutputStream raw = Files.newOutputStream(tmp, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
                 DataOutputStream out = new DataOutputStream(new BufferedOutputStream(raw))) {
                out.writeInt(MAGIC);
                out.writeInt(VERSION);
                out.writeInt(windows.size());
                for (Map.Entry<String, long[]> e : windows.entrySet()) {
                    out.writeUTF(e.getKey());
                    out.writeInt(e.getValue().length);
                    for (long t : e.getValue()) {
                        out.writeLong(t);
                    }
                }
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return windows.size();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save rate windows to " + file, e);
        }
    }

    /**
     * Reads the saved windows.
     *
     * @return bucket name to event times, empty when the file does not exist
     * @throws UncheckedIOException when the file exists but cannot be read or is not a window file
     */
    public Map<String, long[]> read() {
        Map<String, long[]> out = new LinkedHashMap<>();
        try (InputStream raw = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(raw))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a version-" + VERSION + " rate window file");
            }
            int buckets = in.readInt();
            if (buckets < 0) {
                throw new IOException("negative bucket count " + buckets);
            }
            for (int b = 0; b < buckets; b++) {
                String name = in.readUTF();
                int n = in.readInt();
                if (n < 0 || n > MAX_EVENTS) {
                    throw new IOException("bucket '" + name + "' claims " + n + " events, outside [0, " + MAX_EVENTS + "]");
                }
                long[] times = new long[n];
                for (int i = 0; i < n; i++) {
                    times[i] = in.readLong();
                }
                out.put(name, times);
            }
            return out;
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (EOFException e) {
            throw new UncheckedIOException("rate window file " + file + " is truncated", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rate window file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Restores the saved windows into a limiter (before it serves any decision).
     *
     * @param limiter the limiter
     * @return the number of buckets restored
     * @throws UncheckedIOException as {@link #read()}
     */
    public int restoreInto(SlidingLogRateLimiter limiter) {
        Map<String, long[]> windows = read();
        windows.forEach(limiter::restore);
        return windows.size();
    }
}

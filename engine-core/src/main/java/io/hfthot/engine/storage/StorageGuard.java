package io.hfthot.engine.storage;

import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Objects;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the data directory takes writes now. It becomes read-only when the free space of its file system
 * falls under a reserve or a write fails because the disk is full, and writable again by itself once the
 * free space is back over the reserve and a probe write succeeds.
 *
 * <p>While read-only, {@link #write} refuses at once with {@link ErrorCode#SERVICE_UNAVAILABLE} (HTTP 503)
 * instead of starting a write that would fail half-way and leave partial files; reads are not affected. The
 * state is re-checked lazily, at most once per probe interval, whenever someone asks ({@link #writable()},
 * {@link #unavailableReason()}, {@link #write}), so no thread of its own is needed.
 *
 * <p>Thread safety: every method may be called concurrently.
 */
public final class StorageGuard {
    private static final Logger LOG = LoggerFactory.getLogger(StorageGuard.class);
    /** The file a recovery probe writes and deletes in the data directory. */
    static final String PROBE_FILE = ".write-probe";
    private static final int PROBE_BYTES = 64 * 1024;
    private static final List<String> DISK_FULL_PHRASES = List.of("No space left on device",
            "Disk quota exceeded", "There is not enough space on the disk");

    private final Path directory;
    private final long minFreeBytes;
    private final Duration probeInterval;
    private final InstantSource clock;
    private volatile String unavailable;
    private Instant lastProbe = Instant.MIN;

    private StorageGuard(Path directory, long minFreeBytes, Duration probeInterval, InstantSource clock) {
        this.directory = directory;
        this.minFreeBytes = minFreeBytes;
        this.probeInterval = probeInterval;
        this.clock = clock;
    }

    /**
     * Creates a guard over an existing directory and probes it once.
     *
     * @param directory     the data directory
     * @param minFreeBytes  the reserve: under this many usable bytes the directory is read-only
     * @param probeInterval how long a probe result is trusted
     * @param clock         the clock
     * @return the guard
     */
    public static StorageGuard open(Path directory, long minFreeBytes, Duration probeInterval, InstantSource clock) {
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(probeInterval, "probeInterval");
        Objects.requireNonNull(clock, "clock");
        if (minFreeBytes < 0) {
            throw new IllegalArgumentException("minFreeBytes must be >= 0, got " + minFreeBytes);
        }
        StorageGuard guard = new StorageGuard(directory, minFreeBytes, probeInterval, clock);
        guard.probe();
        return guard;
    }

    /**
     * Returns whether writes are accepted now (probing when the last probe is older than the interval).
     *
     * @return true when writable
     */
    public boolean writable() {
        return unavailableReason().isEmpty();
    }

    /**
     * Returns why the directory is read-only, or empty when it is writable (probing when due).
     *
     * @return the reason, a sentence with the free space; it never names the directory's path, because it is
     *         shown to clients (the health route is public): the log line of the transition names it
     */
    public Optional<String> unavailableReason() {
        probeIfDue();
        return Optional.ofNullable(unavailable);
    }

    /**
     * Runs a write: refused at once while the directory is read-only; a failure because the disk is full
     * makes it read-only and becomes the same refusal.
     *
     * @param what what the write is for, e.g. {@code "creating an API key"}
     * @param op   the write
     * @param <T>  the result type
     * @return what the write returned
     * @throws EngineException SERVICE_UNAVAILABLE when the directory is or becomes read-only
     */
    public <T> T write(String what, Supplier<T> op) {
        Optional<String> reason = unavailableReason();
        if (reason.isPresent()) {
            throw refusal(what, reason.get(), null);
        }
        try {
            return op.get();
        } catch (RuntimeException e) {
            if (recordFailure(e)) {
                throw refusal(what, unavailable, e);
            }
            throw e;
        }
    }

    /**
     * Records a failed write: when the failure says the disk is full, the directory becomes read-only.
     *
     * @param failure what a write threw
     * @return true when it was a full disk (the caller may then drop the failure: it is reported here, once)
     */
    public boolean recordFailure(Throwable failure) {
        Optional<String> full = diskFullMessage(failure);
        if (full.isEmpty()) {
            return false;
        }
        markUnavailable("a write failed: " + full.get() + " (" + usableDescription() + ")");
        return true;
    }

    /** Re-checks the free space now (and, when read-only, whether a probe write succeeds). */
    public synchronized void probe() {
        lastProbe = clock.instant();
        long usable;
        try {
            usable = Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            markUnavailable("the free space of the data directory's file system cannot be read (" + e.getClass().getSimpleName()
                    + ")");
            return;
        }
        if (usable < minFreeBytes) {
            markUnavailable("only " + usable + " bytes are free on the data directory's file system, under the "
                    + minFreeBytes + "-byte reserve (--min-free-disk)");
            return;
        }
        if (unavailable != null && probeWriteSucceeds()) {
            LOG.info("{} takes writes again ({} bytes free)", directory, usable);
            unavailable = null;
        }
    }

    /**
     * Tells whether a failure (or one of its causes) is a full disk or an exhausted disk quota.
     *
     * @param failure any throwable
     * @return the operating system's phrase (e.g. {@code No space left on device}), or empty when the failure is
     *         something else
     */
    public static Optional<String> diskFullMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String text = t instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : t.getMessage();
            if (text != null) {
                String lower = text.toLowerCase(Locale.ROOT);
                // The strerror texts of ENOSPC and EDQUOT (Linux, macOS) and of Windows' ERROR_DISK_FULL. Only
                // the phrase is kept: the rest of a message may name a server path, and clients see this.
                for (String phrase : DISK_FULL_PHRASES) {
                    if (lower.contains(phrase.toLowerCase(Locale.ROOT))) {
                        return Optional.of(phrase);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private void probeIfDue() {
        synchronized (this) {
            if (Duration.between(lastProbe, clock.instant()).compareTo(probeInterval) < 0) {
                return;
            }
        }
        probe();
    }

    private boolean probeWriteSucceeds() {
        Path probe = directory.resolve(PROBE_FILE);
        try {
            try (OutputStream out = Files.newOutputStream(probe, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                out.write(new byte[PROBE_BYTES]);
            }
            return true;
        } catch (IOException e) {
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException e) {
                LOG.debug("cannot delete {}", probe, e);
            }
        }
    }

    private void markUnavailable(String reason) {
        boolean wasWritable;
        synchronized (this) {
            wasWritable = unavailable == null;
            unavailable = reason;
        }
        if (wasWritable) {
            // Once per transition, without a stack trace: the state, not each refused write, is the news.
            LOG.warn("data directory {} is read-only until space returns: {}", directory, reason);
        }
    }

    private String usableDescription() {
        try {
            return Files.getFileStore(directory).getUsableSpace() + " bytes free";
        } catch (IOException e) {
            return "free space unknown";
        }
    }

    private static EngineException refusal(String what, String reason, Throwable cause) {
        return new EngineException(ErrorCode.SERVICE_UNAVAILABLE, null, null, what
                + " needs to write to the server's data directory, which is read-only for now: " + reason
                + ". Reads go on; retry once disk space has been freed.", cause);
    }
}

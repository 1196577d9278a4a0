package io.hfthot.server;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The exclusive lock that makes one server process the only one on a data directory: an operating-system
 * lock ({@link FileChannel#tryLock()}) on {@value #FILE_NAME} inside it, held while the server runs.
 *
 * <p>The operating system releases the lock when the process dies, however it dies (SIGKILL, OOM killer), so
 * a lock left by a crash never blocks a restart; the file itself stays and is reused. While held, the file
 * names its holder (pid, host, start time) so that a refused second process can say who holds it.
 *
 * <p>On POSIX systems the lock belongs to the process and closing <em>any</em> descriptor of the file in this
 * process would drop it, so this process never opens the file a second time: a second lock attempt from the
 * same JVM is refused from an in-process registry before the file is touched.
 *
 * <p>Replicas ({@code --redis}): {@link #acquire(Path, Instant, boolean)} with {@code sharedWithReplicas} takes a
 * <em>shared</em> lock instead, which any number of replicas hold together (their keys, limits and live events are
 * shared through Redis, and one of them, elected by a lease there, writes the market tables), while a server
 * without {@code --redis} (exclusive) and replicas still exclude each other. Shared holders in one JVM share one
 * descriptor, counted.
 */
public final class DataDirectoryLock implements AutoCloseable {
    /** The lock file's name inside the data directory. */
    public static final String FILE_NAME = "server.lock";

    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryLock.class);
    private static final Set<Path> HELD_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();
    /** Shared locks held by this process, by file, with the number of servers holding each. */
    private static final Map<Path, SharedHold> SHARED_IN_THIS_PROCESS = new java.util.HashMap<>();

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;
    private final boolean shared;
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    /** One shared lock of this process and the number of servers using it. */
    private record SharedHold(FileChannel channel, FileLock lock, int holders) {
    }

    private DataDirectoryLock(Path file, FileChannel channel, FileLock lock, boolean shared) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
        this.shared = shared;
    }

    /**
     * Takes the lock of a data directory for one server (exclusive) or for one of several replicas (shared).
     *
     * @param dataDir            the data directory (it must exist)
     * @param started            the start time written for others to read
     * @param sharedWithReplicas true for a replica started with {@code --redis}
     * @return the held lock; close it to release
     * @throws IOException when the directory is held in the other mode (or, exclusive, by anyone), naming the holder
     */
    public static DataDirectoryLock acquire(Path dataDir, Instant started, boolean sharedWithReplicas)
            throws IOException {
        if (!sharedWithReplicas) {
            return acquire(dataDir, started);
        }
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        synchronized (SHARED_IN_THIS_PROCESS) {
            if (HELD_IN_THIS_PROCESS.contains(file)) {
                throw new IOException(inUse(dataDir, "a server without --redis in this process (pid "
                        + ProcessHandle.current().pid() + ")"));
            }
            SharedHold hold = SHARED_IN_THIS_PROCESS.get(file);
            if (hold == null) {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = channel.tryLock(0, Long.MAX_VALUE, true);
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e instanceof IOException io ? io : new IOException(e.getMessage(), e);
                }
                if (lock == null) {
                    String holder = describeHolder(read(channel));
                    channel.close();
                    throw new IOException(inUse(dataDir, holder + ", a server without --redis"));
                }
                hold = new SharedHold(channel, lock, 0);
            }
            SHARED_IN_THIS_PROCESS.put(file, new SharedHold(hold.channel(), hold.lock(), hold.holders() + 1));
            return new DataDirectoryLock(file, hold.channel(), hold.lock(), true);
        }
    }

    /**
     * Takes the lock of a data directory, or refuses naming the holder.
     *
     * @param dataDir the data directory (it must exist)
     * @param started the start time written for others to read
     * @return the held lock; close it to release
     * @throws IOException when another process (or another server in this one) holds the lock, with a message
     *                     naming it, or when the lock file cannot be opened
     */
    public static DataDirectoryLock acquire(Path dataDir, Instant started) throws IOException {
        Path file = dataDir.toAbsolutePath().normalize().resolve(FILE_NAME);
        synchronized (SHARED_IN_THIS_PROCESS) {
            if (SHARED_IN_THIS_PROCESS.containsKey(file)) {
                throw new IOException(inUse(dataDir, "replicas started with --redis in this process (pid "
                        + ProcessHandle.current().pid() + ")"));
            }
        }
        if (!HELD_IN_THIS_PROCESS.add(file)) {
            throw new IOException(inUse(dataDir, "another server in this process (pid " + ProcessHandle.current().pid() + ")"));
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                throw new IOException("cannot lock " + file + " (" + e.getMessage() + "); the data directory must be on a "
                        + "file system with file locks (a local disk, not every network file system has them)", e);
            }
            if (lock == null) {
                throw new IOException(inUse(dataDir, describeHolder(read(channel))));
            }
            writeHolder(channel, started);
            return new DataDirectoryLock(file, channel, lock, false);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_PROCESS.remove(file);
            if (channel != null) {
                channel.close();
            }
            throw e;
        }
    }

    /** @return the lock file */
    public Path file() {
        return file;
    }

    /** Releases the lock; the file stays (deleting it would let two processes lock two different files). */
    @Override
    public void close() throws IOException {
        if (shared) {
            if (released.compareAndSet(false, true)) {
                releaseShared();
            }
            return;
        }
        try {
            if (lock.isValid()) {
                lock.release();
            }
        } finally {
            channel.close();
            HELD_IN_THIS_PROCESS.remove(file);
        }
    }

    private void releaseShared() throws IOException {
        synchronized (SHARED_IN_THIS_PROCESS) {
            SharedHold hold = SHARED_IN_THIS_PROCESS.get(file);
            if (hold == null || hold.channel() != channel) {
                return;
            }
            if (hold.holders() > 1) {
                SHARED_IN_THIS_PROCESS.put(file, new SharedHold(channel, lock, hold.holders() - 1));
                return;
            }
            SHARED_IN_THIS_PROCESS.remove(file);
            try {
                if (lock.isValid()) {
                    lock.release();
                }
            } finally {
                channel.close();
            }
        }
    }

    private static String inUse(Path dataDir, String holder) {
        return "the data directory " + dataDir.toAbsolutePath().normalize() + " is in use by " + holder
                + "; one server process per data directory: stop that one first, or start with another --data-dir";
    }

    private static void writeHolder(FileChannel channel, Instant started) {
        String text = "pid=" + ProcessHandle.current().pid() + "\nhost=" + hostName() + "\nstarted=" + started + "\n";
        try {
            channel.truncate(0);
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            long position = 0;
            while (buffer.hasRemaining()) {
                position += channel.write(buffer, position);
            }
        } catch (IOException e) {
            // A full disk must not stop a read-only start: the lock holds; a refused process says "unknown holder".
            LOG.warn("lock taken, but its holder details could not be written: {}", e.getMessage());
        }
    }

    private static Map<String, String> read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        long position = 0;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, position);
            if (n < 0) {
                break;
            }
            position += n;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        return fields;
    }

    private static String describeHolder(Map<String, String> fields) {
        if (!fields.containsKey("pid")) {
            return "another process (its details are not in the lock file)";
        }
        return "another process: pid " + fields.get("pid") + " on host " + fields.getOrDefault("host", "unknown")
                + ", started " + fields.getOrDefault("started", "at an unknown time");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "unknown";
        }
    }
}

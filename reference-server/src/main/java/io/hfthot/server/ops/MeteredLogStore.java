package io.hfthot.server.ops;

import io.hfthot.lakehouse.storage.FileEntry;
import io.hfthot.lakehouse.storage.LogStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.regex.Pattern;

/**
 * A {@link LogStore} that counts Delta commits per table: {@code hfthot_lakehouse_commits_total} (a commit file
 * written) and {@code hfthot_lakehouse_commit_conflicts_total} (another writer had already taken the version, so the
 * lakehouse retries on a fresh snapshot). Everything else is passed through unchanged.
 *
 * <p>Why at this seam: a Delta commit is exactly one put-if-absent of {@code _delta_log/<20 digits>.json}, and a
 * conflict is exactly that put failing with {@link FileAlreadyExistsException} (the {@link LogStore} contract), so
 * the counts need no hook inside the lakehouse.
 */
public final class MeteredLogStore implements LogStore {
    private static final Pattern COMMIT_FILE = Pattern.compile("\\d{20}\\.json");

    private final LogStore delegate;
    private final Path base;
    private final MeterRegistry registry;
    private final ConcurrentMap<String, Counter> commits = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, Counter> conflicts = new ConcurrentHashMap<>();

    /**
     * Wraps a store.
     *
     * @param delegate the real store
     * @param base     the lakehouse's base directory (table tags are paths relative to it)
     * @param registry where the counters go
     */
    public MeteredLogStore(LogStore delegate, Path base, MeterRegistry registry) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.base = base.toAbsolutePath().normalize();
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    @Override
    public void putIfAbsent(Path path, byte[] content) throws IOException {
        String table = commitTable(path);
        if (table == null) {
            delegate.putIfAbsent(path, content);
            return;
        }
        try {
            delegate.putIfAbsent(path, content);
        } catch (FileAlreadyExistsException e) {
            conflictCounter(table).increment();
            throw e;
        }
        counter(commits, "hfthot.lakehouse.commits", "Delta commits written", table).increment();
        // Exported at 0 from the table's first commit on, so that a rate over it exists before the first conflict.
        conflictCounter(table);
    }

    private Counter conflictCounter(String table) {
        return counter(conflicts, "hfthot.lakehouse.commit.conflicts",
                "Delta commits that lost the race for their version and were retried", table);
    }

    /** Returns the table of a commit file, or null when the path is not a commit. */
    private String commitTable(Path path) {
        Path name = path.getFileName();
        Path log = path.getParent();
        if (name == null || log == null || log.getFileName() == null || !"_delta_log".equals(log.getFileName().toString())
                || !COMMIT_FILE.matcher(name.toString()).matches() || log.getParent() == null) {
            return null;
        }
        Path table = log.getParent().toAbsolutePath().normalize();
        return table.startsWith(base) ? base.relativize(table).toString().replace('\\', '/') : table.toString();
    }

    private Counter counter(ConcurrentMap<String, Counter> cache, String name, String help, String table) {
        return cache.computeIfAbsent(table, t -> Counter.builder(name).description(help).tag("table", t).register(registry));
    }

    @Override
    public void overwrite(Path path, byte[] content) throws IOException {
        delegate.overwrite(path, content);
    }

    @Override
    public byte[] read(Path path) throws IOException {
        return delegate.read(path);
    }

    @Override
    public List<FileEntry> list(Path directory) throws IOException {
        return delegate.list(directory);
    }

    @Override
    public List<FileEntry> listFrom(Path directory, String fromName) throws IOException {
        return delegate.listFrom(directory, fromName);
    }

    @Override
    public List<FileEntry> listRecursively(Path directory) throws IOException {
        return delegate.listRecursively(directory);
    }

    @Override
    public boolean exists(Path path) throws IOException {
        return delegate.exists(path);
    }

    @Override
    public boolean delete(Path path) throws IOException {
        return delegate.delete(path);
    }

    @Override
    public void setModificationTime(Path path, long epochMillis) throws IOException {
        delegate.setModificationTime(path, epochMillis);
    }

    @Override
    public void force(Path path) throws IOException {
        delegate.force(path);
    }

    @Override
    public OutputStream create(Path path) throws IOException {
        return delegate.create(path);
    }

    @Override
    public SeekableByteChannel openRead(Path path) throws IOException {
        return delegate.openRead(path);
    }

    @Override
    public Optional<FileEntry> stat(Path path) throws IOException {
        return delegate.stat(path);
    }
}

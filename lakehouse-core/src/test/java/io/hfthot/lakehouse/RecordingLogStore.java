package io.hfthot.lakehouse;

import io.hfthot.lakehouse.storage.FileEntry;
import io.hfthot.lakehouse.storage.LocalLogStore;
import io.hfthot.lakehouse.storage.LogStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LocalLogStore} that records, in order, the calls that create or make files durable, and separately the
 * start name of every directory listing ({@code ""} for a whole listing).
 */
final class RecordingLogStore implements LogStore {
    /** One recorded call. */
    record Call(String op, Path path) {
    }

    private final LogStore delegate = new LocalLogStore();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> listedFrom = new ArrayList<>();

    synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    synchronized void clear() {
        calls.clear();
        listedFrom.clear();
    }

    synchronized List<String> listedFrom() {
        return List.copyOf(listedFrom);
    }

    private synchronized void record(String op, Path p) {
        calls.add(new Call(op, p.toAbsolutePath().normalize()));
    }

    @Override
    public void putIfAbsent(Path path, byte[] content) throws IOException {
        delegate.putIfAbsent(path, content);
        record("putIfAbsent", path);
    }

    @Override
    public void overwrite(Path path, byte[] content) throws IOException {
        delegate.overwrite(path, content);
        record("overwrite", path);
    }

    @Override
    public java.util.Optional<FileEntry> stat(Path path) throws IOException {
        return delegate.stat(path);
    }

    @Override
    public byte[] read(Path path) throws IOException {
        return delegate.read(path);
    }

    @Override
    public List<FileEntry> list(Path directory) throws IOException {
        synchronized (this) {
            listedFrom.add("");
        }
        return delegate.list(directory);
    }

    @Override
    public List<FileEntry> listFrom(Path directory, String fromName) throws IOException {
        synchronized (this) {
            listedFrom.add(fromName);
        }
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
        record("force", path);
    }

    @Override
    public java.io.OutputStream create(Path path) throws IOException {
        record("create", path);
        return delegate.create(path);
    }

    @Override
    public java.nio.channels.SeekableByteChannel openRead(Path path) throws IOException {
        return delegate.openRead(path);
    }
}

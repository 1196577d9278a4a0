package io.hfthot.lakehouse.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The storage operations a Delta table needs: atomic put-if-absent for commits, whole-file reads, listings,
 * deletes, and streams for data and checkpoint files (a seekable channel to read, an output stream to write; the
 * lakehouse adapts them to Parquet itself, so an implementation needs nothing of Parquet).
 *
 * <p>Contract (checked by {@code LogStoreContractTest}, which every implementation's test extends):
 * <ul>
 *   <li>{@link #putIfAbsent} is atomic: readers see either no file or the complete content, and exactly one of
 *       several concurrent callers for the same path succeeds; the others get {@link FileAlreadyExistsException}
 *       and the existing content is unchanged. This is what makes Delta's optimistic concurrency safe.</li>
 *   <li>Durability: when {@link #putIfAbsent} or {@link #overwrite} returns, the content and the file's name are
 *       durable (they survive a power loss); a file written through {@link #create} is durable, name
 *       included, once {@link #force} on it has returned. Writers force every data file before the commit that
 *       names it, so a commit never survives a crash that its data files do not.</li>
 *   <li>{@link #overwrite} replaces the whole content atomically (readers see old or new content, never a mix).</li>
 *   <li>{@link #list} returns files only (no directories), sorted by name; an absent directory lists as empty.</li>
 *   <li>{@link #read} of an absent file throws {@link NoSuchFileException}.</li>
 *   <li>Implementations are thread-safe. Streams returned are owned and closed by the caller.</li>
 * </ul>
 * Paths are absolute {@link Path}s; an object-store implementation maps them to keys.
 */
public interface LogStore {

    /**
     * Writes a file only when no file exists at {@code path}, atomically.
     *
     * @throws FileAlreadyExistsException when the file exists (another writer won); nothing was changed
     */
    void putIfAbsent(Path path, byte[] content) throws IOException;

    /** Writes or atomically replaces a file (used for {@code _last_checkpoint}, a hint that readers verify). */
    void overwrite(Path path, byte[] content) throws IOException;

    /**
     * Reads a whole file.
     *
     * @throws NoSuchFileException when absent
     */
    byte[] read(Path path) throws IOException;

    /** Lists the files (not directories) directly inside {@code directory}, sorted by name; empty when absent. */
    List<FileEntry> list(Path directory) throws IOException;

    /**
     * Lists the files directly inside {@code directory} whose name is at or after {@code fromName} in
     * {@link String#compareTo} order, sorted by name; empty when absent (Delta Kernel's {@code listFrom}).
     *
     * <p>Readers list the log from the latest checkpoint's file name on, so the cost of a snapshot does not grow
     * with the number of commits ever made. The default filters {@link #list}; an implementation should skip the
     * earlier names without fetching their attributes (an object store passes {@code fromName} as its start-after
     * key).
     */
    default List<FileEntry> listFrom(Path directory, String fromName) throws IOException {
        List<FileEntry> all = list(directory);
        int first = 0;
        while (first < all.size() && all.get(first).name().compareTo(fromName) < 0) {
            first++;
        }
        return all.subList(first, all.size());
    }

    /** Lists every file under {@code directory} recursively, skipping nothing; empty when absent. */
    List<FileEntry> listRecursively(Path directory) throws IOException;

    /**
     * Returns a file's listing entry (size and modification time), or empty when absent. Readers probe the next
     * commit of a table they hold with it instead of listing the log. The default lists the parent directory from
     * the file's name; an implementation should answer with one metadata request.
     */
    default Optional<FileEntry> stat(Path path) throws IOException {
        Path dir = path.getParent();
        String name = path.getFileName().toString();
        for (FileEntry e : listFrom(dir, name)) {
            if (e.name().equals(name)) {
                return Optional.of(e);
            }
            break;
        }
        return Optional.empty();
    }

    /** Returns whether a file exists. */
    boolean exists(Path path) throws IOException;

    /** Deletes a file; returns false when it did not exist. */
    boolean delete(Path path) throws IOException;

    /** Sets a file's modification time (commits carry their commit timestamp so foreign readers agree on time travel). */
    void setModificationTime(Path path, long epochMillis) throws IOException;

    /**
     * Makes a file written through {@link #create} durable: its content, and its name in its directory
     * (and the names of any directories {@link #create} created for it). A no-op is correct only for a
     * store whose writes are durable when the output stream closes (object stores).
     *
     * @throws NoSuchFileException when absent
     */
    void force(Path path) throws IOException;

    /**
     * Creates a new file and opens it for writing, creating missing parent directories. The caller closes the
     * stream; the file is durable only once {@link #force} has returned after that.
     *
     * @throws java.nio.file.FileAlreadyExistsException when the file exists; it is left unchanged
     */
    OutputStream create(Path path) throws IOException;

    /**
     * Opens a file for reading at any position (Parquet reads the footer at the end first, then column chunks).
     * The caller closes the channel; it is only read, never written.
     *
     * @throws NoSuchFileException when absent
     */
    SeekableByteChannel openRead(Path path) throws IOException;
}

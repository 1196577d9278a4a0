package io.hfthot.lakehouse.storage;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;

/**
 * {@link LogStore} on a local (POSIX-like) file system.
 *
 * <p>Put-if-absent writes the content to a hidden temporary file in the target directory, forces it to disk, then
 * hard-links it to the target with {@link Files#createLink}: link creation fails atomically with
 * {@link FileAlreadyExistsException} when the target exists, so a reader never sees a partial commit and a losing
 * writer never replaces the winner's. {@code Files.move(ATOMIC_MOVE)} is not used for commits because it
 * silently replaces an existing target.
 */
public final class LocalLogStore implements LogStore {

    @Override
    public void putIfAbsent(Path path, byte[] content) throws IOException {
        Path tmp = writeTemp(path, content);
        try {
            Files.createLink(path, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public void overwrite(Path path, byte[] content) throws IOException {
        Path tmp = writeTemp(path, content);
        try {
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Path writeTemp(Path path, byte[] content) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        } catch (IOException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        return tmp;
    }

    @Override
    public byte[] read(Path path) throws IOException {
        return Files.readAllBytes(path);
    }

    @Override
    public List<FileEntry> list(Path directory) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory)) {
            for (Path p : ds) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        out.add(new FileEntry(p, a.size(), a.lastModifiedTime().toMillis()));
                    }
                } catch (NoSuchFileException gone) {
                    // deleted between listing and stat (a concurrent vacuum or temp-file cleanup): not listed
                }
            }
        }
        out.sort(Comparator.comparing(FileEntry::name));
        return out;
    }

    @Override
    public List<FileEntry> listRecursively(Path directory) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        try (Stream<Path> s = Files.walk(directory)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                try {
                    BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                    if (a.isRegularFile()) {
                        out.add(new FileEntry(p, a.size(), a.lastModifiedTime().toMillis()));
                    }
                } catch (NoSuchFileException gone) {
                    // vanished during the walk: not listed
                }
            }
        }
        out.sort(Comparator.comparing(FileEntry::path));
        return out;
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public boolean delete(Path path) throws IOException {
        return Files.deleteIfExists(path);
    }

    @Override
    public void setModificationTime(Path path, long epochMillis) throws IOException {
        Files.setLastModifiedTime(path, FileTime.fromMillis(epochMillis));
    }

    @Override
    public OutputFile newOutputFile(Path path) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        if (Files.exists(path)) {
            throw new FileAlreadyExistsException(path.toString());
        }
        return new LocalOutputFile(path);
    }

    @Override
    public InputFile newInputFile(Path path) throws IOException {
        if (!Files.exists(path)) {
            throw new NoSuchFileException(path.toString());
        }
        return new LocalInputFile(path);
    }
}

package io.hfthot.lakehouse.storage;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@link LogStore} on a local (POSIX-like) file system.
 *
 * <p>Put-if-absent writes the content to a hidden temporary file in the target directory, forces it to disk, then
 * hard-links it to the target with {@link Files#createLink}: link creation fails atomically with
 * {@link FileAlreadyExistsException} when the target exists, so a reader never sees a partial commit and a losing
 * writer never replaces the winner's. {@code Files.move(ATOMIC_MOVE)} is not used for commits because it
 * silently replaces an existing target.
 *
 * <p>Durability on Linux needs more than forcing a file's content: a new name (a link, a renamed file, a created
 * directory) is only durable once the directory holding it has been fsynced too (ext4, XFS: see fsync(2), "Calling
 * fsync() does not necessarily ensure that the entry in the directory containing the file has also reached disk").
 * So every operation that creates a name forces the parent directory afterwards. Where a directory cannot be opened
 * for that (Windows), the directory sync is skipped: there, NTFS journals metadata itself.
 */
public final class LocalLogStore implements LogStore {
    private static final boolean WINDOWS = System.getProperty("os.name", "").startsWith("Windows");

    @Override
    public void putIfAbsent(Path path, byte[] content) throws IOException {
        Path tmp = writeTemp(path, content);
        try {
            Files.createLink(path, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(path.toAbsolutePath().getParent());
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
        syncDirectory(path.toAbsolutePath().getParent());
    }

    @Override
    public void force(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new NoSuchFileException(path.toString());
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        syncDirectory(path.toAbsolutePath().getParent());
    }

    /** Creates missing directories and makes each new directory's name durable in its parent. */
    private static void createDirectoriesDurably(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir.toAbsolutePath(); d != null && !Files.isDirectory(d); d = d.getParent()) {
            missing.add(d);
        }
        if (missing.isEmpty()) {
            return;
        }
        Files.createDirectories(dir);
        for (int i = missing.size() - 1; i >= 0; i--) {
            syncDirectory(missing.get(i).getParent());
        }
    }

    private static void syncDirectory(Path dir) throws IOException {
        if (dir == null) {
            return;
        }
        FileChannel ch;
        try {
            ch = FileChannel.open(dir, StandardOpenOption.READ);
        } catch (IOException e) {
            if (WINDOWS) {
                return; // directories cannot be opened as channels there; NTFS journals names itself
            }
            throw e;
        }
        try (ch) {
            ch.force(true);
        }
    }

    private static Path writeTemp(Path path, byte[] content) throws IOException {
        Path dir = path.toAbsolutePath().getParent();
        createDirectoriesDurably(dir);
        Path tmp = dir.resolve("." + path.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try (var ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
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
        return listFrom(directory, "");
    }

    /** Reads the directory's names and fetches attributes only for names at or after {@code fromName}. */
    @Override
    public List<FileEntry> listFrom(Path directory, String fromName) throws IOException {
        List<FileEntry> out = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return out;
        }
        // The stat per entry, not reading the names, is what grows with a long log: filter on the name first.
        DirectoryStream.Filter<Path> from = p -> p.getFileName().toString().compareTo(fromName) >= 0;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(directory, from)) {
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
    public Optional<FileEntry> stat(Path path) throws IOException {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            return a.isRegularFile() ? Optional.of(new FileEntry(path, a.size(), a.lastModifiedTime().toMillis())) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
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
    public OutputStream create(Path path) throws IOException {
        createDirectoriesDurably(path.toAbsolutePath().getParent());
        return Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    @Override
    public SeekableByteChannel openRead(Path path) throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ);
    }
}

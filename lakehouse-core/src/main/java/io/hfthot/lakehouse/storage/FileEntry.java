package io.hfthot.lakehouse.storage;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A file found by {@link LogStore#list(Path)}.
 *
 * @param path             absolute path
 * @param size             size in bytes
 * @param modificationTime last modification, epoch milliseconds
 */
public record FileEntry(Path path, long size, long modificationTime) {
    /** Checks for null. */
    public FileEntry {
        Objects.requireNonNull(path, "path");
    }

    /** Returns the file name. */
    public String name() {
        return path.getFileName().toString();
    }
}

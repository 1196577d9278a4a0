package io.hfthot.engine.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

/**
 * The AES-256 key that seals users' upstream provider keys, kept in a file of the data directory with
 * owner-only permissions and created from a CSPRNG at first start. Losing the file makes the stored provider
 * keys unreadable (they must be registered again); it never leaves the server.
 */
public final class MasterKeyFile {
    /** The key length in bytes. */
    public static final int BYTES = 32;

    private MasterKeyFile() {
    }

    /**
     * Reads the key, or creates it when the file does not exist.
     *
     * @param file   the key file
     * @param random the CSPRNG for a new key
     * @return the 32-byte key
     */
    public static byte[] loadOrCreate(Path file, SecureRandom random) {
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length != BYTES) {
                    throw new IllegalStateException(file + " must hold " + BYTES + " bytes, holds " + key.length);
                }
                return key;
            }
            byte[] key = new byte[BYTES];
            random.nextBytes(key);
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            Files.write(tmp, key);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }
}

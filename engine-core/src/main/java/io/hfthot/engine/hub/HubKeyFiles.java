package io.hfthot.engine.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The hub's files in the data directory, written owner-only: the JWT signing key (so access tokens stay valid
 * across restarts) and the demo user's credentials (printed at every start, as the demo keys are).
 */
final class HubKeyFiles {
    static final String JWT_KEY = "hub-jwt.key";
    static final String DEMO_USER = "hub-demo-user.txt";

    private HubKeyFiles() {
    }

    /** Reads the JWT key, creating a random 32-byte one at first start. */
    static byte[] jwtKey(Path dataDir, SecureRandom random) {
        Path file = dataDir.resolve(JWT_KEY);
        try {
            if (Files.exists(file)) {
                byte[] key = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
                if (key.length < 32) {
                    throw new IllegalStateException(file + " holds a key shorter than 32 bytes; delete it to regenerate");
                }
                return key;
            }
            byte[] key = new byte[32];
            random.nextBytes(key);
            writeOwnerOnly(file, Base64.getEncoder().encodeToString(key) + "\n");
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /** Returns the demo credentials written at first start, if any. */
    static Optional<String[]> readDemo(Path dataDir) {
        Path file = dataDir.resolve(DEMO_USER);
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ", 2);
            return parts.length == 2 ? Optional.of(parts) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Writes the demo credentials, owner-only. */
    static void writeDemo(Path dataDir, String email, String password) {
        try {
            writeOwnerOnly(dataDir.resolve(DEMO_USER), email + " " + password + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + dataDir.resolve(DEMO_USER), e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
    }
}

package io.hfthot.engine.hti;

import io.hfthot.engine.identity.crypto.Fingerprint;
import io.hfthot.engine.identity.crypto.RandomSecrets;
import io.hfthot.engine.keys.DemoKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The token of the HTI admin routes (issuing, listing and revoking API codes): random, created at first start in
 * {@value #FILE_NAME} in the data directory with owner-only permissions, so that whoever can read the data
 * directory administers the codes. Only its fingerprint is kept in memory; checks compare fingerprints in
 * constant time.
 */
public final class AdminToken {
    /** The file name under the data directory. */
    public static final String FILE_NAME = "hti-admin-token.txt";

    private final Fingerprint fingerprint;
    private final Path file;

    private AdminToken(Fingerprint fingerprint, Path file) {
        this.fingerprint = fingerprint;
        this.file = file;
    }

    /**
     * Reads the token, creating it when missing.
     *
     * @param dataDir the data directory
     * @return the token
     */
    static AdminToken ensure(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                DemoKeys.writeOwnerOnly(file, RandomSecrets.system().next("hti_admin_") + "\n");
            }
            String token = Files.readString(file, StandardCharsets.UTF_8).strip();
            return new AdminToken(Fingerprint.of(token), file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /**
     * Tells whether a presented token is the admin token.
     *
     * @param presented the {@code X-Admin-Token} value, may be null
     * @return true when it matches
     */
    public boolean matches(String presented) {
        return presented != null && presented.length() <= 256 && fingerprint.matches(Fingerprint.of(presented.strip()));
    }

    /**
     * Returns where the token is written.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }
}

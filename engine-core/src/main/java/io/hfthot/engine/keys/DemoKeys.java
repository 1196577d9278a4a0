package io.hfthot.engine.keys;

import io.hfthot.engine.identity.ApiKeyService;
import io.hfthot.engine.identity.IssuedApiKey;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.api.GeneratedKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Demo keys of a fresh installation: one API key per tier, each in its own account ({@link #owner(Tier)}, e.g.
 * {@code demo-professional}, so that the demo keys do not share one account's windows), issued at first start so
 * that the server can print working keys at once. Data directories created before accounts were separated keep
 * their demo keys in the single account {@value #OWNER}.
 *
 * <p>The key table stores only hashes, so the raw demo keys are also written to {@code demo-keys.txt} in the
 * data directory, created with owner-only permissions ({@code rw-------} on POSIX file systems), for later
 * starts to print them again. This file is a demo convenience: it holds raw credentials, so production
 * installations turn demo keys off and issue keys through the key endpoint. A key listed in the file that no
 * longer verifies (revoked, or the key table was reset) is dropped from what later starts report.
 *
 * <p>File format: comment lines start with {@code #}; each other line is {@code <tier id> <raw key>}.
 */
public final class DemoKeys {
    /** The prefix of every demo key's account (and the one account of demo keys issued by older versions). */
    public static final String OWNER = "demo";
    /** The file name under the data directory. */
    public static final String FILE_NAME = "demo-keys.txt";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private DemoKeys() {
    }

    /**
     * Returns the demo keys: those saved in {@code <dataDir>/demo-keys.txt} that still verify, or, when the
     * file does not exist, newly issued ones (one per tier) saved to it.
     *
     * @param dataDir the data directory
     * @param keys    the key service
     * @return one key per tier, in tier order (fewer when saved keys no longer verify)
     */
    public static List<GeneratedKey> ensure(Path dataDir, ApiKeyService keys) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                return load(file, keys);
            }
            List<GeneratedKey> issued = new ArrayList<>();
            StringBuilder text = new StringBuilder()
                    .append("# HFThot demo API keys, one per tier (demo use only: raw credentials).\n")
                    .append("# The key table stores SHA-256 hashes only; delete this file after noting the keys.\n");
            for (Tier tier : Tier.values()) {
                IssuedApiKey k = keys.issue(owner(tier), tier);
                issued.add(toGenerated(k));
                text.append(tier.id()).append(' ').append(k.rawKey()).append('\n');
            }
            writeOwnerOnly(file, text.toString());
            return List.copyOf(issued);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write " + file, e);
        }
    }

    /**
     * Returns the account of a tier's demo key.
     *
     * @param tier the tier
     * @return {@code demo-<tier id>}, e.g. {@code demo-free_beta}
     */
    public static String owner(Tier tier) {
        return OWNER + "-" + tier.id();
    }

    private static List<GeneratedKey> load(Path file, ApiKeyService keys) throws IOException {
        List<GeneratedKey> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            if (parts.length != 2) {
                continue;
            }
            String raw = parts[1];
            keys.verify(raw).ifPresent(p -> out.add(new GeneratedKey(raw, p.keyId(), p.ownerId(), p.tier().id(),
                    p.createdAt().toString())));
        }
        return List.copyOf(out);
    }

    /**
     * Writes a file of raw demo credentials atomically, readable by its owner only where the file system has
     * POSIX permissions.
     *
     * @param file the file, replaced when it exists
     * @param text its content
     * @throws IOException when it cannot be written
     */
    public static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            // Not a POSIX file system (Windows): the file inherits the directory's ACL.
            Files.createFile(tmp);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("could not create " + tmp, e);
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Converts an issued key to the API's record.
     *
     * @param k the issued key
     * @return the record
     */
    public static GeneratedKey toGenerated(IssuedApiKey k) {
        return new GeneratedKey(k.rawKey(), k.record().keyId(), k.record().ownerId(), k.record().tier().id(),
                k.record().createdAt().toString());
    }

    static Set<PosixFilePermission> ownerOnly() {
        return EnumSet.copyOf(OWNER_ONLY);
    }
}

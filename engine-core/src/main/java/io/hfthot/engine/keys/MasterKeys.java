package io.hfthot.engine.keys;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the master key from its {@link MasterKeySource} and checks that it is the key this data directory's
 * provider keys were sealed with, so that a wrong key is refused at start rather than discovered when a
 * sealed value no longer opens.
 *
 * <p>The check is {@value #CHECK_FILE} in the data directory: an HMAC-SHA256 under the key of a fixed text. It
 * reveals nothing usable about the key (HMAC is a pseudo-random function) and lets any later start compare.
 * It is written at the first start that finds none.
 */
public final class MasterKeys {
    /** The key file of {@link MasterKeySource#inDataDirectory()}. */
    public static final String DATA_DIR_FILE = "provider-keys.master";
    /** The key check file in the data directory. */
    public static final String CHECK_FILE = "provider-keys.master.check";

    private static final Logger LOG = LoggerFactory.getLogger(MasterKeys.class);
    private static final byte[] CHECK_TEXT = "HFThot provider-keys master key check v1".getBytes(StandardCharsets.US_ASCII);
    private static final String CHECK_PREFIX = "hmac-sha256 ";

    private MasterKeys() {
    }

    /**
     * Returns the master key: read (or, for the data-directory source at first start, created) and checked.
     *
     * @param source  where the key comes from
     * @param dataDir the data directory
     * @param random  the CSPRNG for a new data-directory key
     * @return the 32-byte key
     * @throws IllegalStateException with a message naming the source (never the key) when the key is missing,
     *                               malformed or not this data directory's key
     */
    public static byte[] load(MasterKeySource source, Path dataDir, SecureRandom random) {
        byte[] key;
        if (source instanceof MasterKeySource.KeyFile f) {
            key = readKeyFile(f.path());
        } else if (source instanceof MasterKeySource.Given g) {
            key = g.key();
        } else {
            key = MasterKeyFile.loadOrCreate(dataDir.resolve(DATA_DIR_FILE), random);
        }
        check(key, source, dataDir);
        return key;
    }

    /**
     * Decodes base64 text holding a 32-byte key.
     *
     * @param origin where the text came from, for the message
     * @param text   the text
     * @return the key
     * @throws IllegalArgumentException naming the origin (not the text) when it is not base64 of 32 bytes
     */
    static byte[] decodeBase64(String origin, String text) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(text == null ? "" : text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + " is not base64 text (" + e.getMessage() + "); expected the base64 of "
                    + MasterKeyFile.BYTES + " random bytes, e.g. the output of: head -c 32 /dev/urandom | base64");
        }
        if (key.length != MasterKeyFile.BYTES) {
            throw new IllegalArgumentException(origin + " decodes to " + key.length + " bytes; expected the base64 of "
                    + MasterKeyFile.BYTES + " random bytes, e.g. the output of: head -c 32 /dev/urandom | base64");
        }
        return key;
    }

    private static byte[] readKeyFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("the master key file " + file + " does not exist; create it with: "
                    + "head -c 32 /dev/urandom | base64 > " + file + " && chmod 600 " + file);
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the master key file " + file + ": " + e.getMessage(), e);
        }
        if (content.length == MasterKeyFile.BYTES) {
            return content;
        }
        try {
            return decodeBase64("the master key file " + file, new String(content, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " (or exactly " + MasterKeyFile.BYTES + " raw bytes)", e);
        }
    }

    private static void check(byte[] key, MasterKeySource source, Path dataDir) {
        byte[] expected = checkValue(key);
        Path checkFile = dataDir.resolve(CHECK_FILE);
        try {
            if (Files.exists(checkFile)) {
                byte[] stored = parseCheck(Files.readString(checkFile, StandardCharsets.US_ASCII));
                if (!MessageDigest.isEqual(stored, expected)) {
                    throw mismatch(source, checkFile + " records another key");
                }
                return;
            }
            Path inDir = dataDir.resolve(DATA_DIR_FILE);
            if (!(source instanceof MasterKeySource.InDataDirectory) && Files.exists(inDir)) {
                if (!MessageDigest.isEqual(Files.readAllBytes(inDir), key)) {
                    throw mismatch(source, inDir + " holds another key");
                }
                LOG.warn("{} is the same key as {}; delete that copy to keep the key out of the data directory",
                        source.describe(), inDir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key check " + checkFile, e);
        }
        try {
            writeCheck(checkFile, expected);
        } catch (IOException e) {
            // E.g. a full disk: the server still starts; the next start that can write records the check.
            LOG.warn("cannot write the master key check {} ({}); a wrong key is not detected until it is written",
                    checkFile, e.getMessage());
        }
    }

    private static IllegalStateException mismatch(MasterKeySource source, String why) {
        return new IllegalStateException("the master key from " + source.describe() + " is not the key that sealed the "
                + "provider keys of this data directory (" + why + "); start with the right key "
                + "(--master-key-file, HFTHOT_MASTER_KEY_FILE or HFTHOT_MASTER_KEY)");
    }

    private static byte[] checkValue(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(CHECK_TEXT);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JDK", e);
        }
    }

    private static byte[] parseCheck(String text) {
        String t = text.strip();
        if (!t.startsWith(CHECK_PREFIX)) {
            throw new IllegalStateException("the master key check file does not start with '" + CHECK_PREFIX.strip()
                    + "'; delete it only if the master key given is known to be right");
        }
        return Base64.getDecoder().decode(t.substring(CHECK_PREFIX.length()).strip());
    }

    private static void writeCheck(Path checkFile, byte[] value) throws IOException {
        Path tmp = checkFile.resolveSibling(checkFile.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, CHECK_PREFIX + Base64.getEncoder().encodeToString(value) + "\n", StandardCharsets.US_ASCII);
        Files.move(tmp, checkFile, StandardCopyOption.ATOMIC_MOVE);
    }
}

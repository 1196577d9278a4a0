package io.hfthot.engine.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The master key's sources: the data directory (created at first start), a file elsewhere, the environment;
 * a key given from outside is never written into the data directory; a key that is not the data directory's
 * is refused with a message naming the source and never the key.
 */
class MasterKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private static byte[] key(int fill) {
        byte[] k = new byte[MasterKeyFile.BYTES];
        java.util.Arrays.fill(k, (byte) fill);
        k[0] = 42;
        return k;
    }

    /** Whether any file under the directory holds the bytes, raw or as base64 text. */
    private static boolean anyFileHolds(Path dir, byte[] key) throws IOException {
        byte[] b64 = Base64.getEncoder().encode(key);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] content = Files.readAllBytes(f);
                if (indexOf(content, key) >= 0 || indexOf(content, b64) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void theDefaultKeyIsCreatedInTheDataDirectoryOnceAndChecked(@TempDir Path data) throws IOException {
        byte[] first = MasterKeys.load(MasterKeySource.inDataDirectory(), data, RANDOM);
        assertArrayEquals(first, Files.readAllBytes(data.resolve(MasterKeys.DATA_DIR_FILE)));
        assertTrue(Files.readString(data.resolve(MasterKeys.CHECK_FILE)).startsWith("hmac-sha256 "));
        assertArrayEquals(first, MasterKeys.load(MasterKeySource.inDataDirectory(), data, RANDOM));
    }

    @Test
    void aKeyFromTheEnvironmentOrAFileElsewhereIsNeverWrittenIntoTheDataDirectory(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        byte[] env = key(1);
        MasterKeySource fromEnv = MasterKeySource.base64("HFTHOT_MASTER_KEY", Base64.getEncoder().encodeToString(env));
        assertArrayEquals(env, MasterKeys.load(fromEnv, data, RANDOM));
        assertArrayEquals(env, MasterKeys.load(fromEnv, data, RANDOM), "the check recorded at first use matches");
        assertFalse(Files.exists(data.resolve(MasterKeys.DATA_DIR_FILE)));
        assertTrue(Files.exists(data.resolve(MasterKeys.CHECK_FILE)));
        assertFalse(anyFileHolds(data, env), "the key is nowhere in the data directory");
        assertFalse(fromEnv.toString().contains(Base64.getEncoder().encodeToString(env)), fromEnv.toString());

        Path data2 = Files.createDirectories(tmp.resolve("data2"));
        byte[] raw = key(2);
        Path rawFile = Files.write(Files.createDirectories(tmp.resolve("secrets")).resolve("raw.key"), raw);
        assertArrayEquals(raw, MasterKeys.load(MasterKeySource.file(rawFile), data2, RANDOM));
        Path data3 = Files.createDirectories(tmp.resolve("data3"));
        Path textFile = Files.writeString(tmp.resolve("secrets/text.key"), Base64.getEncoder().encodeToString(raw) + "\n");
        assertArrayEquals(raw, MasterKeys.load(MasterKeySource.file(textFile), data3, RANDOM), "base64 text works too");
        assertFalse(anyFileHolds(data2, raw));
        assertFalse(anyFileHolds(data3, raw));
    }

    @Test
    void aWrongKeyIsRefusedNamingItsSourceButNotTheKey(@TempDir Path data) throws IOException {
        byte[] right = key(3);
        byte[] wrong = key(4);
        MasterKeys.load(MasterKeySource.base64("HFTHOT_MASTER_KEY", Base64.getEncoder().encodeToString(right)), data, RANDOM);
        String wrongText = Base64.getEncoder().encodeToString(wrong);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterKeys.load(MasterKeySource.base64("HFTHOT_MASTER_KEY", wrongText), data, RANDOM));
        assertEquals("the master key from HFTHOT_MASTER_KEY is not the key that sealed the provider keys of this data "
                + "directory (" + data.resolve(MasterKeys.CHECK_FILE) + " records another key); start with the right key "
                + "(--master-key-file, HFTHOT_MASTER_KEY_FILE or HFTHOT_MASTER_KEY)", e.getMessage());
        assertFalse(e.getMessage().contains(wrongText));
        // The data directory's own (generated) key is not this one either.
        IllegalStateException own = assertThrows(IllegalStateException.class,
                () -> MasterKeys.load(MasterKeySource.inDataDirectory(), data, RANDOM));
        assertTrue(own.getMessage().startsWith("the master key from the data directory's provider-keys.master is not"),
                own.getMessage());
    }

    @Test
    void movingTheDataDirectoryKeyOutNeedsTheSameKey(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        byte[] inDir = MasterKeys.load(MasterKeySource.inDataDirectory(), data, RANDOM);
        Files.delete(data.resolve(MasterKeys.CHECK_FILE)); // a data directory from before the check existed
        Path other = Files.write(tmp.resolve("other.key"), key(5));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> MasterKeys.load(MasterKeySource.file(other), data, RANDOM));
        assertTrue(e.getMessage().contains(data.resolve(MasterKeys.DATA_DIR_FILE) + " holds another key"), e.getMessage());
        Path moved = Files.write(tmp.resolve("moved.key"), inDir);
        assertArrayEquals(inDir, MasterKeys.load(MasterKeySource.file(moved), data, RANDOM));
    }

    @Test
    void malformedKeysAreRefusedSayingWhatIsAccepted(@TempDir Path tmp) throws IOException {
        IllegalArgumentException notBase64 = assertThrows(IllegalArgumentException.class,
                () -> MasterKeySource.base64("HFTHOT_MASTER_KEY", "not base64 at all!"));
        assertTrue(notBase64.getMessage().startsWith("HFTHOT_MASTER_KEY is not base64 text"), notBase64.getMessage());
        assertFalse(notBase64.getMessage().contains("not base64 at all!"), "the value is not echoed");
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> MasterKeySource.base64("HFTHOT_MASTER_KEY", Base64.getEncoder().encodeToString(new byte[16])));
        assertEquals("HFTHOT_MASTER_KEY decodes to 16 bytes; expected the base64 of 32 random bytes, e.g. the output "
                + "of: head -c 32 /dev/urandom | base64", shortKey.getMessage());
        Path missing = tmp.resolve("absent.key");
        IllegalStateException absent = assertThrows(IllegalStateException.class,
                () -> MasterKeys.load(MasterKeySource.file(missing), tmp, RANDOM));
        assertEquals("the master key file " + missing + " does not exist; create it with: head -c 32 /dev/urandom | base64 > "
                + missing + " && chmod 600 " + missing, absent.getMessage());
        Path wrongSize = Files.write(tmp.resolve("short.key"), "abc".getBytes(StandardCharsets.US_ASCII));
        IllegalStateException size = assertThrows(IllegalStateException.class,
                () -> MasterKeys.load(MasterKeySource.file(wrongSize), tmp, RANDOM));
        assertTrue(size.getMessage().endsWith("(or exactly 32 raw bytes)"), size.getMessage());
    }
}

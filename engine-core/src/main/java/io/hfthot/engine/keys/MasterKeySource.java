package io.hfthot.engine.keys;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * Where the AES-256 master key that seals users' provider keys comes from. Only {@link #inDataDirectory()}
 * ever writes the key, and only into the data directory; the other sources are read-only, so an operator can
 * keep the key away from the values it seals (another disk, a secret mount, the environment).
 */
public sealed interface MasterKeySource {
    /**
     * The key in {@code <dataDir>/provider-keys.master}, created from a CSPRNG at first start (the default).
     *
     * @return the source
     */
    static MasterKeySource inDataDirectory() {
        return InDataDirectory.INSTANCE;
    }

    /**
     * The key in a file the server only reads: 32 raw bytes, or their base64 text.
     *
     * @param file the file; it must exist
     * @return the source
     */
    static MasterKeySource file(Path file) {
        return new KeyFile(file);
    }

    /**
     * A key given as base64 text, e.g. by an environment variable.
     *
     * @param origin where the text came from, named in messages (never the key itself), e.g. {@code HFTHOT_MASTER_KEY}
     * @param base64 the standard base64 of 32 bytes
     * @return the source
     * @throws IllegalArgumentException naming the origin when the text is not base64 of 32 bytes
     */
    static MasterKeySource base64(String origin, String base64) {
        Objects.requireNonNull(origin, "origin");
        return new Given(origin, MasterKeys.decodeBase64(origin, base64));
    }

    /**
     * Describes the source for messages: never the key.
     *
     * @return e.g. {@code the file /run/secrets/hfthot.key}
     */
    String describe();

    /** The key file inside the data directory. */
    enum InDataDirectory implements MasterKeySource {
        /** The only instance. */
        INSTANCE;

        @Override
        public String describe() {
            return "the data directory's " + MasterKeys.DATA_DIR_FILE;
        }
    }

    /**
     * A key file the server reads and never writes.
     *
     * @param path the file
     */
    record KeyFile(Path path) implements MasterKeySource {
        /** Validates the path. */
        public KeyFile {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return "the file " + path;
        }
    }

    /**
     * A key given as a value.
     *
     * @param origin where it came from, e.g. an environment variable's name
     * @param key    the 32 bytes (copied in and out)
     */
    record Given(String origin, byte[] key) implements MasterKeySource {
        /** Validates and copies the key. */
        public Given {
            Objects.requireNonNull(origin, "origin");
            if (key == null || key.length != MasterKeyFile.BYTES) {
                throw new IllegalArgumentException(origin + " must hold a " + MasterKeyFile.BYTES + "-byte key, got "
                        + (key == null ? "nothing" : key.length + " bytes"));
            }
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public String describe() {
            return origin;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Given g && g.origin.equals(origin) && Arrays.equals(g.key, key);
        }

        @Override
        public int hashCode() {
            return origin.hashCode();
        }

        /** Names the origin only: the key never reaches a log. */
        @Override
        public String toString() {
            return "Given[" + origin + "]";
        }
    }
}

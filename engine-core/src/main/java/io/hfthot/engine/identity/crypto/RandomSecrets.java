package io.hfthot.engine.identity.crypto;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Generates unguessable secrets (API keys, refresh tokens, codes) from a CSPRNG.
 *
 * <p>Each secret carries {@value #BYTES} random bytes (256 bits), written in unpadded base64url so it
 * is safe in headers, query strings and metadata. Thread-safe: {@link SecureRandom} is.
 */
public final class RandomSecrets {
    /** Number of random bytes in each secret. */
    public static final int BYTES = 32;

    private final SecureRandom random;

    /**
     * Creates a generator over the given CSPRNG.
     *
     * @param random the source of randomness (tests may pass a seeded {@code SHA1PRNG})
     */
    public RandomSecrets(SecureRandom random) {
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        this.random = random;
    }

    /**
     * Creates a generator over the platform's default strong CSPRNG.
     *
     * @return a generator
     */
    public static RandomSecrets system() {
        return new RandomSecrets(new SecureRandom());
    }

    /**
     * Returns a new secret: the prefix followed by 43 base64url characters.
     *
     * @param prefix a public prefix (may be empty), e.g. {@code hft_pro_}
     * @return the secret
     */
    public String next(String prefix) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Fills a fresh array with random bytes.
     *
     * @param length the number of bytes
     * @return the bytes
     */
    public byte[] bytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}

package io.hfthot.engine.identity.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The SHA-256 digest of a secret: what stores keep instead of the secret itself.
 *
 * <p>Equality is decided by {@link MessageDigest#isEqual}, which compares in time independent of
 * where the digests differ, so a map keyed by fingerprints gives O(1) lookup and the final match is
 * constant-time. The digest bytes are copied in and out; instances are immutable.
 */
public final class Fingerprint {
    /** Length of a SHA-256 digest in bytes. */
    public static final int LENGTH = 32;

    /** {@code MessageDigest.getInstance} walks the provider list on every call; one instance per thread avoids that. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(Fingerprint::sha256);

    private final byte[] digest;
    private final int hash;

    private Fingerprint(byte[] digest) {
        this.digest = digest;
        // The first four digest bytes are uniformly distributed, so they make a good hash code.
        this.hash = (digest[0] & 0xff) << 24 | (digest[1] & 0xff) << 16 | (digest[2] & 0xff) << 8 | (digest[3] & 0xff);
    }

    /**
     * Hashes a secret with SHA-256.
     *
     * @param secret the secret as presented by a client (UTF-8 encoded before hashing)
     * @return its fingerprint
     */
    public static Fingerprint of(String secret) {
        if (secret == null) {
            throw new IllegalArgumentException("secret must not be null");
        }
        // digest() resets the instance, so the thread's next call starts clean.
        return new Fingerprint(SHA256.get().digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Rebuilds a fingerprint from stored digest bytes.
     *
     * @param digest 32 bytes (copied)
     * @return the fingerprint
     */
    public static Fingerprint fromBytes(byte[] digest) {
        if (digest == null || digest.length != LENGTH) {
            throw new IllegalArgumentException("digest must be " + LENGTH + " bytes, got "
                    + (digest == null ? "null" : digest.length + " bytes"));
        }
        return new Fingerprint(digest.clone());
    }

    /**
     * Rebuilds a fingerprint from its lowercase or uppercase hex form.
     *
     * @param hex 64 hex digits
     * @return the fingerprint
     */
    public static Fingerprint fromHex(String hex) {
        if (hex == null || hex.length() != 2 * LENGTH) {
            throw new IllegalArgumentException("hex digest must be " + 2 * LENGTH + " hex digits, got "
                    + (hex == null ? "null" : hex.length() + " characters"));
        }
        return new Fingerprint(HexFormat.of().parseHex(hex));
    }

    /**
     * Returns a copy of the digest bytes.
     *
     * @return 32 bytes
     */
    public byte[] toBytes() {
        return digest.clone();
    }

    /**
     * Returns the digest as 64 lowercase hex digits.
     *
     * @return hex form
     */
    public String toHex() {
        return HexFormat.of().formatHex(digest);
    }

    /**
     * Returns a short, non-secret identifier derived from the digest (first 8 bytes in hex), used as a
     * public key id in logs, usage rows and rate-limit buckets.
     *
     * @return 16 hex digits
     */
    public String shortId() {
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /**
     * Compares with another fingerprint in constant time.
     *
     * @param other the other fingerprint
     * @return true when the digests are equal
     */
    public boolean matches(Fingerprint other) {
        return other != null && MessageDigest.isEqual(digest, other.digest);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint && matches((Fingerprint) o);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** Shows only the short id: the full digest is not needed to identify a row in logs. */
    @Override
    public String toString() {
        return "Fingerprint[" + shortId() + "]";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must support SHA-256", e);
        }
    }
}

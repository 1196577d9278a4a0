package io.hfthot.engine.identity.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals small values (provider keys, user secrets) with AES-256-GCM from the JDK.
 *
 * <p>Sealed layout: {@code version(1) || keyId(1) || nonce(12) || ciphertext || tag(16)}. Every seal
 * draws a fresh 96-bit nonce from the CSPRNG. The caller passes associated data naming the row the
 * value belongs to (e.g. owner and key name): GCM authenticates it, so a ciphertext copied into
 * another row, or altered by a single bit, fails to open with {@link SealedValueException}.
 * A {@code Cipher} is created per call because instances are not thread-safe; the cost is small
 * against the AES work itself. Thread-safe.
 */
public final class AesGcmSealer {
    private static final byte FORMAT_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 2 + NONCE_BYTES;

    private final SecretKeySpec key;
    private final byte keyId;
    private final SecureRandom random;

    /**
     * Creates a sealer over a 256-bit key.
     *
     * @param key    32 key bytes (copied); keep them out of source code and logs
     * @param keyId  a number naming this key, stored in each sealed value so keys can be rotated
     * @param random the nonce source
     */
    public AesGcmSealer(byte[] key, int keyId, SecureRandom random) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("key must be 32 bytes (AES-256), got "
                    + (key == null ? "null" : key.length + " bytes"));
        }
        if (keyId < 0 || keyId > 255) {
            throw new IllegalArgumentException("keyId must be in [0, 255], got " + keyId);
        }
        if (random == null) {
            throw new IllegalArgumentException("random must not be null");
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
        this.keyId = (byte) keyId;
        this.random = random;
    }

    /**
     * Seals a value.
     *
     * @param plaintext      the value
     * @param associatedData the row identity the value is bound to
     * @return the sealed bytes
     */
    public byte[] seal(String plaintext, String associatedData) {
        if (plaintext == null || associatedData == null) {
            throw new IllegalArgumentException("plaintext and associatedData must not be null");
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(associatedData));
            byte[] body = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.allocate(HEADER_BYTES + body.length)
                    .put(FORMAT_VERSION).put(keyId).put(nonce).put(body).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM is required on every Java platform", e);
        }
    }

    /**
     * Opens a sealed value.
     *
     * @param sealed         bytes from {@link #seal}
     * @param associatedData the same row identity given when sealing
     * @return the value
     * @throws SealedValueException if the bytes were altered, belong to another row or another key
     */
    public String open(byte[] sealed, String associatedData) {
        if (sealed == null || associatedData == null) {
            throw new IllegalArgumentException("sealed and associatedData must not be null");
        }
        if (sealed.length < HEADER_BYTES + TAG_BITS / 8) {
            throw new SealedValueException("sealed value is truncated: " + sealed.length + " bytes", null);
        }
        if (sealed[0] != FORMAT_VERSION) {
            throw new SealedValueException("unknown sealed format version " + sealed[0], null);
        }
        if (sealed[1] != keyId) {
            throw new SealedValueException("sealed under key id " + (sealed[1] & 0xff)
                    + " but this sealer holds key id " + (keyId & 0xff), null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key,
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOfRange(sealed, 2, HEADER_BYTES)));
            cipher.updateAAD(aad(associatedData));
            byte[] plain = cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new SealedValueException("sealed value failed authentication (altered or moved)", e);
        } catch (GeneralSecurityException e) {
            throw new SealedValueException("sealed value could not be opened", e);
        }
    }

    private static byte[] aad(String associatedData) {
        return associatedData.getBytes(StandardCharsets.UTF_8);
    }
}

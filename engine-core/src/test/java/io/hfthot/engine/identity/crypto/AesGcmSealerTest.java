package io.hfthot.engine.identity.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AesGcmSealerTest {
    private static final byte[] KEY = new byte[32];

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    private final AesGcmSealer sealer = new AesGcmSealer(KEY, 1, new SecureRandom());

    @Test
    void roundTripsAndNeverContainsThePlaintext() {
        String secret = "sk-live-0123456789abcdef";
        byte[] sealed = sealer.seal(secret, "row-1");
        assertEquals(secret, sealer.open(sealed, "row-1"));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(secret));
    }

    @Test
    void freshNonceEveryTime() {
        assertFalse(Arrays.equals(sealer.seal("same", "row"), sealer.seal("same", "row")));
    }

    @Test
    void everyFlippedBitIsRejected() {
        byte[] sealed = sealer.seal("a secret value", "row-1");
        // Byte 0 and 1 are the format version and key id (checked explicitly); the rest is GCM-authenticated.
        for (int i = 0; i < sealed.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] tampered = sealed.clone();
                tampered[i] ^= (byte) (1 << bit);
                assertThrows(SealedValueException.class, () -> sealer.open(tampered, "row-1"),
                        "byte " + i + " bit " + bit);
            }
        }
    }

    @Test
    void valueMovedToAnotherRowIsRejected() {
        byte[] sealed = sealer.seal("a secret value", "owner-a|openai");
        assertThrows(SealedValueException.class, () -> sealer.open(sealed, "owner-b|openai"));
    }

    @Test
    void otherKeyOrTruncationIsRejected() {
        byte[] sealed = sealer.seal("v", "row");
        byte[] otherKey = KEY.clone();
        otherKey[0] ^= 1;
        assertThrows(SealedValueException.class, () -> new AesGcmSealer(otherKey, 1, new SecureRandom()).open(sealed, "row"));
        assertThrows(SealedValueException.class, () -> new AesGcmSealer(KEY, 2, new SecureRandom()).open(sealed, "row"));
        assertThrows(SealedValueException.class, () -> sealer.open(Arrays.copyOf(sealed, 20), "row"));
    }

    @Test
    void refusesShortKeys() {
        assertThrows(IllegalArgumentException.class, () -> new AesGcmSealer(new byte[16], 0, new SecureRandom()));
    }

    @Test
    void fingerprintIsSha256AndComparesByValue() {
        Fingerprint f = Fingerprint.of("abc");
        // FIPS 180-2 test vector for SHA-256("abc").
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", f.toHex());
        assertEquals(f, Fingerprint.fromHex(f.toHex()));
        assertEquals(f.hashCode(), Fingerprint.fromBytes(f.toBytes()).hashCode());
        assertArrayEquals(f.toBytes(), Fingerprint.fromBytes(f.toBytes()).toBytes());
        assertFalse(f.matches(Fingerprint.of("abd")));
        assertEquals("ba7816bf8f01cfea", f.shortId());
    }
}

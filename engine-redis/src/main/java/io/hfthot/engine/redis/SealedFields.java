package io.hfthot.engine.redis;

import java.util.Base64;

/**
 * One hash field value holding a sealed row: its parts joined by spaces, the sealed bytes last in base64. Used by
 * the secret and provider-key stores, whose rows are already sealed (AES-GCM) by the engine before they get here,
 * so Redis only ever holds ciphertext.
 */
final class SealedFields {
    private SealedFields() {
    }

    /**
     * Joins plain parts (none may contain a space) and the sealed bytes.
     *
     * @param sealed the sealed bytes
     * @param parts  the other parts, in order
     * @return the field value
     */
    static String join(byte[] sealed, String... parts) {
        StringBuilder out = new StringBuilder();
        for (String part : parts) {
            if (part.isEmpty() || part.indexOf(' ') >= 0) {
                throw new IllegalArgumentException("a packed part must be non-empty without spaces, got '" + part + "'");
            }
            out.append(part).append(' ');
        }
        return out.append(Base64.getEncoder().encodeToString(sealed)).toString();
    }

    /**
     * Splits a field value written by {@link #join}.
     *
     * @param value the value
     * @param parts how many plain parts precede the sealed bytes
     * @param what  the row, for the error
     * @return the plain parts, then the base64 of the sealed bytes (see {@link #sealed})
     * @throws IllegalStateException when the value was not written by {@link #join} with that many parts
     */
    static String[] split(String value, int parts, String what) {
        String[] out = value.split(" ", -1);
        if (out.length != parts + 1) {
            throw new IllegalStateException("the stored " + what + " has " + out.length + " parts where " + (parts + 1)
                    + " were written; it was not written by this version");
        }
        return out;
    }

    /**
     * Decodes the sealed bytes of a split value.
     *
     * @param split the result of {@link #split}
     * @return the sealed bytes
     */
    static byte[] sealed(String[] split) {
        return Base64.getDecoder().decode(split[split.length - 1]);
    }
}

package io.hfthot.engine.hub.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Hashes and verifies passwords with argon2id through password4j.
 *
 * <p>Hashes are PHC strings carrying their own salt and parameters, so verification reads the
 * parameters from the stored hash ({@code Argon2Function.getInstanceFromHash}) and old hashes keep
 * verifying after the defaults change. Thread-safe.
 */
public final class Argon2idPasswords {
    /** OWASP's minimum argon2id configuration: 19 MiB, 2 iterations, 1 lane. */
    public static final Argon2idPasswords OWASP = new Argon2idPasswords(19 * 1024, 2, 1);
    private static final int SALT_BYTES = 16;
    private static final int OUTPUT_BYTES = 32;

    private final Argon2Function function;

    /**
     * Creates a hasher.
     *
     * @param memoryKiB   memory cost in KiB, at least 8 x parallelism
     * @param iterations  time cost, at least 1
     * @param parallelism lanes, at least 1
     */
    public Argon2idPasswords(int memoryKiB, int iterations, int parallelism) {
        if (parallelism < 1 || iterations < 1 || memoryKiB < 8 * parallelism) {
            throw new IllegalArgumentException("need parallelism >= 1, iterations >= 1, memoryKiB >= 8 x parallelism,"
                    + " got memoryKiB " + memoryKiB + ", iterations " + iterations + ", parallelism " + parallelism);
        }
        this.function = Argon2Function.getInstance(memoryKiB, iterations, parallelism, OUTPUT_BYTES, Argon2.ID);
    }

    /**
     * Hashes a password with a fresh random salt.
     *
     * @param password the password
     * @return the PHC string
     */
    public String hash(CharSequence password) {
        if (password == null || password.length() == 0) {
            throw new IllegalArgumentException("password must not be empty");
        }
        return Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult();
    }

    /**
     * Verifies a password against a stored hash.
     *
     * @param password the presented password
     * @param hash     the stored PHC string
     * @return true when they match
     */
    public boolean verify(CharSequence password, String hash) {
        if (password == null || hash == null || !hash.startsWith("$argon2id$")) {
            return false;
        }
        return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    }
}

package io.hfthot.engine.identity.crypto;

/**
 * Thrown when a sealed value cannot be opened: it was altered, truncated, moved to another owner's row,
 * or sealed under a key this sealer does not hold. The message never contains the value.
 */
public final class SealedValueException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed (never the secret)
     * @param cause   the underlying JCA failure, if any
     */
    public SealedValueException(String message, Throwable cause) {
        super(message, cause);
    }
}

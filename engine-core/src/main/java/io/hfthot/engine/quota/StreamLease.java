package io.hfthot.engine.quota;

/**
 * A held stream slot; closing it frees the slot. Closing twice frees it once.
 */
public interface StreamLease extends AutoCloseable {
    /**
     * Returns the subject the slot is counted against.
     *
     * @return the subject (a key id)
     */
    String subject();

    /** Frees the slot; idempotent and thread-safe. */
    @Override
    void close();
}

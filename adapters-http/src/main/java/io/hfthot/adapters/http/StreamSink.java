package io.hfthot.adapters.http;

import java.nio.ByteBuffer;

/**
 * The body of a pushed response ({@link Response#pushing}): bytes are written without blocking the caller, so
 * a long-lived stream holds no thread between writes.
 *
 * <p>Contract: at most one {@link #write} is outstanding; the next may start once its callback ran. The callback
 * may run on the calling thread before {@code write} returns, or later on a transport thread; it must not block.
 * {@link #end} and {@link #abort} are idempotent, and after either nothing more is written. {@link #end} may only
 * be called when no write is outstanding. The bytes of a buffer are not modified by the sink, so one array may be
 * shared by many streams (wrap it once per write).
 */
public interface StreamSink {
    /** Told when a write is done. */
    @FunctionalInterface
    interface WriteCallback {
        /**
         * Reports the write's outcome.
         *
         * @param failure null when the bytes were handed to the connection, otherwise why not (the client left,
         *                the connection timed out); the stream is then over and needs no {@link #abort}
         */
        void written(Throwable failure);
    }

    /**
     * Writes bytes to the client.
     *
     * @param bytes the bytes, from position to limit
     * @param done  told when the bytes are written or the write failed
     */
    void write(ByteBuffer bytes, WriteCallback done);

    /** Ends the response normally (the chunked body's last chunk), then releases the connection. */
    void end();

    /**
     * Gives up on the response: the connection is closed without a proper end, e.g. for a client that stopped
     * reading. A write outstanding then fails.
     *
     * @param cause why, for the transport's log
     */
    void abort(Throwable cause);
}

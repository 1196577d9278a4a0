package io.hfthot.engine.imports;

import java.io.Closeable;

/**
 * Reads the data rows of one input file in file order.
 *
 * <p>Contract: {@link #next} returns rows until it returns {@code null}; a row with fewer fields than the header is
 * returned with {@code null} for the fields it lacks (validation then names the first one), so that
 * {@code skipInvalid} can count it; a file that cannot be read any further throws an {@link ImportException}. Not thread-safe; the caller closes it.
 */
interface BarSource extends Closeable {
    /**
     * Reads the next row.
     *
     * @return the row, or {@code null} at the end of the file
     * @throws ImportException when the file cannot be read any further
     */
    RawBar next();

    /**
     * Returns how much of the file has been consumed.
     *
     * @return bytes, at most the file size
     */
    long bytesRead();
}

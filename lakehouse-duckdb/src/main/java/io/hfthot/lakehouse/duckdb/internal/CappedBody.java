package io.hfthot.lakehouse.duckdb.internal;

import io.hfthot.lakehouse.duckdb.QueryRejectedException;

import java.io.ByteArrayOutputStream;

/**
 * The in-memory result body, refusing to grow past a cap: the encoders write every row into it before the
 * response is sent, so without a cap a result of many large values (e.g. 10,000 rows of a 1 MB string) would take
 * the JVM's heap. Not thread-safe (one query writes it).
 */
public final class CappedBody extends ByteArrayOutputStream {

    private final long cap;

    /**
     * Creates an empty body.
     *
     * @param cap the most bytes it may hold
     */
    public CappedBody(long cap) {
        super(4096);
        this.cap = cap;
    }

    @Override
    public void write(int b) {
        ensure(1);
        super.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        ensure(len);
        super.write(b, off, len);
    }

    private void ensure(int more) {
        if ((long) count + more > cap) {
            throw new QueryRejectedException("the result is larger than " + (cap >= 1 << 20 ? (cap >> 20) + " MiB" : cap + " bytes")
                    + ", the most one query may return; select fewer rows or columns (LIMIT), or aggregate");
        }
    }
}

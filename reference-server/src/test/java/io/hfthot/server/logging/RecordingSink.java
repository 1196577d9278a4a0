package io.hfthot.server.logging;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/** Records each write call separately; can be held closed to make the writer fall behind. */
final class RecordingSink extends ByteArrayOutputStream {
    final List<Integer> writeSizes = new ArrayList<>();
    final CountDownLatch firstWrite = new CountDownLatch(1);
    volatile CountDownLatch gate = new CountDownLatch(0);
    boolean closed;

    @Override
    public void write(byte[] b, int off, int len) {
        try {
            gate.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            super.write(b, off, len);
            writeSizes.add(len);
        }
        firstWrite.countDown();
    }

    @Override
    public void close() {
        closed = true;
    }

    synchronized String text() {
        return toString(StandardCharsets.UTF_8);
    }
}

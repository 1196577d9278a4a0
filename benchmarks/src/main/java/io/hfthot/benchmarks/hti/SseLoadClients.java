package io.hfthot.benchmarks.hti;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many SSE streams read by a few NIO selector threads: each thread owns its connections, reads what arrived,
 * undoes the chunked coding, splits events on blank lines and, for each {@code idea} event, records the wall clock
 * when the event was parsed minus its {@code LAST_UPDATE}.
 *
 * <p>Why not the JDK {@code HttpClient}: with 1,000 HTTP/1.1 streams it reads every socket on one selector thread
 * and then hops to an executor per line, and on the same 2 cores as the server its own queueing showed up in the
 * measured latency. This reader does per stream only a read, a scan for the event boundary and, for an idea, one
 * {@code Instant.parse}.
 */
final class SseLoadClients {
    private final List<Reader> readers = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final CountDownLatch ready;
    private final AtomicInteger failed = new AtomicInteger();

    SseLoadClients(int clients, int threadCount, InetSocketAddress server, String path) throws IOException {
        ready = new CountDownLatch(clients);
        byte[] request = ("GET " + path + " HTTP/1.1\r\nHost: " + server.getHostString() + ":" + server.getPort()
                + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        for (int t = 0; t < threadCount; t++) {
            readers.add(new Reader(Selector.open()));
        }
        for (int i = 0; i < clients; i++) {
            SocketChannel ch = SocketChannel.open(server);
            ch.write(ByteBuffer.wrap(request));
            ch.configureBlocking(false);
            Reader r = readers.get(i % threadCount);
            ch.register(r.selector, SelectionKey.OP_READ, new Stream());
        }
        for (Reader r : readers) {
            Thread t = new Thread(r, "sse-load-reader");
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    boolean awaitReady(Duration timeout) throws InterruptedException {
        return ready.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Each stream's latencies in arrival order, once stopped. */
    private List<long[]> perStream = List.of();

    int failed() {
        return failed.get();
    }

    /**
     * Stops the readers and returns every latency recorded, in microseconds, sorted, leaving out each stream's
     * first {@code skipFirst} ideas (0 keeps them all).
     */
    long[] stopAndCollect(int skipFirst) throws InterruptedException, IOException {
        stop.set(true);
        for (Reader r : readers) {
            r.selector.wakeup();
        }
        for (Thread t : threads) {
            t.join(10_000);
        }
        perStream = new ArrayList<>();
        for (Reader r : readers) {
            for (SelectionKey k : r.selector.keys()) {
                Stream s = (Stream) k.attachment();
                perStream.add(Arrays.copyOf(s.latencyUs, s.count));
                k.channel().close();
            }
            r.selector.close();
        }
        return collected(skipFirst);
    }

    /**
     * Returns the latencies the last {@link #stopAndCollect} gathered, sorted, leaving out each stream's first
     * {@code skipFirst} ideas.
     */
    long[] collected(int skipFirst) {
        int total = 0;
        for (long[] l : perStream) {
            total += Math.max(0, l.length - skipFirst);
        }
        long[] merged = new long[total];
        int at = 0;
        for (long[] l : perStream) {
            int n = Math.max(0, l.length - skipFirst);
            System.arraycopy(l, l.length - n, merged, at, n);
            at += n;
        }
        Arrays.sort(merged);
        return merged;
    }

    /** One selector thread. */
    private final class Reader implements Runnable {
        final Selector selector;
        private final ByteBuffer buf = ByteBuffer.allocateDirect(64 * 1024);

        Reader(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void run() {
            try {
                while (!stop.get()) {
                    selector.select(200);
                    for (SelectionKey k : selector.selectedKeys()) {
                        read(k);
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void read(SelectionKey k) {
            Stream s = (Stream) k.attachment();
            try {
                while (true) {
                    buf.clear();
                    int n = ((SocketChannel) k.channel()).read(buf);
                    if (n < 0) {
                        throw new IOException("closed by the server");
                    }
                    buf.flip();
                    s.accept(buf);
                    // A read that did not fill the buffer took everything the socket had: asking again would only
                    // cost a read returning 0 (the selector reports the socket again when more arrives).
                    if (n < buf.capacity()) {
                        return;
                    }
                }
            } catch (IOException | RuntimeException e) {
                if (!s.failed) {
                    s.failed = true;
                    failed.incrementAndGet();
                }
                k.cancel();
            }
        }
    }

    /** One stream's parser: headers, then chunk sizes and chunk data, whose bytes form SSE events. */
    private final class Stream {
        private boolean headersDone;
        private int headerMatch;
        private long chunkLeft = -1;
        private final StringBuilder sizeLine = new StringBuilder();
        private byte[] event = new byte[4096];
        private int eventLen;
        long[] latencyUs = new long[1024];
        int count;
        boolean failed;

        void accept(ByteBuffer in) throws IOException {
            while (in.hasRemaining()) {
                if (!headersDone) {
                    byte b = in.get();
                    headerMatch = (b == "\r\n\r\n".charAt(headerMatch)) ? headerMatch + 1 : (b == '\r' ? 1 : 0);
                    headersDone = headerMatch == 4;
                } else if (chunkLeft <= 0) {
                    char c = (char) in.get();
                    if (c == '\n') {
                        String line = sizeLine.toString().trim();
                        sizeLine.setLength(0);
                        if (!line.isEmpty()) {
                            chunkLeft = Long.parseLong(line, 16);
                            if (chunkLeft == 0) {
                                throw new IOException("stream ended by the server");
                            }
                        }
                    } else {
                        sizeLine.append(c);
                    }
                } else {
                    int n = (int) Math.min(chunkLeft, in.remaining());
                    append(in, n);
                    chunkLeft -= n;
                    if (chunkLeft == 0) {
                        chunkLeft = -1;
                    }
                }
            }
        }

        /** Copies {@code n} bytes of chunk data in bulk, then ends an event at every blank line among them. */
        private void append(ByteBuffer in, int n) {
            if (eventLen + n > event.length) {
                event = Arrays.copyOf(event, Math.max(event.length * 2, eventLen + n));
            }
            int from = eventLen;
            in.get(event, eventLen, n);
            eventLen += n;
            int start = 0;
            for (int i = Math.max(from, 1); i < eventLen; i++) {
                if (event[i] == '\n' && event[i - 1] == '\n' && i > start) {
                    onEvent(new String(event, start, i + 1 - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            if (start > 0) {
                System.arraycopy(event, start, event, 0, eventLen - start);
                eventLen -= start;
            }
        }

        private void onEvent(String e) {
            if (e.startsWith("event: ready")) {
                ready.countDown();
            } else if (e.startsWith("event: idea")) {
                Instant now = Instant.now();
                int i = e.indexOf("\"LAST_UPDATE\":\"") + 15;
                Instant sent = Instant.parse(e.substring(i, e.indexOf('"', i)));
                if (count == latencyUs.length) {
                    latencyUs = Arrays.copyOf(latencyUs, count * 2);
                }
                latencyUs[count++] = Duration.between(sent, now).toNanos() / 1000;
            }
        }
    }
}

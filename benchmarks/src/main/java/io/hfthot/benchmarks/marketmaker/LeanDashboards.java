package io.hfthot.benchmarks.marketmaker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.SplittableRandom;

/**
 * N WebSocket dashboards (RFC 6455 clients) read by one selector thread: the load generator of
 * {@link MarketMakerStreamLoad} when the dashboards must cost the shared machine little CPU. The JDK's
 * {@code HttpClient} WebSocket spends about 40 to 70 us of CPU per message received (its selector thread, a worker
 * hand-off and a UTF-8 decoder per connection), on the same two cores as the server; these clients read the frame
 * off the socket, decode the text and stamp it: about 7 us per message. Each connection does a real handshake
 * (the server's {@code Sec-WebSocket-Accept} is checked), reads unmasked server frames of any length, answers pings
 * with masked pongs and ignores nothing silently: a close frame or an unexpected opcode ends the connection and is
 * counted.
 */
final class LeanDashboards implements AutoCloseable {
    /**
     * Receives each complete text message: which dashboard, its UTF-8 bytes (valid during the call only), when its
     * last byte was read. Bytes rather than a String: the dashboards share the server's heap, and decoding every
     * delivery would add the client's garbage to the server's young collections.
     */
    @FunctionalInterface
    interface Receiver {
        void onText(int dashboard, byte[] utf8, int offset, int length, long receivedNanos);
    }

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private final Selector selector;
    private final List<SocketChannel> channels = new ArrayList<>();
    private final Thread reader;
    private final Receiver receiver;
    private final SplittableRandom masks = new SplittableRandom(16);
    private volatile int ended;

    /**
     * Connects the dashboards and starts reading.
     *
     * @param port     the server's port on 127.0.0.1
     * @param path     the WebSocket path
     * @param count    how many dashboards
     * @param receiver receives the messages, on the reader thread
     * @throws IOException when a connection or handshake fails
     */
    LeanDashboards(int port, String path, int count, Receiver receiver) throws IOException {
        this.receiver = receiver;
        this.selector = Selector.open();
        for (int d = 0; d < count; d++) {
            SocketChannel ch = SocketChannel.open(new InetSocketAddress("127.0.0.1", port));
            ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
            ByteBuffer pending = handshake(ch, port, path);
            ch.configureBlocking(false);
            ch.register(selector, SelectionKey.OP_READ, new Connection(d, pending));
            channels.add(ch);
        }
        reader = new Thread(this::readLoop, "lean-dashboards");
        reader.setDaemon(true);
        reader.start();
    }

    /** @return connections ended by a close frame, an unexpected frame or an error */
    int ended() {
        return ended;
    }

    /** Sends the upgrade request, checks the 101 answer; returns the bytes read past the header (early frames). */
    private ByteBuffer handshake(SocketChannel ch, int port, String path) throws IOException {
        byte[] nonce = new byte[16];
        masks.nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        ch.write(ByteBuffer.wrap(request.getBytes(StandardCharsets.US_ASCII)));
        ByteBuffer in = ByteBuffer.allocate(1 << 16);
        while (true) {
            if (ch.read(in) < 0) {
                throw new IOException("the server closed the connection during the handshake");
            }
            String head = new String(in.array(), 0, in.position(), StandardCharsets.ISO_8859_1);
            int end = head.indexOf("\r\n\r\n");
            if (end < 0) {
                continue;
            }
            if (!head.startsWith("HTTP/1.1 101") || !head.contains(accept(key))) {
                throw new IOException("the upgrade was refused or its Sec-WebSocket-Accept is wrong: " + head);
            }
            in.flip().position(end + 4);
            return in.compact();
        }
    }

    private static String accept(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is a required JDK algorithm", e);
        }
    }

    /** One connection's read buffer (in write mode between reads). */
    private static final class Connection {
        final int dashboard;
        ByteBuffer in;

        Connection(int dashboard, ByteBuffer in) {
            this.dashboard = dashboard;
            this.in = in;
        }
    }

    private void readLoop() {
        try {
            while (selector.isOpen()) {
                selector.select();
                if (!selector.isOpen()) {
                    return;
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    read(key);
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | RuntimeException e) {
            if (selector.isOpen()) {
                System.err.println("dashboard reader failed: " + e);
            }
        }
    }

    private void read(SelectionKey key) throws IOException {
        Connection c = (Connection) key.attachment();
        SocketChannel ch = (SocketChannel) key.channel();
        int n;
        try {
            n = ch.read(c.in);
        } catch (IOException e) {
            n = -1;
        }
        long now = System.nanoTime();
        if (n < 0) {
            end(key);
            return;
        }
        ByteBuffer b = c.in.flip();
        while (b.remaining() >= 2) {
            int at = b.position();
            int opcode = b.get(at) & 0x0f;
            boolean fin = (b.get(at) & 0x80) != 0;
            long length = b.get(at + 1) & 0x7f;
            int header = 2;
            if (length == 126) {
                if (b.remaining() < 4) {
                    break;
                }
                length = b.getShort(at + 2) & 0xffff;
                header = 4;
            } else if (length == 127) {
                if (b.remaining() < 10) {
                    break;
                }
                length = b.getLong(at + 2);
                header = 10;
            }
            if (length > b.capacity() - header) {
                c.in = grow(b, header + (int) length);
                return; // the rest of the frame arrives with the next read
            }
            if (b.remaining() < header + length) {
                break;
            }
            int start = at + header;
            if (opcode == 0x1 && fin) {
                receiver.onText(c.dashboard, b.array(), start, (int) length, now);
            } else if (opcode == 0x9) {
                pong(ch, b, start, (int) length);
            } else if (opcode != 0xA) {
                end(key); // close (0x8), fragments or binary: not what this stream sends
                return;
            }
            b.position(start + (int) length);
        }
        b.compact();
    }

    private static ByteBuffer grow(ByteBuffer b, int size) {
        ByteBuffer bigger = ByteBuffer.allocate(Math.max(size, 2 * b.capacity()));
        bigger.put(b);
        return bigger;
    }

    /** Answers a ping with a pong carrying its payload, masked as RFC 6455 requires of clients. */
    private void pong(SocketChannel ch, ByteBuffer in, int start, int length) throws IOException {
        byte[] mask = new byte[4];
        masks.nextBytes(mask);
        ByteBuffer out = ByteBuffer.allocate(6 + length);
        out.put((byte) 0x8A).put((byte) (0x80 | length)).put(mask);
        for (int i = 0; i < length; i++) {
            out.put((byte) (in.get(start + i) ^ mask[i & 3]));
        }
        out.flip();
        while (out.hasRemaining()) {
            ch.write(out);
        }
    }

    private void end(SelectionKey key) throws IOException {
        ended++;
        key.cancel();
        key.channel().close();
    }

    /** Closes every connection (abruptly: the server sees the end of the stream) and stops the reader. */
    @Override
    public void close() throws IOException {
        selector.close();
        for (SocketChannel ch : channels) {
            ch.close();
        }
        try {
            reader.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

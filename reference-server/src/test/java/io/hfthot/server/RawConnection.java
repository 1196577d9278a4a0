package io.hfthot.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * One HTTP/1.1 connection written byte by byte, for the attacks an {@code HttpClient} cannot make (slow headers,
 * slow or short bodies, many held connections). Loopback only.
 */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private boolean broken;

    /**
     * Connects.
     *
     * @param port        the server's port on 127.0.0.1
     * @param readTimeout how long {@link #status()} waits for an answer
     */
    RawConnection(int port, Duration readTimeout) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout((int) readTimeout.toMillis());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = socket.getInputStream();
    }

    /**
     * Sends text; a connection the server has closed is remembered as broken rather than thrown.
     *
     * @param ascii the bytes, as ASCII text
     */
    void send(String ascii) {
        try {
            out.write(ascii.getBytes(StandardCharsets.US_ASCII));
            out.flush();
        } catch (IOException e) {
            broken = true;
        }
    }

    /** Half-closes: the server sees the end of the request's bytes. */
    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /**
     * Tells whether the server has answered (or closed) without blocking.
     *
     * @return true when bytes or the end of the stream are waiting, or a send failed
     */
    boolean answered() {
        try {
            return broken || in.available() > 0 || socket.isInputShutdown();
        } catch (IOException e) {
            return true;
        }
    }

    /**
     * Reads the status line of the next answer (the rest of the answer is left unread).
     *
     * @return the status code, or -1 when the connection ended (closed, reset or timed out) without one
     */
    int status() {
        try {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.write(c);
            }
            String first = line.toString(StandardCharsets.US_ASCII).trim();
            if (!first.startsWith("HTTP/1.")) {
                return -1;
            }
            return Integer.parseInt(first.split(" ")[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing a connection the server already reset: nothing left to release
        }
    }
}

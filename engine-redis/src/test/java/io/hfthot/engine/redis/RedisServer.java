package io.hfthot.engine.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code redis-server} for tests: started on a free loopback port without persistence, stopped and started
 * again on the same port on demand (to test outages), killed on {@link #close()}.
 */
public final class RedisServer implements AutoCloseable {
    private static RedisServer shared;

    private final int port;
    private Process process;

    private RedisServer(int port) {
        this.port = port;
    }

    /**
     * Starts a server on a free port.
     *
     * @return the running server
     * @throws IOException when redis-server cannot be started
     */
    public static RedisServer start() throws IOException {
        RedisServer server = new RedisServer(freePort());
        server.startProcess();
        return server;
    }

    /**
     * Returns one server shared by the test classes of this JVM (stopped when the JVM exits); tests isolate
     * themselves with their own key namespace.
     *
     * @return the shared server
     * @throws IOException when redis-server cannot be started
     */
    public static synchronized RedisServer shared() throws IOException {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /**
     * Returns the server's address.
     *
     * @return {@code redis://127.0.0.1:<port>}
     */
    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    /**
     * Returns options with this address, a fresh random namespace and a 2 s command timeout (the test machine is shared and
     * slow at times).
     *
     * @return the options
     */
    public RedisOptions freshOptions() {
        return new RedisOptions(uri(), "t" + Long.toHexString(System.nanoTime()) + Integer.toHexString(
                System.identityHashCode(new Object())), Duration.ofSeconds(2));
    }

    /** Kills the server (an outage); {@link #restart()} brings it back empty on the same port. */
    public synchronized void stop() {
        if (process != null) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            process = null;
        }
    }

    /**
     * Freezes the server (SIGSTOP): connections stay open but nothing is answered, as when Redis hangs or the
     * network to it drops packets. Its data is kept for {@link #resume()}.
     *
     * @throws IOException when the signal cannot be sent
     */
    public synchronized void pause() throws IOException {
        signal("-STOP");
    }

    /**
     * Thaws a {@link #pause() paused} server (SIGCONT).
     *
     * @throws IOException when the signal cannot be sent
     */
    public synchronized void resume() throws IOException {
        signal("-CONT");
    }

    private void signal(String which) throws IOException {
        try {
            int exit = new ProcessBuilder("kill", which, Long.toString(process.pid())).start().waitFor();
            if (exit != 0) {
                throw new IOException("kill " + which + " " + process.pid() + " exited with " + exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while signalling redis-server", e);
        }
    }

    /**
     * Starts the server again on the same port.
     *
     * @throws IOException when it cannot start
     */
    public synchronized void restart() throws IOException {
        stop();
        startProcess();
    }

    private synchronized void startProcess() throws IOException {
        process = new ProcessBuilder(List.of(executable(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no"))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (ping()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IOException("redis-server exited with " + process.exitValue() + " on port " + port);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while starting redis-server", e);
            }
        }
        stop();
        throw new IOException("redis-server did not answer PING on port " + port + " within 10 s");
    }

    private boolean ping() {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(1000);
            OutputStream out = s.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            byte[] buf = new byte[7];
            int n = in.readNBytes(buf, 0, 7);
            return new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    private static String executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            Path p = Path.of(dir, "redis-server");
            if (Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return "/usr/bin/redis-server";
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            try {
                resume();
            } catch (IOException e) {
                // Killed below anyway; a stopped process still dies on SIGKILL.
            }
        }
        stop();
    }
}

package io.hfthot.benchmarks.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The slow-client attack of issue 13 against a running server on 127.0.0.1, with a normal client measured
 * throughout: {@code slow} connections each send a request's headers with {@code Content-Length: 1000}
 * and then one body byte every {@code byteEveryMillis}; a connection the server answers or closes is
 * replaced at once, so the attack holds {@code slow} connections for the whole run. Meanwhile the normal
 * client sends {@code GET path} every 100 ms (keep-alive) and records each latency.
 *
 * <p>Prints the normal client's count, errors, p50/p99/max latency and the share answered within 1 s, and
 * what became of the slow connections (the statuses they were answered with, how long they were held,
 * how many were closed without an answer). Bounded: it stops after {@code seconds}. Peer figure: issue
 * 13's reproduction, where every route, {@code /v1/health} included, timed out under this attack.
 *
 * <p>Usage: {@code SlowClientLoad port [slow=250] [seconds=30] [byteEveryMillis=5000] [path=/v1/health]}.
 */
public final class SlowClientLoad {
    private static final String HEAD = "POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            + "Content-Length: 1000\r\n\r\n";

    private final int port;
    private final String path;
    private final long byteEveryMillis;
    private final long endNanos;
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final List<Long> heldMillis = java.util.Collections.synchronizedList(new ArrayList<>());

    private SlowClientLoad(int port, String path, long byteEveryMillis, long endNanos) {
        this.port = port;
        this.path = path;
        this.byteEveryMillis = byteEveryMillis;
        this.endNanos = endNanos;
    }

    /**
     * Runs the attack and the measurement.
     *
     * @param args port, then optionally slow connections, seconds, milliseconds between body bytes, path
     * @throws Exception when the server cannot be reached at all
     */
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int slow = args.length > 1 ? Integer.parseInt(args[1]) : 250;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long every = args.length > 3 ? Long.parseLong(args[3]) : 5000;
        String path = args.length > 4 ? args[4] : "/v1/health";
        if (slow < 1 || slow > 2000 || seconds < 1 || seconds > 600) {
            throw new IllegalArgumentException("slow must be in [1, 2000] and seconds in [1, 600]");
        }
        SlowClientLoad load = new SlowClientLoad(port, path, every, System.nanoTime() + seconds * 1_000_000_000L);
        List<Thread> attackers = new ArrayList<>();
        for (int i = 0; i < slow; i++) {
            Thread t = new Thread(load::attack, "slow-" + i);
            t.setDaemon(true);
            t.start();
            attackers.add(t);
        }
        Thread.sleep(1000); // let the attack take hold before measuring
        long[] latencies = load.measure();
        for (Thread t : attackers) {
            t.join(every + 2000);
        }
        load.report(slow, seconds, latencies);
    }

    /** One attacking slot: a slow connection, replaced whenever the server answers or closes it. */
    private void attack() {
        while (System.nanoTime() < endNanos) {
            long opened = System.nanoTime();
            String outcome;
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                s.setTcpNoDelay(true);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                out.write(String.format(HEAD, path).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                outcome = trickle(s, out, in);
            } catch (IOException e) {
                outcome = "connect failed: " + e.getClass().getSimpleName();
            }
            if (outcome == null) {
                return; // the run ended with this connection still held
            }
            outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
            heldMillis.add((System.nanoTime() - opened) / 1_000_000);
        }
    }

    /** Sends a body byte every interval until the server answers or closes; null when the run ends first. */
    private String trickle(Socket s, OutputStream out, InputStream in) throws IOException {
        s.setSoTimeout((int) byteEveryMillis);
        while (System.nanoTime() < endNanos) {
            try {
                byte[] head = new byte[12];
                int n = in.readNBytes(head, 0, head.length);
                if (n < 12) {
                    return "closed without an answer";
                }
                return "answered " + new String(head, 9, 3, StandardCharsets.US_ASCII);
            } catch (SocketTimeoutException quiet) {
                try {
                    out.write('x');
                    out.flush();
                } catch (IOException closed) {
                    return "closed without an answer";
                }
            } catch (IOException reset) {
                return "closed without an answer";
            }
        }
        return null;
    }

    /** The normal client: one request every 100 ms until the end; returns latencies in microseconds, -1 for an error. */
    private long[] measure() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).build();
        List<Long> out = new ArrayList<>();
        while (System.nanoTime() < endNanos) {
            long t0 = System.nanoTime();
            try {
                HttpResponse<Void> r = client.send(request, HttpResponse.BodyHandlers.discarding());
                out.add(r.statusCode() == 200 ? (System.nanoTime() - t0) / 1000 : -1);
            } catch (IOException e) {
                out.add(-1L);
            }
            Thread.sleep(100);
        }
        return out.stream().mapToLong(Long::longValue).toArray();
    }

    private void report(int slow, int seconds, long[] latencies) {
        long errors = Arrays.stream(latencies).filter(l -> l < 0).count();
        long[] ok = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        long withinOneSecond = Arrays.stream(ok).filter(l -> l <= 1_000_000).count();
        System.out.printf("attack: %d slow-body connections (Content-Length 1000, one byte every %d ms), %d s%n",
                slow, byteEveryMillis, seconds);
        System.out.printf("normal client GET %s every 100 ms: %d requests, %d errors, %d within 1 s%n", path,
                latencies.length, errors, withinOneSecond);
        if (ok.length > 0) {
            System.out.printf("normal client latency: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n", pct(ok, 0.50) / 1000.0,
                    pct(ok, 0.99) / 1000.0, ok[ok.length - 1] / 1000.0);
        }
        Map<String, Long> sorted = new TreeMap<>();
        outcomes.forEach((k, v) -> sorted.put(k, v.get()));
        System.out.println("slow connections ended by the server: " + sorted);
        long[] held;
        synchronized (heldMillis) {
            held = heldMillis.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        if (held.length > 0) {
            System.out.printf("slow connection held: p50 %d ms, max %d ms%n", pct(held, 0.50), held[held.length - 1]);
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
}

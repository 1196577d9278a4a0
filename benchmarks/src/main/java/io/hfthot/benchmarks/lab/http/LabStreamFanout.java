package io.hfthot.benchmarks.lab.http;

import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.http.lab.LabHttpOptions;
import io.hfthot.adapters.http.lab.LabHttpSurface;
import io.hfthot.engine.identity.Tier;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.lab.api.TickMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tick fan-out over {@code /v1/stream}: N JDK WebSocket clients subscribe to {@code price_feed} of one symbol
 * on a lab server on 127.0.0.1; ticks are published on the engine's bus at a fixed rate; every client
 * checks order and gaps. Two latencies per delivered message:
 * <ul>
 *   <li><b>ingest-to-send</b>: the message's own {@code latency_us} (the ticks are published with 0, so it
 *       is the server's time from the bus publish to encoding the message onto the connection);</li>
 *   <li><b>ingest-to-receive</b>: from the publish call to the client's {@code onText} (same JVM, same
 *       {@code System.nanoTime}), an upper bound that adds the socket and the client.</li>
 * </ul>
 * Issue 8's goal: p99 ingest-to-send &lt;= 5 ms with 100 subscribers.
 *
 * <p>Usage: {@code java -cp benchmarks.jar io.hfthot.benchmarks.lab.http.LabStreamFanout [subscribers=100]
 * [ticksPerSecond=1000] [seconds=10] [busThreads=4]}; the first two seconds of ticks warm up and are not
 * measured.
 */
public final class LabStreamFanout {
    private LabStreamFanout() {
    }

    /** One subscriber: records latencies and checks that ticks arrive in order without gaps. */
    private static final class Subscriber implements WebSocket.Listener {
        private final long[] publishedAt;
        private final long[] sendLatencyUs;
        private final long[] receiveLatencyNs;
        private final StringBuilder partial = new StringBuilder();
        private final CompletableFuture<Void> subscribed = new CompletableFuture<>();
        private final CountDownLatch done;
        private int received;
        private long lastSeq;
        private long gaps;

        private final int warmUp;

        Subscriber(long[] publishedAt, int warmUp, int expected, CountDownLatch done) {
            this.publishedAt = publishedAt;
            this.warmUp = warmUp;
            this.sendLatencyUs = new long[expected];
            this.receiveLatencyNs = new long[expected];
            this.done = done;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            long now = System.nanoTime();
            partial.append(data);
            if (last) {
                String m = partial.toString();
                if (m.startsWith("{\"type\":\"subscribed\"")) {
                    subscribed.complete(null);
                } else if (m.startsWith("{\"type\":\"tick\"")) {
                    // The benchmark encodes the sequence number in ts_ms (it is the publisher's index). The
                    // fields are read by position, not with a JSON parser, so the client costs little CPU.
                    long seq = field(m, "\"ts_ms\":");
                    if (seq != lastSeq + 1) {
                        gaps++;
                    }
                    lastSeq = seq;
                    if (seq > warmUp && received < sendLatencyUs.length) {
                        sendLatencyUs[received] = field(m, "\"latency_us\":");
                        receiveLatencyNs[received] = now - publishedAt[(int) seq];
                        received++;
                        if (received == sendLatencyUs.length) {
                            done.countDown();
                        }
                    }
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }

    private static long field(String json, String name) {
        int i = json.indexOf(name) + name.length();
        long v = 0;
        while (i < json.length() && Character.isDigit(json.charAt(i))) {
            v = v * 10 + (json.charAt(i++) - '0');
        }
        return v;
    }

    /**
     * Runs the fan-out and prints percentiles.
     *
     * @param args subscribers, ticks per second, seconds
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        int subscribers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int busThreads = args.length > 3 ? Integer.parseInt(args[3]) : 4;
        int total = rate * seconds;
        int warmUp = rate * 2;
        LabConfig tests = LabConfig.forTests(Files.createTempDirectory("hfthot-fanout"), 7L);
        LabConfig config = new LabConfig(tests.dataDir(), tests.seed(), tests.history(), tests.ticksPerSecond(),
                false, tests.tickPollInterval(), tests.appendInterval(), tests.regimeRefitInterval(),
                tests.regimeFitBars(), false, busThreads);
        LabService engine = LabService.startInMemoryIdentity(config, Clock.systemUTC(), null);
        TransportServer server = TransportServer.start(TransportConfig.of("127.0.0.1", 0),
                LabHttpSurface.surface(engine, Clock.systemUTC(), LabHttpOptions.defaults()));
        String key = engine.access().keys().issue("fanout", Tier.ENTERPRISE).rawKey();
        String uri = server.baseUri().replace("http://", "ws://") + "/v1/stream?api_key=" + key;
        long[] publishedAt = new long[warmUp + total + 1];
        CountDownLatch done = new CountDownLatch(subscribers);
        HttpClient client = HttpClient.newHttpClient();
        List<Subscriber> subs = new ArrayList<>();
        List<WebSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < subscribers; i++) {
                Subscriber s = new Subscriber(publishedAt, warmUp, total, done);
                WebSocket ws = client.newWebSocketBuilder().buildAsync(URI.create(uri), s).get(30, TimeUnit.SECONDS);
                ws.sendText("{\"type\":\"subscribe\",\"stream\":\"price_feed\",\"symbol\":\"BTC-USDT\"}", true);
                subs.add(s);
                sockets.add(ws);
            }
            for (Subscriber s : subs) {
                s.subscribed.get(30, TimeUnit.SECONDS);
            }
            String topic = LabTopics.ticks("BTC-USDT");
            long intervalNs = 1_000_000_000L / rate;
            long start = System.nanoTime();
            for (int seq = 1; seq <= warmUp + total; seq++) {
                long due = start + (seq - 1) * intervalNs;
                while (System.nanoTime() < due) {
                    LockSupport.parkNanos(Math.max(1_000, due - System.nanoTime() - 50_000));
                }
                publishedAt[seq] = System.nanoTime();
                engine.bus().publish(topic, new TickMessage(TickMessage.TYPE, "BTC-USDT", 42_000 + seq * 0.01, 0.01,
                        "buy", seq, 0, seq));
            }
            boolean all = done.await(60, TimeUnit.SECONDS);
            long gaps = 0;
            long delivered = 0;
            long[] send = new long[subscribers * total];
            long[] recv = new long[subscribers * total];
            int n = 0;
            for (Subscriber s : subs) {
                gaps += s.gaps;
                delivered += s.received;
                int k = Math.min(s.received, total);
                System.arraycopy(s.sendLatencyUs, 0, send, n, k);
                System.arraycopy(s.receiveLatencyNs, 0, recv, n, k);
                n += k;
            }
            send = Arrays.copyOf(send, n);
            recv = Arrays.copyOf(recv, n);
            Arrays.sort(send);
            Arrays.sort(recv);
            System.out.printf("subscribers %d, %d ticks/s for %d s after a 2 s warm-up, %d bus threads: measured %d of %d,"
                    + " gaps %d, all done %s%n", subscribers, rate, seconds, busThreads, delivered,
                    (long) subscribers * total, gaps, all);
            System.out.printf("ingest-to-send    (server latency_us)  p50 %7.3f ms  p99 %7.3f ms  p99.9 %7.3f ms  max %7.3f ms%n",
                    pct(send, 0.50) / 1e3, pct(send, 0.99) / 1e3, pct(send, 0.999) / 1e3, send[n - 1] / 1e3);
            System.out.printf("ingest-to-receive (client nanoTime)    p50 %7.3f ms  p99 %7.3f ms  p99.9 %7.3f ms  max %7.3f ms%n",
                    pct(recv, 0.50) / 1e6, pct(recv, 0.99) / 1e6, pct(recv, 0.999) / 1e6, recv[n - 1] / 1e6);
        } finally {
            for (WebSocket ws : sockets) {
                ws.abort();
            }
            server.close();
            engine.close();
        }
    }

    private static double pct(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}

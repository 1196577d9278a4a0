package io.hfthot.benchmarks.hti;

import io.hfthot.adapters.http.jetty.RequestLimits;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.adapters.sse.hti.HtiHttpSurface;
import io.hfthot.engine.hti.HtiConfig;
import io.hfthot.engine.hti.HtiService;
import io.hfthot.engine.hti.ideas.IdeaStatus;
import io.hfthot.engine.hti.ideas.TradeIdea;
import io.hfthot.engine.hti.profile.IdeaFilters;
import io.hfthot.engine.lab.LabConfig;
import io.hfthot.engine.lab.LabService;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * HTI stream fan-out under load (issue 15's goal: 1,000 concurrent SSE clients on one server, p99 idea-to-client
 * latency &lt;= 25 ms, server RSS growth under 150 MB for the 1,000 connections). Two processes on 127.0.0.1, so that
 * the server's RSS is its own:
 * <ul>
 *   <li>{@code server <clients> <seconds> <ideasPerSecond> [virtualThreads=false]}: an engine on the small simulated history, the HTI
 *       service and surface (threads and per-address connection cap sized for the clients). One generator pass
 *       draws real ideas; during the run they are re-published as updates at a fixed rate, each stamped with
 *       {@code LAST_UPDATE} = the wall clock at publication (microseconds), on the same bus topic the generator
 *       publishes on. It prints {@code READY <port> <code>}, waits for the clients' streams, publishes, and
 *       prints its VmRSS before the clients connected, with all streams open, and at the end of publishing.
 *       The re-published revisions are not written to {@code hti.ideas}: what is measured is the fan-out
 *       (bus, per-stream filtering, framing, socket).</li>
 *   <li>{@code clients <clients> <port> <code> <seconds> [warmupIdeas]}: opens the streams (one connection each,
 *       read by two NIO selector threads, {@link SseLoadClients}), and for every {@code idea} event computes the
 *       wall clock when the event was parsed minus its {@code LAST_UPDATE}; prints percentiles of every delivery,
 *       then of the deliveries after each stream's first {@code warmupIdeas} ideas (the steady state, once the JIT
 *       has compiled the write and read paths; both lines are reported).</li>
 * </ul>
 * {@code benchmarks/load/hti-stream.sh} runs both.
 */
public final class HtiStreamLoad {
    private HtiStreamLoad() {
    }

    /**
     * Runs one side.
     *
     * @param args {@code server ...} or {@code clients ...}, see the class comment
     * @throws Exception on failure
     */
    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("server")) {
            server(Integer.parseInt(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    args.length > 4 && Boolean.parseBoolean(args[4]));
        } else if (args.length > 0 && args[0].equals("clients")) {
            clients(Integer.parseInt(args[1]), Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]),
                    args.length > 5 ? Integer.parseInt(args[5]) : 0);
        } else {
            System.err.println("usage: HtiStreamLoad server <clients> <seconds> <ideasPerSecond> [virtualThreads]"
                    + " | clients <clients> <port> <code> <seconds> [warmupIdeas]");
            System.exit(2);
        }
    }

    /** CPU time of this whole process so far (every thread), in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static void server(int clients, int seconds, int rate, boolean virtualThreads) throws Exception {
        LabConfig config = LabConfig.forTests(Files.createTempDirectory("hfthot-hti-load"), 7L);
        try (LabService lab = LabService.startInMemoryIdentity(config, Clock.systemUTC(), null)) {
            HtiService hti = HtiService.start(lab.engine(), HtiConfig.defaults().withBackground(false)
                    .withDemoCodes(false));
            List<TradeIdea> pool = new ArrayList<>(hti.runOnce());
            pool.addAll(hti.activeIdeas());
            if (pool.isEmpty()) {
                throw new IllegalStateException("the generator drew no idea to re-publish");
            }
            RequestLimits d = RequestLimits.defaults();
            RequestLimits limits = new RequestLimits(d.headerTimeout(), d.requestTimeout(), d.minBodyBytesPerSecond(),
                    d.minRateGrace(), clients + 100, d.maxBufferedBodyBytes());
            TransportConfig tc = new TransportConfig("127.0.0.1", 0, Optional.empty(), clients + 100, virtualThreads,
                    Duration.ofSeconds(120), Duration.ofSeconds(2), limits);
            try (TransportServer server = TransportServer.start(tc, HtiHttpSurface.surface(hti))) {
                String code = hti.issueCode("load", null, 100_000, IdeaFilters.all()).code();
                System.gc();
                Thread.sleep(1000);
                long before = rssKb();
                System.out.println("READY " + server.port() + " " + code);
                System.out.flush();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
                while (lab.engine().eventBus().subscriberCount(HtiService.TOPIC) < clients) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("only " + lab.engine().eventBus().subscriberCount(HtiService.TOPIC)
                                + " of " + clients + " streams opened");
                    }
                    Thread.sleep(50);
                }
                Thread.sleep(2000);
                long connected = rssKb();
                long cpuStart = processCpuNanos();
                long intervalNs = 1_000_000_000L / rate;
                long start = System.nanoTime();
                long peak = connected;
                int n = rate * seconds;
                for (int k = 0; k < n; k++) {
                    long due = start + k * intervalNs;
                    while (System.nanoTime() < due) {
                        LockSupport.parkNanos(Math.max(1_000, due - System.nanoTime() - 50_000));
                    }
                    TradeIdea base = pool.get(k % pool.size());
                    lab.engine().eventBus().publish(HtiService.TOPIC, base.revise(Instant.now(), IdeaStatus.ACTIVE,
                            base.confidence(), base.estimatedPl(), base.description()));
                    if (k % rate == 0) {
                        peak = Math.max(peak, rssKb());
                    }
                }
                long end = rssKb();
                double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
                System.out.printf("server: CPU while publishing %.2f s for %d ideas to %d streams: %.1f us per idea"
                        + " per stream%n", cpuSeconds, n, clients, cpuSeconds * 1e6 / ((double) n * clients));
                System.out.printf("server: JDK %s, virtual threads %s; %d ideas published at %d/s to %d streams; VmRSS before clients %.1f MB,"
                        + " with all streams open %.1f MB, peak while publishing %.1f MB, at end %.1f MB;"
                        + " growth for the connections %.1f MB (peak - before)%n", Runtime.version().feature(),
                        virtualThreads, n, rate, clients, before / 1024.0,
                        connected / 1024.0, peak / 1024.0, end / 1024.0, (peak - before) / 1024.0);
                long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (lab.engine().eventBus().subscriberCount(HtiService.TOPIC) > 0 && System.nanoTime() < wait) {
                    Thread.sleep(100);
                }
            }
        }
    }

    private static void clients(int clients, int port, String code, int seconds, int warmupIdeas) throws Exception {
        SseLoadClients streams = new SseLoadClients(clients, 2, new InetSocketAddress("127.0.0.1", port),
                "/client-api/hti/stream?api_code=" + code + "&poll_seconds=10");
        if (!streams.awaitReady(Duration.ofSeconds(120))) {
            throw new IllegalStateException("not every stream got its ready event within 120 s ("
                    + streams.failed() + " failed)");
        }
        System.out.println("clients: " + clients + " streams ready");
        long cpuStart = processCpuNanos();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds + 8));
        double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9;
        int failedStreams = streams.failed();
        long[] merged = streams.stopAndCollect(0);
        System.out.printf("clients: CPU while reading %.2f s: %.1f us per idea event%n", cpuSeconds,
                merged.length == 0 ? Double.NaN : cpuSeconds * 1e6 / merged.length);
        printLatencies(String.format("clients: %d streams, %d idea events received (%d failed streams); idea-to-client"
                + " latency", clients, merged.length, failedStreams), merged);
        printLatencies(String.format("clients: after each stream's first %d ideas (warm-up: the JIT compiling the"
                + " write and read paths), %d idea events; latency", warmupIdeas, streams.collected(warmupIdeas).length),
                streams.collected(warmupIdeas));
    }

    private static void printLatencies(String what, long[] sorted) {
        System.out.printf("%s p50 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n", what, pct(sorted, 0.5) / 1e3,
                pct(sorted, 0.99) / 1e3, pct(sorted, 0.999) / 1e3,
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e3);
    }

    private static double pct(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}

package io.hfthot.benchmarks.grpc;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.hfthot.engine.lab.LabTopics;
import io.hfthot.engine.lab.api.TickMessage;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * StreamTicks throughput to one client, bare grpc-java and our server in the same run.
 *
 * <p>Peer figure: {@code bare}, a server that writes ticks from its on-ready callback while the transport
 * is ready (the baseline: ~550k msg/s with batched client requests, ~780k with a direct client
 * executor). {@code lab}: {@link io.hfthot.adapters.grpc.LabGrpcServer} with authentication, fed through
 * the engine's event bus by a publisher thread that publishes ticks as fast as it can on
 * {@code lab.ticks.BTC-USDT}, pausing while more than {@code window} published ticks have not yet reached
 * the client (below the bridge's 8192-tick buffer, so nothing is dropped and a publisher that outruns the
 * client does not steal the CPU the server needs). The rate is the sustained rate one client receives;
 * gaps in {@code seq} would show ticks dropped for it. The client asks for
 * messages in batches of {@code batch} (half a batch at a time) and runs callbacks on grpc-java's default
 * executor. Goal: lab >= 300k msg/s.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar io.hfthot.benchmarks.grpc.GrpcStreamLoad
 * [seconds=5] [batch=1000] [rounds=3]}; each measurement follows a 3 s warm-up; prints one markdown row
 * per target and round.
 */
public final class GrpcStreamLoad {
    /** Most published ticks not yet received before the publisher pauses; below the stream buffer (8192). */
    private static final long WINDOW = 4096;

    private GrpcStreamLoad() {
    }

    /**
     * Runs the measurement.
     *
     * @param args seconds per measurement, batch size, rounds
     * @throws Exception when a server cannot start
     */
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        System.out.println("| target | round | msg/s | messages | gaps (dropped ticks) |");
        System.out.println("|---|---|---|---|---|");
        for (int round = 1; round <= rounds; round++) {
            try (BareGrpcBaseline bare = BareGrpcBaseline.start()) {
                report("bare", round, measure(bare.port(), null, batch, seconds, new AtomicLong()));
            }
            try (LabGrpcTarget lab = new LabGrpcTarget()) {
                AtomicLong received = new AtomicLong();
                Thread publisher = startPublisher(lab, received);
                try {
                    report("lab", round, measure(lab.server.port(), lab.apiKey, batch, seconds, received));
                } finally {
                    publisher.interrupt();
                    publisher.join(5000);
                }
            }
        }
    }

    private static BatchedTickReader.Result measure(int port, String key, int batch, int seconds, AtomicLong received)
            throws Exception {
        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            return BatchedTickReader.measure(channel, key, "BTC-USDT", batch, 3000, seconds * 1000L, received);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private static Thread startPublisher(LabGrpcTarget lab, AtomicLong received) {
        String topic = LabTopics.ticks("BTC-USDT");
        Thread t = new Thread(() -> {
            long seq = 0;
            while (!Thread.currentThread().isInterrupted()) {
                if (lab.engine.bus().subscriberCount(topic) == 0 || seq - received.get() > WINDOW) {
                    LockSupport.parkNanos(20_000);
                    continue;
                }
                for (int i = 0; i < 256; i++) {
                    seq++;
                    lab.engine.bus().publish(topic, new TickMessage(TickMessage.TYPE, "BTC-USDT", 42_000 + (seq % 100),
                            0.01, (seq & 1) == 0 ? "buy" : "sell", 1_706_785_201_423L + seq, 0, seq));
                }
            }
        }, "tick-publisher");
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void report(String target, int round, BatchedTickReader.Result r) {
        System.out.println(String.format(Locale.ROOT, "| %s | %d | %.0f | %d | %d |", target, round,
                r.messagesPerSecond(), r.messages(), r.gaps()));
    }
}

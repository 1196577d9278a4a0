package io.hfthot.adapters.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.hfthot.adapters.http.jetty.RequestLimits;
import io.hfthot.adapters.http.jetty.TransportConfig;
import io.hfthot.adapters.http.jetty.TransportServer;
import io.hfthot.engine.lab.compute.ComputeGate;
import io.hfthot.engine.lab.compute.ComputeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A computation run for an HTTP request stops when its client disconnects, over a real server and raw sockets;
 * a client that stays gets its answer. Fails on a server that never watches the connection: the computation
 * then runs to its 8 s sleep's end and the latch times out.
 */
@Timeout(30)
class ClientDisconnectWatchTest {
    private final ComputeGate gate = new ComputeGate(new ComputeLimits(2, 0, Duration.ofSeconds(20)));
    private final CountDownLatch started = new CountDownLatch(1);
    private final CountDownLatch interrupted = new CountDownLatch(1);
    private final AtomicBoolean finished = new AtomicBoolean();

    private Response slowComputation(Request q, long millis) {
        return Response.ok(gate.run("test computation", () -> {
            started.countDown();
            try {
                Thread.sleep(millis);
                finished.set(true);
                return Map.of("done", true);
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
                return Map.of("done", false);
            }
        }, q.clientGone()));
    }

    private TransportServer start() throws IOException {
        HttpSurface surface = HttpSurface.builder("watch", ErrorShape.CODE_MESSAGE)
                .get("/slow", q -> slowComputation(q, 8_000))
                .get("/short", q -> slowComputation(q, 600))
                .build();
        TransportConfig config = new TransportConfig("127.0.0.1", 0, Optional.empty(), 16, false,
                Duration.ofSeconds(30), Duration.ofSeconds(1), RequestLimits.defaults());
        return TransportServer.start(config, surface);
    }

    @Test
    void aClientThatDisconnectsStopsItsComputation() throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "the kernel publishes no TCP table here (not Linux)");
        try (TransportServer server = start()) {
            RawHttp conn = new RawHttp(server.port(), 5_000);
            conn.send("GET /slow HTTP/1.1\r\nHost: t\r\n\r\n");
            assertTrue(started.await(5, TimeUnit.SECONDS), "the computation started");
            long t0 = System.nanoTime();
            conn.close();
            assertTrue(interrupted.await(3, TimeUnit.SECONDS), "the computation was interrupted");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            assertTrue(ms < 2_000, "stopped " + ms + " ms after the client left (one 250 ms poll expected)");
            assertFalse(finished.get());
        } finally {
            gate.close();
        }
    }

    @Test
    void aClientThatStaysGetsItsAnswer() throws Exception {
        try (TransportServer server = start(); RawHttp conn = new RawHttp(server.port(), 5_000)) {
            conn.send("GET /short HTTP/1.1\r\nHost: t\r\n\r\n");
            RawHttp.Answer a = conn.read();
            assertEquals(200, a.status(), a.head() + a.body());
            assertTrue(a.body().contains("\"done\":true"), a.body());
            assertEquals(1, interrupted.getCount(), "not interrupted");
        } finally {
            gate.close();
        }
    }
}

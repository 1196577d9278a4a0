package io.hfthot.engine.lab.compute;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ComputeGateTest {
    /** Work that spins until interrupted (as quant-core's solvers check once per outer iteration). */
    private static Supplier<String> spinUntilInterrupted(AtomicBoolean sawInterrupt, CountDownLatch started) {
        return () -> {
            started.countDown();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                if (Thread.currentThread().isInterrupted()) {
                    sawInterrupt.set(true);
                    return "cancelled";
                }
            }
            return "ran to the end";
        };
    }

    @Test
    void resultsAndExceptionsPassThrough() {
        try (ComputeGate gate = new ComputeGate(new ComputeLimits(1, 1, Duration.ofSeconds(5)))) {
            assertEquals("ok", gate.run("test", () -> "ok", CancelSignal.NONE));
            EngineException bad = assertThrows(EngineException.class, () -> gate.run("test", () -> {
                throw EngineException.invalid("n_agents", "n_agents must be in [2, 5000], got 1");
            }, CancelSignal.NONE));
            assertEquals(ErrorCode.INVALID_PARAMS, bad.code());
        }
    }

    @Test
    void theDeadlineStopsTheComputationAndSays429() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        // A queue place: the next run waits for the interrupted computation to return its thread.
        try (ComputeGate gate = new ComputeGate(new ComputeLimits(1, 1, Duration.ofMillis(200)))) {
            long t0 = System.nanoTime();
            EngineException e = assertThrows(EngineException.class,
                    () -> gate.run("MFG price signal", spinUntilInterrupted(interrupted, started), CancelSignal.NONE));
            long tookMs = (System.nanoTime() - t0) / 1_000_000;
            assertEquals(ErrorCode.RATE_LIMITED, e.code());
            assertTrue(e.getMessage().startsWith("Compute deadline exceeded: the MFG price signal did not finish within"
                    + " 200 ms"), e.getMessage());
            assertTrue(tookMs < 2000, "answered at the deadline, took " + tookMs + " ms");
            // The computing thread was interrupted and is free again.
            assertEquals("ok", gate.run("test", () -> "ok", CancelSignal.NONE));
            assertTrue(interrupted.get());
        }
    }

    @Test
    void aCallerThatGoesAwayInterruptsTheComputation() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        AtomicReference<Runnable> hook = new AtomicReference<>();
        CancelSignal signal = cancel -> {
            hook.set(cancel);
            return () -> hook.set(null);
        };
        try (ComputeGate gate = new ComputeGate(new ComputeLimits(1, 1, Duration.ofSeconds(20)))) {
            Thread disconnect = new Thread(() -> {
                try {
                    started.await();
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                hook.get().run();
            });
            disconnect.start();
            long t0 = System.nanoTime();
            EngineException e = assertThrows(EngineException.class,
                    () -> gate.run("backtest", spinUntilInterrupted(interrupted, started), signal));
            assertTrue(e.getMessage().contains("client went away"), e.getMessage());
            assertTrue((System.nanoTime() - t0) / 1_000_000 < 5000);
            disconnect.join();
            assertEquals(null, hook.get(), "the registration is closed when the computation ends");
            assertEquals("ok", gate.run("test", () -> "ok", CancelSignal.NONE));
            assertTrue(interrupted.get());
        }
    }

    @Test
    void aFullPoolRefusesAtOnce() throws Exception {
        AtomicBoolean interrupted = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        try (ComputeGate gate = new ComputeGate(new ComputeLimits(1, 0, Duration.ofSeconds(2)))) {
            Thread busy = new Thread(() -> {
                try {
                    gate.run("first", spinUntilInterrupted(interrupted, started), CancelSignal.NONE);
                } catch (EngineException expected) {
                    // the deadline ends it
                }
            });
            busy.start();
            started.await();
            EngineException e = assertThrows(EngineException.class, () -> gate.run("second", () -> "x", CancelSignal.NONE));
            assertEquals(ErrorCode.RATE_LIMITED, e.code());
            assertTrue(e.getMessage().startsWith("Compute capacity is busy: 1 computations are running and 0 are"
                    + " waiting"), e.getMessage());
            busy.join();
        }
    }

    @Test
    void limitsAreValidated() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ComputeLimits(0, 1, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().contains("threads") && e.getMessage().contains("got 0"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new ComputeLimits(1, 1, Duration.ofMillis(5)));
        assertTrue(e.getMessage().contains("deadline"), e.getMessage());
    }
}

package io.hfthot.engine.lab.compute;

import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.EngineException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs compute-heavy operations on a bounded pool with a deadline, and stops them when the caller goes away.
 *
 * <p>Each {@link #run} submits the work to a fixed pool of {@link ComputeLimits#threads()} threads behind a queue
 * of {@link ComputeLimits#queue()} places and waits at most {@link ComputeLimits#deadline()} from submission. On
 * the deadline, or when the {@link CancelSignal} fires, the computing thread is interrupted: quant-core's
 * iterative solvers check {@link Thread#isInterrupted()} once per outer iteration and stop early, and the
 * validated parameter ranges of the lab bound what an uninterruptible step costs.
 *
 * <p>Refusals, all {@link EngineException} with code {@link ErrorCode#RATE_LIMITED} (429, gRPC
 * RESOURCE_EXHAUSTED), because each means "the server's compute is taken, retry later" and seed 000 has no
 * closer code (not INVALID_PARAMS: the parameters were in range; not INTERNAL_ERROR: nothing failed):
 * <ul>
 *   <li>pool and queue full: {@code "Compute capacity is busy: ..."};</li>
 *   <li>deadline passed: {@code "Compute deadline exceeded: ..."}.</li>
 * </ul>
 * A cancelled computation throws the same code with {@code "Computation cancelled: the client went away"}; no
 * client reads it. Exceptions of the work itself are rethrown unchanged.
 *
 * <p>Thread-safe. {@link #close()} interrupts running work and refuses new work.
 */
public final class ComputeGate implements AutoCloseable {
    private final ComputeLimits limits;
    private final ThreadPoolExecutor pool;

    /**
     * Creates the gate and its threads (daemon threads named {@code hfthot-compute-N}).
     *
     * @param limits threads, queue and deadline
     */
    public ComputeGate(ComputeLimits limits) {
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        this.limits = limits;
        AtomicInteger n = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(limits.threads(), limits.threads(), 0, TimeUnit.MILLISECONDS,
                limits.queue() == 0 ? new java.util.concurrent.SynchronousQueue<>()
                        : new ArrayBlockingQueue<>(limits.queue()),
                r -> {
                    Thread t = new Thread(r, "hfthot-compute-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Returns the limits applied.
     *
     * @return the limits
     */
    public ComputeLimits limits() {
        return limits;
    }

    /**
     * Runs the work on the pool and waits for its result.
     *
     * @param operation what is computed, for messages (e.g. {@code MFG price signal})
     * @param work      the computation (it may throw {@link EngineException} for bad input)
     * @param signal    tells when the caller goes away
     * @param <T>       the result type
     * @return the result
     * @throws EngineException RATE_LIMITED when the pool is full, the deadline passes or the caller went away;
     *                      whatever the work throws otherwise
     */
    public <T> T run(String operation, Supplier<T> work, CancelSignal signal) {
        long deadlineNanos = limits.deadline().toNanos();
        long start = System.nanoTime();
        Future<T> future;
        try {
            future = pool.submit(work::get);
        } catch (RejectedExecutionException e) {
            throw new EngineException(ErrorCode.RATE_LIMITED, null, null, "Compute capacity is busy: "
                    + limits.threads() + " computations are running and " + limits.queue()
                    + " are waiting; retry in a few seconds.", null);
        }
        try (CancelSignal.Registration registration = signal.register(() -> future.cancel(true))) {
            return future.get(Math.max(0, deadlineNanos - (System.nanoTime() - start)), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new EngineException(ErrorCode.RATE_LIMITED, null, null, "Compute deadline exceeded: the "
                    + operation + " did not finish within " + limits.deadline().toMillis()
                    + " ms (waiting for a free compute thread included) and was stopped; retry later or ask for"
                    + " less work.", null);
        } catch (CancellationException e) {
            throw new EngineException(ErrorCode.RATE_LIMITED, null, null,
                    "Computation cancelled: the client went away before the " + operation + " finished.", null);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException(ErrorCode.RATE_LIMITED, null, null,
                    "Computation cancelled: the server is stopping the request.", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw EngineException.internal("the " + operation + " failed", cause);
        }
    }

    /** Interrupts running computations and refuses new ones. */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}

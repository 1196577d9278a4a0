package io.hfthot.adapters.http;

import io.hfthot.engine.EngineException;
import io.hfthot.engine.ErrorCode;
import io.hfthot.engine.lab.compute.CancelSignal;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a blocking call (an SQL query) for a request and interrupts it when the request's client goes away.
 *
 * <p>The call runs on a thread of its own, not on the server's: interrupting a server thread would leave its
 * interrupt flag to close the next connection it writes to (NIO closes a channel used by an interrupted
 * thread), whereas a pool thread's flag is cleared before its next task ({@code ThreadPoolExecutor}). The
 * callee decides what an interrupt means; the DuckDB query engine cancels the running statement.
 */
final class WhileClientConnected {
    private static final ExecutorService CALLERS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hfthot-client-bound-call");
        t.setDaemon(true);
        return t;
    });

    private WhileClientConnected() {
    }

    /**
     * Runs the call and returns its result, or throws what it throws; when the client goes away first, the call's
     * thread is interrupted and this throws what the interrupted call throws.
     *
     * @param signal fires when the client goes away
     * @param call   the blocking call
     * @param <T>    the result type
     * @return the call's result
     */
    static <T> T call(CancelSignal signal, Supplier<T> call) {
        Future<T> running = CALLERS.submit(call::get);
        try (CancelSignal.Registration registration = signal.register(() -> running.cancel(true))) {
            return running.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw EngineException.internal("the call failed", e.getCause());
        } catch (CancellationException e) {
            // Same code as a cancelled computation (ComputeGate); no client is left to read it.
            throw new EngineException(ErrorCode.RATE_LIMITED, null, null,
                    "Cancelled: the client went away before the answer was ready.", null);
        } catch (InterruptedException e) {
            running.cancel(true);
            Thread.currentThread().interrupt();
            throw new EngineException(ErrorCode.RATE_LIMITED, null, null,
                    "Cancelled: the server is stopping the request.", null);
        }
    }
}

package io.hfthot.engine.lab.compute;

/**
 * Tells a computation that its caller has gone away (a client that disconnected, a cancelled gRPC call).
 *
 * <p>Contract: {@link #register} arranges for {@code cancel} to run once when the caller goes away, at once when
 * it has already gone; the returned handle unregisters it and is closed by the {@link ComputeGate} when the
 * computation ends. {@code cancel} is cheap and thread-safe (it interrupts a thread).
 */
@FunctionalInterface
public interface CancelSignal {
    /** A caller that never goes away (in-process callers; the deadline still applies). */
    CancelSignal NONE = cancel -> () -> { };

    /**
     * Registers what to run when the caller goes away.
     *
     * @param cancel the action
     * @return closing it unregisters the action
     */
    Registration register(Runnable cancel);

    /** A registered action; closing it unregisters the action and never throws. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {
        /** Unregisters the action. */
        @Override
        void close();
    }
}

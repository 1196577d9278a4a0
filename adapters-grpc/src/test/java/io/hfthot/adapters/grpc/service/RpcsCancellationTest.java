package io.hfthot.adapters.grpc.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.grpc.Context;
import io.hfthot.engine.lab.compute.CancelSignal;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** A cancelled gRPC call (client cancel or deadline) cancels the computation registered on its context. */
class RpcsCancellationTest {
    @Test
    void cancellingTheCallsContextRunsTheRegisteredCancelOnce() {
        Context.CancellableContext call = Context.current().withCancellation();
        AtomicInteger cancels = new AtomicInteger();
        CancelSignal.Registration registration = Rpcs.cancelledWith(call).register(cancels::incrementAndGet);
        assertEquals(0, cancels.get());
        call.cancel(null);
        assertEquals(1, cancels.get());
        registration.close();
    }

    @Test
    void anAlreadyCancelledCallCancelsAtOnceAndAClosedRegistrationNever() {
        Context.CancellableContext gone = Context.current().withCancellation();
        gone.cancel(null);
        AtomicInteger cancels = new AtomicInteger();
        Rpcs.cancelledWith(gone).register(cancels::incrementAndGet);
        assertEquals(1, cancels.get());

        Context.CancellableContext finished = Context.current().withCancellation();
        AtomicInteger late = new AtomicInteger();
        Rpcs.cancelledWith(finished).register(late::incrementAndGet).close();
        finished.cancel(null);
        assertEquals(0, late.get(), "a computation that ended unregistered its cancel");
    }
}

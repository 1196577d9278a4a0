package io.hfthot.adapters.grpc.service;

import io.grpc.Context;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.auth.ApiKeyAuthInterceptor;
import io.hfthot.adapters.grpc.stream.FlowControlledEventStream;
import io.hfthot.engine.events.Event;
import io.hfthot.engine.identity.Principal;
import io.hfthot.engine.identity.access.AccessControl;
import io.hfthot.engine.identity.access.AccountKeys;
import io.hfthot.engine.lab.LabService;
import io.hfthot.engine.lab.compute.CancelSignal;
import io.hfthot.engine.quota.StreamGrant;
import io.hfthot.engine.quota.StreamLease;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The shape every rpc shares, so that services stay "decode, one engine call, encode": unary calls answer
 * or fail through {@link GrpcErrors}; server streams take a stream slot of the caller's tier, then run a
 * {@link FlowControlledEventStream} that gives the slot back when the stream ends.
 */
final class Rpcs {
    private final AccessControl access;
    private final InstantSource clock;
    private final int streamBuffer;
    private final Set<FlowControlledEventStream<?>> live = ConcurrentHashMap.newKeySet();

    Rpcs(AccessControl access, InstantSource clock, int streamBuffer) {
        this.access = access;
        this.clock = clock;
        this.streamBuffer = streamBuffer;
    }

    /**
     * Returns the authenticated caller of the current call (set by {@link ApiKeyAuthInterceptor}).
     */
    static Principal caller() {
        Principal principal = ApiKeyAuthInterceptor.PRINCIPAL.get();
        if (principal == null) {
            // Only reachable when a service is mounted without the interceptor: a wiring bug, not a client error.
            throw new IllegalStateException("no authenticated principal in the gRPC context");
        }
        return principal;
    }

    /**
     * Runs a compute-heavy engine call on the engine's bounded pool under its deadline; a call the client
     * cancels (or whose gRPC deadline passes) interrupts the computation.
     */
    static <T> T compute(LabService engine, String operation, Supplier<T> work) {
        return engine.compute().run(operation, work, cancelledWith(Context.current()));
    }

    /** The cancellation of a gRPC call's context as a {@link CancelSignal}. */
    static CancelSignal cancelledWith(Context context) {
        return cancel -> {
            Context.CancellationListener listener = c -> cancel.run();
            // Runs at once when the context is already cancelled.
            context.addListener(listener, Runnable::run);
            return () -> context.removeListener(listener);
        };
    }

    static <T> void unary(String method, StreamObserver<T> observer, Supplier<T> call) {
        T answer;
        try {
            answer = call.get();
        } catch (RuntimeException e) {
            observer.onError(GrpcErrors.toStatus(method, e));
            return;
        }
        observer.onNext(answer);
        observer.onCompleted();
    }

    private static void closeQuietly(AccountKeys.Registration registration) {
        if (registration != null) {
            registration.close();
        }
    }

    /** Ends every open stream with UNAVAILABLE (the server is stopping). */
    void shutdownStreams(String reason) {
        for (FlowControlledEventStream<?> stream : live) {
            stream.shutdown(reason);
        }
    }

    <T> void stream(String method, StreamObserver<T> observer, FlowControlledEventStream.Source source,
                    Function<Event, T> encoder) {
        StreamLease lease;
        Principal caller;
        try {
            caller = caller();
            StreamGrant grant = access.openStream(caller, clock.instant());
            if (!grant.decision().allowed()) {
                observer.onError(GrpcErrors.refused(grant.decision()));
                return;
            }
            lease = grant.lease();
        } catch (RuntimeException e) {
            observer.onError(GrpcErrors.toStatus(method, e));
            return;
        }
        try {
            AtomicReference<FlowControlledEventStream<T>> self = new AtomicReference<>();
            AtomicReference<AccountKeys.Registration> revocation = new AtomicReference<>();
            FlowControlledEventStream<T> stream = FlowControlledEventStream.start(source, streamBuffer,
                    (ServerCallStreamObserver<T>) observer, encoder, () -> {
                        lease.close();
                        closeQuietly(revocation.get());
                        FlowControlledEventStream<T> s = self.get();
                        if (s != null) {
                            live.remove(s);
                        }
                    });
            self.set(stream);
            live.add(stream);
            // DELETE /v1/keys/{key_id} ends the key's streams at once.
            revocation.set(access.accountKeys().onRevoke(caller.keyId(), () -> stream.shutdown("API key revoked")));
            if (stream.isEnded()) {
                closeQuietly(revocation.get());
            }
            if (stream.isEnded()) {
                // Ended before it was registered (an instant cancel): onEnd could not remove it.
                live.remove(stream);
            }
        } catch (RuntimeException e) {
            lease.close();
            observer.onError(GrpcErrors.toStatus(method, e));
        }
    }
}

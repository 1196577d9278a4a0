package io.hfthot.adapters.grpc.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.adapters.grpc.proto.Tick;
import io.hfthot.engine.events.InMemoryEventBus;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Flow control of the bus-to-stream bridge through the in-process transport, whose {@code isReady()}
 * is true exactly while the client has requested messages it has not received: so "the client asked for
 * n" is precisely "the server may write n", and the tests can count what the bridge wrote and dropped.
 */
class FlowControlledEventStreamTest {
    private static final String TOPIC = "lab.ticks.TEST";
    private static final int CAPACITY = 100;

    private final InMemoryEventBus bus = new InMemoryEventBus(() -> Instant.parse("2026-01-12T14:00:00Z"), 1);
    private final AtomicReference<FlowControlledEventStream<Tick>> stream = new AtomicReference<>();
    private final AtomicInteger ended = new AtomicInteger();
    private Server server;
    private ManagedChannel channel;

    @BeforeEach
    void start() throws Exception {
        String name = InProcessServerBuilder.generateName();
        server = InProcessServerBuilder.forName(name).directExecutor().addService(new MarketServiceGrpc.MarketServiceImplBase() {
            @Override
            public void streamTicks(SubscribeRequest request, StreamObserver<Tick> observer) {
                stream.set(FlowControlledEventStream.start((options, listener) -> bus.subscribe(TOPIC, options, listener),
                        CAPACITY, (ServerCallStreamObserver<Tick>) observer,
                        event -> Tick.newBuilder().setSeq(event.sequence()).build(), ended::incrementAndGet));
            }
        }).build().start();
        channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        bus.close();
    }

    private Reader open(int initialRequest) throws InterruptedException {
        Reader reader = new Reader(initialRequest);
        MarketServiceGrpc.newStub(channel).streamTicks(SubscribeRequest.getDefaultInstance(), reader);
        await(() -> bus.subscriberCount(TOPIC) == 1, "subscribed");
        return reader;
    }

    private void publish(int n) {
        for (int i = 0; i < n; i++) {
            bus.publish(TOPIC, "event");
        }
    }

    @Test
    void writesOnlyWhatTheClientRequestedAndDropsTheOldestBeyondTheBuffer() throws InterruptedException {
        Reader reader = open(10);
        publish(10);
        await(() -> reader.seqs.size() == 10, "the first 10 requested ticks");
        publish(990);
        // The client asked for nothing more: the bridge holds the newest CAPACITY events and drops the rest
        // instead of queueing them in the transport.
        await(() -> stream.get().dropped() == 1000 - 10 - CAPACITY, "890 dropped, got " + stream.get().dropped());
        assertEquals(10, stream.get().sent());
        assertEquals(10, reader.seqs.size());
        reader.call.request(1000);
        await(() -> reader.seqs.size() == 10 + CAPACITY, "the buffered ticks after request(1000)");
        List<Long> expected = LongStream.concat(LongStream.rangeClosed(1, 10), LongStream.rangeClosed(901, 1000))
                .boxed().toList();
        assertEquals(expected, reader.seqs);
        // Still live: new events flow straight through while the client has demand.
        publish(5);
        await(() -> reader.seqs.size() == 115, "live ticks");
        assertEquals(List.of(1001L, 1002L, 1003L, 1004L, 1005L), reader.seqs.subList(110, 115));
    }

    @Test
    void aClientThatKeepsUpLosesNothing() throws InterruptedException {
        Reader reader = open(Integer.MAX_VALUE);
        for (int round = 0; round < 20; round++) {
            publish(50);
            int expected = (round + 1) * 50;
            await(() -> reader.seqs.size() == expected, "round " + round);
        }
        assertEquals(LongStream.rangeClosed(1, 1000).boxed().toList(), reader.seqs);
        assertEquals(0, stream.get().dropped());
    }

    @Test
    void cancellingTheCallUnsubscribesOnce() throws InterruptedException {
        Reader reader = open(1);
        reader.call.cancel("done", null);
        await(() -> bus.subscriberCount(TOPIC) == 0, "unsubscribed");
        await(() -> ended.get() == 1, "onEnd ran");
        publish(10);
        assertTrue(stream.get().isEnded());
        assertEquals(1, ended.get());
    }

    @Test
    void aClosingBusEndsTheStreamWithUnavailable() throws InterruptedException {
        Reader reader = open(5);
        bus.close();
        await(() -> reader.error.get() != null, "the stream failed");
        StatusRuntimeException e = assertInstanceOf(StatusRuntimeException.class, reader.error.get());
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
        await(() -> ended.get() == 1, "onEnd ran");
    }

    @Test
    void shutdownEndsTheStreamAtOnceWithUnavailableEvenWithTicksBuffered() throws InterruptedException {
        Reader reader = open(0);
        publish(50);
        await(() -> stream.get().sent() == 0 && ended.get() == 0, "ticks buffered, none requested");
        stream.get().shutdown("the server is shutting down; reconnect");
        await(() -> reader.error.get() != null, "the stream failed");
        StatusRuntimeException e = assertInstanceOf(StatusRuntimeException.class, reader.error.get());
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode());
        assertEquals("the server is shutting down; reconnect", e.getStatus().getDescription());
        await(() -> bus.subscriberCount(TOPIC) == 0, "unsubscribed");
        assertEquals(1, ended.get());
        assertEquals(0, reader.seqs.size());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(2);
        }
    }

    /** A client that requests exactly what the test says. */
    private static final class Reader implements ClientResponseObserver<SubscribeRequest, Tick> {
        final List<Long> seqs = new CopyOnWriteArrayList<>();
        final AtomicReference<Throwable> error = new AtomicReference<>();
        private final int initial;
        volatile ClientCallStreamObserver<SubscribeRequest> call;

        Reader(int initial) {
            this.initial = initial;
        }

        @Override
        public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
            call = requestStream;
            requestStream.disableAutoRequestWithInitial(initial);
        }

        @Override
        public void onNext(Tick tick) {
            seqs.add(tick.getSeq());
        }

        @Override
        public void onError(Throwable t) {
            error.set(t);
        }

        @Override
        public void onCompleted() {
        }
    }
}

package io.hfthot.benchmarks.grpc;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import io.grpc.stub.MetadataUtils;
import io.hfthot.adapters.grpc.proto.MarketServiceGrpc;
import io.hfthot.adapters.grpc.proto.SubscribeRequest;
import io.hfthot.adapters.grpc.proto.Tick;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A StreamTicks client that reads as fast as it can and asks the server for messages in batches
 * (the issue measured ~19k msg/s with grpc-java's default one-at-a-time requests and ~550k msg/s with
 * batches of 1000). It counts messages and the gaps in {@code seq} (ticks the server dropped for it).
 */
final class BatchedTickReader implements ClientResponseObserver<SubscribeRequest, Tick> {
    private final int batch;
    private final AtomicLong received;
    private final AtomicLong gaps = new AtomicLong();
    private final CountDownLatch done = new CountDownLatch(1);
    private volatile Throwable error;
    private ClientCallStreamObserver<SubscribeRequest> call;
    private long lastSeq;
    private int sinceRequest;

    private BatchedTickReader(int batch, AtomicLong received) {
        this.batch = batch;
        this.received = received;
    }

    /**
     * Opens a stream and measures its rate.
     *
     * @param channel the channel
     * @param apiKey  the key to send, or null for none
     * @param symbol  the symbol to subscribe to
     * @param batch   messages requested at a time
     * @param warmup  how long to read before counting
     * @param measure how long to count
     * @param received counts every message received (a publisher may read it to pace itself)
     * @return messages per second and gaps seen while counting
     * @throws InterruptedException when interrupted
     */
    static Result measure(ManagedChannel channel, String apiKey, String symbol, int batch, long warmupMillis,
                          long measureMillis, AtomicLong received) throws InterruptedException {
        BatchedTickReader reader = new BatchedTickReader(batch, received);
        MarketServiceGrpc.MarketServiceStub stub = MarketServiceGrpc.newStub(channel);
        if (apiKey != null) {
            Metadata metadata = new Metadata();
            metadata.put(Metadata.Key.of("x-hfthot-api-key", Metadata.ASCII_STRING_MARSHALLER), apiKey);
            stub = stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(metadata));
        }
        stub.streamTicks(SubscribeRequest.newBuilder().setSymbol(symbol).build(), reader);
        Thread.sleep(warmupMillis);
        long n0 = reader.received.get();
        long g0 = reader.gaps.get();
        long t0 = System.nanoTime();
        Thread.sleep(measureMillis);
        long n1 = reader.received.get();
        long g1 = reader.gaps.get();
        long t1 = System.nanoTime();
        reader.call.cancel("measurement over", null);
        reader.done.await(5, TimeUnit.SECONDS);
        if (reader.error != null && n1 == 0) {
            throw new IllegalStateException("the stream failed before any message arrived", reader.error);
        }
        return new Result((n1 - n0) * 1e9 / (t1 - t0), n1 - n0, g1 - g0);
    }

    @Override
    public void beforeStart(ClientCallStreamObserver<SubscribeRequest> requestStream) {
        this.call = requestStream;
        requestStream.disableAutoRequestWithInitial(batch);
    }

    @Override
    public void onNext(Tick tick) {
        // grpc-java delivers one call's messages serially, so the plain fields need no lock.
        if (lastSeq != 0 && tick.getSeq() != lastSeq + 1) {
            gaps.addAndGet(tick.getSeq() - lastSeq - 1);
        }
        lastSeq = tick.getSeq();
        received.incrementAndGet();
        if (++sinceRequest == batch / 2) {
            sinceRequest = 0;
            call.request(batch / 2);
        }
    }

    @Override
    public void onError(Throwable t) {
        error = t;
        done.countDown();
    }

    @Override
    public void onCompleted() {
        done.countDown();
    }

    /**
     * One measurement.
     *
     * @param messagesPerSecond the delivered rate
     * @param messages          messages counted
     * @param gaps              ticks missing from the counted sequence (dropped for this client)
     */
    record Result(double messagesPerSecond, long messages, long gaps) {
    }
}
